package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.accounts.control.PhoneHolders.PhoneHolder;
import dev.landline.problems.control.StorageFailure;
import dev.landline.testsupport.MigratedDatabase;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whose number a call comes from, read from the migrated schema of both databases as the admin API stores callers
 * (a row in {@code caller}, its usual numbers in {@code caller_phone}); and a database that fails fails as the
 * persistence provider's would, so that the answer webhook's failure mapper still recognises an outage.
 */
class PhoneHoldersTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aNumberFindsEveryCallerWhoHasItAsAUsualOneWithTheirLanguageAndNoOneElse(String database) throws Exception {
        try (var db = MigratedDatabase.of(database, "phone_holders")) {
            try (var connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                caller(connection, 1, "de", "+493012345678", "+447700900123");
                caller(connection, 2, "en", "+447700900999");
                caller(connection, 3, "fr", "+33142685300");
                caller(connection, 4, "en", "+33142685300");
            }
            var holders = new PhoneHolders();
            holders.dataSource = db.dataSource();

            assertEquals(List.of(new PhoneHolder(1, "de")), holders.of("+493012345678"));
            assertEquals(List.of(new PhoneHolder(1, "de")), holders.of("+447700900123"), "either usual number");
            assertEquals(List.of(new PhoneHolder(2, "en")), holders.of("+447700900999"));
            assertEquals(Set.of(new PhoneHolder(3, "fr"), new PhoneHolder(4, "en")),
                    holders.of("+33142685300").stream().collect(Collectors.toSet()), "a shared number: both");
            assertEquals(List.of(), holders.of("+4930123456789"), "no prefix or pattern matching");
            assertEquals(List.of(), holders.of("+49301234567"));
            assertEquals(List.of(), holders.of("+4930%"));
            assertEquals(List.of(), holders.of("+15550100"), "nobody's");
        }
    }

    @Test
    void aDatabaseOutOfReachFailsAsThePersistenceProviderWouldWithItsSqlState() {
        var holders = new PhoneHolders();
        holders.dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("Connection refused", "08001");
                });

        var failure = assertThrows(PersistenceException.class, () -> holders.of("+493012345678"));
        assertTrue(StorageFailure.storageFailure(failure));
        assertEquals("08001", StorageFailure.sqlState(failure));
        assertTrue(StorageFailure.databaseDown(failure), "the webhooks' mapper reports an outage");
    }

    private static void caller(java.sql.Connection connection, long id, String language, String... numbers)
            throws SQLException {
        try (var insert = connection.prepareStatement("insert into caller (id, display_name, account_number, pin_hash,"
                + " language, created_at, version) values (?, ?, ?, 'not a hash', ?, current_timestamp, 0)")) {
            insert.setLong(1, id);
            insert.setString(2, "Caller " + id);
            insert.setString(3, "10" + id);
            insert.setString(4, language);
            insert.executeUpdate();
        }
        for (var number : numbers) {
            try (var insert = connection.prepareStatement(
                    "insert into caller_phone (caller_id, phone_number) values (?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, number);
                insert.executeUpdate();
            }
        }
    }
}
