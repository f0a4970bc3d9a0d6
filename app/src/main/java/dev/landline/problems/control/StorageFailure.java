package dev.landline.problems.control;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * What a failed database operation means: a concurrent change that won, the database unavailable for now (down or
 * too busy: the admin API's 503), the database down (an outage: the webhooks' apology without waiting), or neither.
 */
public final class StorageFailure {

    private StorageFailure() {
    }

    /**
     * A concurrent change that won: an optimistic version clash, a unique key (SQL state class 23), a
     * serialization failure or deadlock (class 40), a lock not available (55P03, H2's HYT00), or a pessimistic lock
     * failure the database did not explain. A pessimistic lock that failed because the connection did is not one:
     * that is the database being unreachable.
     */
    public static boolean concurrentChange(Throwable e) {
        boolean pessimistic = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            pessimistic |= t instanceof PessimisticLockException;
            if (t instanceof SQLException sql) {
                var state = sql.getSQLState() == null ? "" : sql.getSQLState();
                return state.startsWith("23") || state.startsWith("40") || state.equals("55P03")
                        || state.equals("HYT00");
            }
        }
        return pessimistic;
    }

    /** The database or a transaction failed (the persistence provider's own exceptions carry the SQLException). */
    public static boolean storageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException || t instanceof TransactionalException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database is unavailable for now, down or too busy (the admin API answers 503 and the client may retry): a
     * storage failure whose SQL state is a connection exception (class 08), insufficient resources (53) or operator
     * intervention (57, e.g. a shutdown or a cancelled statement), or that carries no SQL state at all (e.g. the pool
     * could not hand out a connection in time). A statement the database rejected (syntax, data, constraint) is not:
     * that is a bug or a conflict. Whether it is an outage is {@link #databaseDown(Throwable)}, which is stricter.
     */
    public static boolean unreachable(Throwable e) {
        if (!storageFailure(e) || concurrentChange(e)) {
            return false;
        }
        var state = sqlState(e);
        return state == null || state.equals("unknown") || state.startsWith("08") || state.startsWith("53")
                || state.startsWith("57");
    }

    /** The SQL state of the first SQLException in the chain ("unknown" when it has none), or null without one. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState() == null ? "unknown" : sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * The database itself is out of reach (an outage), as opposed to busy or a bug. True when somewhere in the chain
     * (causes and chained SQL exceptions) there is a connect that failed ({@link ConnectException},
     * {@link NoRouteToHostException}, {@link UnknownHostException}, {@link PortUnreachableException}) or an
     * SQLException whose state says so: a connection exception (class 08, but not 08003/08006/08007 on a connection
     * that merely timed out reading: a slow statement or a long lock wait under the driver's socket timeout),
     * insufficient resources (class 53), an administrator or crash shutdown (57P01, 57P02, 57P03) or H2's broken
     * connection (90067). Not an outage: a failure with no SQL state (a pool whose wait for a free connection timed
     * out, a persistence or transaction failure without an SQL cause), an {@link SQLTimeoutException}, a cancelled
     * statement (57014), a conflict or a rejected statement. A busy pool must never make every caller hear the
     * apology.
     */
    public static boolean databaseDown(Throwable e) {
        for (var t : chain(e)) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof PortUnreachableException) {
                return true;
            }
            if (t instanceof SQLException sql && !(t instanceof SQLTimeoutException) && downState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean downState(SQLException sql) {
        var state = sql.getSQLState();
        if (state == null) {
            return false;
        }
        if (state.startsWith("08")) {
            var onAnOpenConnection = state.equals("08003") || state.equals("08006") || state.equals("08007");
            return !(onAnOpenConnection && chain(sql.getCause()).stream()
                    .anyMatch(SocketTimeoutException.class::isInstance));
        }
        return state.startsWith("53") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("90067");
    }

    /** The throwable, its causes and the SQL exceptions chained to any of them, each once, in that order. */
    private static List<Throwable> chain(Throwable e) {
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        var all = new ArrayList<Throwable>();
        var pending = new ArrayList<Throwable>();
        if (e != null) {
            pending.add(e);
        }
        while (!pending.isEmpty() && all.size() < 64) {
            var t = pending.remove(0);
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return all;
    }
}
