package dev.landline.problems.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which database failures the admin API answers with 503 (out of reach), 409 (conflict) or 500 (a bug), and which of
 * them mean the database is down (an outage: the webhooks apologise at once) rather than busy.
 */
class StorageFailureTest {

    @Test
    void aRefusedOrLostConnectionIsTheDatabaseDownHoweverDeeplyThePoolWrapsIt() {
        assertTrue(StorageFailure.databaseDown(new PersistenceException("wrapped",
                new SQLTransientConnectionException("Connection refused", "08001"))));
        assertTrue(StorageFailure.databaseDown(new PessimisticLockException("lock",
                new SQLException("An I/O error occurred while sending to the backend.", "08006",
                        new java.net.SocketException("Connection reset")))));
        var pool = new SQLException("Error in allocating a connection", new IllegalStateException("resource",
                new java.net.ConnectException("Connection refused")));
        assertTrue(StorageFailure.databaseDown(new PersistenceException(pool)), "a failed connect, no SQL state");
        var chained = new SQLException("batch failed");
        chained.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(StorageFailure.databaseDown(chained), "a chained SQL exception counts");
        assertTrue(StorageFailure.databaseDown(new SQLException("too many clients", "53300")));
        assertTrue(StorageFailure.databaseDown(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void aBusyPoolOrAFailureWithoutSqlStateIsNotTheDatabaseDown() {
        assertFalse(StorageFailure.databaseDown(new PersistenceException("wrapped", new SQLException(
                "Error in allocating a connection. Cause: In-use connections equal max-pool-size and expired"
                        + " max-wait-time"))));
        assertFalse(StorageFailure.databaseDown(new PersistenceException("no SQL cause")));
        assertFalse(StorageFailure.databaseDown(new TransactionalException("a bug", new IllegalStateException())));
        assertFalse(StorageFailure.databaseDown(new java.sql.SQLTransientConnectionException(
                "Connection is not available, request timed out after 4000ms.")));
        assertFalse(StorageFailure.databaseDown(new java.sql.SQLTimeoutException("pool wait", "08001")),
                "a timeout is the pool busy");
    }

    @Test
    void aSlowStatementIsNotTheDatabaseDown() {
        assertFalse(StorageFailure.databaseDown(new PersistenceException(new SQLException(
                "canceling statement due to user request", "57014"))), "a cancelled statement");
        assertFalse(StorageFailure.databaseDown(new PessimisticLockException("lock", new SQLException(
                "An I/O error occurred while sending to the backend.", "08006",
                new java.net.SocketTimeoutException("Read timed out")))), "a lock wait over the socket timeout");
        assertTrue(StorageFailure.databaseDown(new SQLException("The connection attempt failed.", "08001",
                new java.net.SocketTimeoutException("Connect timed out"))), "but a connect that timed out is down");
    }

    @Test
    void aConflictOrARejectedStatementIsNotTheDatabaseDown() {
        assertFalse(StorageFailure.databaseDown(new OptimisticLockException("version")));
        assertFalse(StorageFailure.databaseDown(new PersistenceException("duplicate", new SQLException("x", "23505"))));
        assertFalse(StorageFailure.databaseDown(new PersistenceException("syntax", new SQLException("x", "42601"))));
        assertFalse(StorageFailure.databaseDown(new IllegalStateException("a bug")));
    }

    @Test
    void aLostConnectionIsUnreachableEvenUnderARowLock() {
        var lost = new PessimisticLockException("lock", new SQLException("I/O error", "08006"));
        assertTrue(StorageFailure.unreachable(lost));
        assertFalse(StorageFailure.concurrentChange(lost), "not a conflict the client could win by retrying now");
    }

    @Test
    void aPoolThatCannotHandOutAConnectionIsUnreachable() {
        assertTrue(StorageFailure.unreachable(new PersistenceException("wrapped",
                new SQLException("Error in allocating a connection"))));
        assertTrue(StorageFailure.unreachable(new TransactionalException("commit failed", null)));
        assertTrue(StorageFailure.unreachable(new PersistenceException("shutdown", new SQLException("x", "57P01"))));
    }

    @Test
    void aConflictIsNotAnOutage() {
        assertFalse(StorageFailure.unreachable(new OptimisticLockException("version")));
        assertFalse(StorageFailure.unreachable(new PersistenceException("duplicate", new SQLException("x", "23505"))));
        assertFalse(StorageFailure.unreachable(new PersistenceException("deadlock", new SQLException("x", "40P01"))));
    }

    @Test
    void aStatementTheDatabaseRejectedIsABugNotAnOutage() {
        assertFalse(StorageFailure.unreachable(new PersistenceException("syntax", new SQLException("x", "42601"))));
        assertFalse(StorageFailure.unreachable(new PersistenceException("too long", new SQLException("x", "22001"))));
        assertFalse(StorageFailure.unreachable(new IllegalStateException("a bug")));
    }

    @Test
    void aLostConnectionIsNotAConcurrentChangeEvenUnderARowLock() {
        assertFalse(StorageFailure.concurrentChange(new PersistenceException("wrapped",
                new SQLTransientConnectionException("Connection refused", "08001"))));
        assertFalse(StorageFailure.concurrentChange(new PessimisticLockException("lock",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertFalse(StorageFailure.concurrentChange(new PersistenceException("wrapped",
                new SQLException("Error in allocating a connection"))));
        assertFalse(StorageFailure.concurrentChange(new IllegalStateException("a bug")));
    }

    @Test
    void onlyADatabaseOrTransactionFailureIsAnOutageABugIsNot() {
        assertTrue(StorageFailure.storageFailure(new PersistenceException("wrapped")));
        assertTrue(StorageFailure.storageFailure(new IllegalStateException("provider",
                new SQLException("Error in allocating a connection"))));
        assertTrue(StorageFailure.storageFailure(new jakarta.transaction.TransactionalException("commit",
                new IllegalStateException())));
        assertFalse(StorageFailure.storageFailure(new NullPointerException()));
        assertFalse(StorageFailure.storageFailure(new IllegalArgumentException("a bug")));
    }

    @Test
    void whatAConcurrentChangeLooksLike() {
        assertTrue(StorageFailure.concurrentChange(new OptimisticLockException("version")));
        assertTrue(StorageFailure.concurrentChange(new PersistenceException("duplicate",
                new SQLException("duplicate key", "23505"))));
        assertTrue(StorageFailure.concurrentChange(new PessimisticLockException("lock",
                new SQLException("deadlock detected", "40P01"))));
        assertTrue(StorageFailure.concurrentChange(new PessimisticLockException("lock")));
    }
}
