package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.landline.secrets.control.ServerKeys;
import dev.landline.testsupport.MigratedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyUsageTest {

    @Test
    void anEarlierKeyIsRemovableOnlyWhenNoRowNeedsItAndRowsUnderAnUnknownKeyAreCountedAsMissing() {
        var rows = new LinkedHashMap<String, Long>();
        rows.put("new", 4L);
        rows.put("old", 2L);
        rows.put("gone", 1L);
        var seeds = KeyUsage.uses(List.of("new", "old", "older"), rows);

        assertEquals(List.of(new KeyUsage.Use("new", true, true, 4), new KeyUsage.Use("old", false, true, 2),
                new KeyUsage.Use("older", false, true, 0), new KeyUsage.Use("gone", false, false, 1)), seeds);
        assertEquals(List.of(false, false, true, false), seeds.stream().map(KeyUsage.Use::removable).toList());
        var usage = new KeyUsage.Usage(seeds, KeyUsage.uses(List.of("p2", "p1"), new LinkedHashMap<>(
                java.util.Map.of("p0", 3L))));
        assertEquals(2, usage.seedsToReencrypt());
        assertEquals(1, usage.seedsUnderMissingKeys());
        assertEquals(3, usage.pinsUnderMissingPeppers());
    }

    @Test
    void theCurrentKeyIsNeverRemovableEvenWithNoRows() {
        assertEquals(false, KeyUsage.uses(List.of("only"), new LinkedHashMap<>()).get(0).removable());
    }

    /**
     * The database counts PIN hashes per pepper exactly as {@link PinHasher#pepperIdOf} reads each hash, on the
     * migrated schema of both databases: hashes under two peppers and two iteration counts, and stored values that
     * are not PIN hashes of this scheme (counted apart, never as a pepper).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theDatabaseCountsPinHashesPerPepperAsTheHasherReadsThem(String database) throws Exception {
        var db = MigratedDatabase.of(database, "key_usage");
        try (db) {
            String url = db.url();
            String user = db.user();
            String password = db.password();
            var hashes = new ArrayList<String>();
            var today = new PinHasher(ServerKeys.of(PinHasherTest.SEED_KEY, PinHasherTest.PEPPER), 1_000);
            var earlier = new PinHasher(ServerKeys.of(PinHasherTest.SEED_KEY, PinHasherTest.OTHER_PEPPER), 1_200);
            for (int i = 0; i < 5; i++) {
                hashes.add(today.hash("48026" + i));
            }
            for (int i = 0; i < 3; i++) {
                hashes.add(earlier.hash("73914" + i));
            }
            hashes.addAll(List.of("not a hash", "bcrypt$1$salt$hash$pepper", PinHasher.SCHEME + "$1$salt$hash",
                    PinHasher.SCHEME + "$1$salt$hash$pepper$extra", PinHasher.SCHEME + "$1$salt$hash$"));
            var expected = new TreeMap<String, Long>();
            hashes.forEach(hash -> expected.merge(PinHasher.pepperIdOf(hash).orElse(KeyUsage.NOT_A_PIN_HASH), 1L,
                    Long::sum));
            assertEquals(3, expected.size(), "two peppers and the rest: " + expected.keySet());

            Map<String, Long> counted;
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                try (var insert = connection.prepareStatement("insert into caller (id, display_name, account_number,"
                        + " pin_hash, language, created_at, version) values (?, ?, ?, ?, 'en', current_timestamp, 0)")) {
                    for (int i = 0; i < hashes.size(); i++) {
                        insert.setLong(1, i + 1);
                        insert.setString(2, "C" + i);
                        insert.setString(3, "10" + i);
                        insert.setString(4, hashes.get(i));
                        insert.executeUpdate();
                    }
                }
                counted = KeyUsage.pepperCounts(statement);
            }
            assertEquals(expected, new TreeMap<>(counted));
        }
    }

    /**
     * The readiness question on the migrated schema of both databases: the distinct stored key ids are read from
     * the key_id index (both ways, on both databases), and only seeds (accounts and pending enrolments) under an id that is not configured are
     * counted; the same figure as the full counts give, and 0 once every stored id is configured.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void seedsUnderMissingKeysAreCountedFromTheDistinctStoredKeyIdsAlone(String database) throws Exception {
        var db = MigratedDatabase.of(database, "key_ids");
        try (db) {
            String url = db.url();
            String user = db.user();
            String password = db.password();
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                assertEquals(List.of(), KeyUsage.storedKeyIds(connection, "otp_account"));
                assertEquals(0, KeyUsage.seedsUnderMissingKeys(connection, List.of("new")));
                statement.executeUpdate("insert into caller (id, display_name, account_number, pin_hash, language,"
                        + " created_at, version) values (1, 'C', '101', 'x', 'en', current_timestamp, 0)");
                var accountKeys = List.of("new", "old", "new", "gone", "old", "new", "gone", "gone");
                try (var insert = connection.prepareStatement("insert into otp_account (id, caller_id, label, otp_type,"
                        + " algorithm, digits, period, counter, menu_position, sealed_secret, key_id, created_at,"
                        + " version) values (?, 1, 'L', 'TOTP', 'SHA1', 6, 30, 0, ?, 's', ?, current_timestamp, 0)")) {
                    for (int i = 0; i < accountKeys.size(); i++) {
                        insert.setLong(1, i + 1);
                        insert.setInt(2, i + 1);
                        insert.setString(3, accountKeys.get(i));
                        insert.executeUpdate();
                    }
                }
                statement.executeUpdate("insert into enrolment (id, caller_id, source, created_at, expires_at, version)"
                        + " values ('e1', 1, 'paste', current_timestamp, current_timestamp, 0)");
                for (var slot : List.of(1, 2, 3)) {
                    statement.executeUpdate("insert into enrolment_account (enrolment_id, slot, batch_index, label,"
                            + " otp_type, algorithm, digits, period, counter, sealed_secret, key_id) values ('e1', "
                            + slot + ", 0, 'L', 'TOTP', 'SHA1', 6, 30, 0, 's', '" + (slot == 1 ? "new" : "lost") + "')");
                }

                assertEquals(List.of("gone", "new", "old"), KeyUsage.storedKeyIds(connection, "otp_account"));
                assertEquals(List.of("lost", "new"), KeyUsage.storedKeyIds(connection, "enrolment_account"));
                for (var table : List.of("otp_account", "enrolment_account")) {
                    assertEquals(KeyUsage.distinctKeyIds(connection, table), KeyUsage.walkedKeyIds(connection, table),
                            "both ways of reading the ids agree on " + database);
                }
                assertEquals(3 + 2, KeyUsage.seedsUnderMissingKeys(connection, List.of("new", "old")));
                assertEquals(2, KeyUsage.seedsUnderMissingKeys(connection, List.of("new", "old", "gone")));
                assertEquals(3 + 2 + 2, KeyUsage.seedsUnderMissingKeys(connection, List.of("new")));
                assertEquals(0, KeyUsage.seedsUnderMissingKeys(connection, List.of("new", "old", "gone", "lost")));
            }
        }
    }
}
