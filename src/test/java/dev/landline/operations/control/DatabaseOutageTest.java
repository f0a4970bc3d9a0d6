package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The probe decides: a database it cannot reach is known down until a probe reaches it again. */
class DatabaseOutageTest {

    private boolean reachable = true;
    private final DatabaseOutage outage = new DatabaseOutage();

    DatabaseOutageTest() {
        outage.dataSource = dataSource();
    }

    @Test
    void aReachableDatabaseIsNotKnownDown() {
        outage.probe();
        assertFalse(outage.knownDown());
        assertTrue(outage.downSince().isEmpty());
    }

    @Test
    void aProbeThatCannotConnectMakesItKnownDownUntilAProbeConnectsAgain() {
        reachable = false;
        outage.probe();
        assertTrue(outage.knownDown());
        var since = outage.downSince().orElseThrow();
        outage.probe();
        assertTrue(outage.knownDown(), "still down");
        assertTrue(outage.downSince().orElseThrow().equals(since), "since the first failure");
        reachable = true;
        outage.probe();
        assertFalse(outage.knownDown());
    }

    @Test
    void aWebhookThatFoundTheDatabaseGoneMakesItKnownDownUntilTheProbeReachesIt() {
        outage.unreachable("08001");
        assertTrue(outage.knownDown());
        outage.probe();
        assertFalse(outage.knownDown(), "the probe reached it");
    }

    private DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (!reachable) {
                        throw new SQLTransientConnectionException("Connection refused", "08001");
                    }
                    return connection();
                });
    }

    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(DatabaseOutageTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> true;
                    case "close" -> null;
                    default -> throw new SQLException("not in this test: " + method.getName());
                });
    }
}
