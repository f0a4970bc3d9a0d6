package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The probe decides: a database it cannot reach twice in a row is known down until a probe reaches it again; a pool
 * that is only busy is never taken for an outage.
 */
class DatabaseOutageTest {

    private enum Pool { REACHABLE, REFUSED, BUSY }

    private Pool pool = Pool.REACHABLE;
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
    void twoProbesInARowThatCannotConnectMakeItKnownDownUntilAProbeConnectsAgain() {
        pool = Pool.REFUSED;
        outage.probe();
        assertFalse(outage.knownDown(), "one failed probe is not yet an outage");
        outage.probe();
        assertTrue(outage.knownDown());
        var since = outage.downSince().orElseThrow();
        outage.probe();
        assertTrue(outage.knownDown(), "still down");
        assertTrue(outage.downSince().orElseThrow().equals(since), "since it was declared");
        pool = Pool.REACHABLE;
        outage.probe();
        assertFalse(outage.knownDown());
    }

    @Test
    void aBusyPoolIsNeverTakenForAnOutage() {
        pool = Pool.BUSY;
        for (int i = 0; i < 5; i++) {
            outage.probe();
        }
        assertFalse(outage.knownDown(), "a pool whose wait for a free connection timed out is busy, not down");
    }

    @Test
    void aBusyProbeBreaksARunOfFailures() {
        pool = Pool.REFUSED;
        outage.probe();
        pool = Pool.BUSY;
        outage.probe();
        pool = Pool.REFUSED;
        outage.probe();
        assertFalse(outage.knownDown(), "not two failures that say down in a row");
        outage.probe();
        assertTrue(outage.knownDown());
    }

    @Test
    void aBusyProbeDoesNotEndAKnownOutage() {
        outage.unreachable("08001");
        pool = Pool.BUSY;
        outage.probe();
        assertTrue(outage.knownDown(), "only a probe that reaches the database ends it");
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
                    return switch (pool) {
                        case REFUSED -> throw new SQLException("Error in allocating a connection",
                                new IllegalStateException("pool", new SQLTransientConnectionException(
                                        "Connection to 127.0.0.1:5432 refused", "08001",
                                        new java.net.ConnectException("Connection refused"))));
                        case BUSY -> throw new SQLException("Error in allocating a connection. Cause: In-use"
                                + " connections equal max-pool-size and expired max-wait-time");
                        case REACHABLE -> connection();
                    };
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
