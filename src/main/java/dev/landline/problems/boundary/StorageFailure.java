package dev.landline.problems.boundary;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;

/** What a failed database operation means: a concurrent change that won, the database out of reach, or neither. */
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
     * The database could not be reached or refused to work: a storage failure whose SQL state is a connection
     * exception (class 08), insufficient resources (53) or operator intervention (57, e.g. a shutdown), or that
     * carries no SQL state at all (the pool could not hand out a connection). A statement the database rejected
     * (syntax, data, constraint) is not: that is a bug or a conflict.
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
}
