package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.PersistenceFailureMapper;
import dev.landline.problems.boundary.TransactionFailureMapper;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The decisions of the webhook failure mapper; the responses themselves are tested on the server (TwoNodesIT). */
class WebhookFailureMapperTest {

    @Test
    void theApologyIsAValidNccoThatEndsTheCallAndSaysNothingOfTheFailure() throws Exception {
        String json;
        try (var jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(WebhookFailureMapper.apology());
        }
        var ncco = json;
        assertTrue(NccoRules.problems(ncco).isEmpty(), () -> ncco + ": " + NccoRules.problems(ncco));
        assertTrue(ncco.contains("cannot read codes right now"), ncco);
        assertFalse(ncco.contains("\"input\""), "the apology listens for nothing: " + ncco);
    }

    @Test
    void aLostConnectionIsNotAConcurrentChangeEvenUnderARowLock() {
        assertFalse(WebhookFailureMapper.concurrentChange(new PersistenceException("wrapped",
                new SQLTransientConnectionException("Connection refused", "08001"))));
        assertFalse(WebhookFailureMapper.concurrentChange(new PessimisticLockException("lock",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertFalse(WebhookFailureMapper.concurrentChange(new PersistenceException("wrapped",
                new SQLException("Error in allocating a connection"))));
        assertFalse(WebhookFailureMapper.concurrentChange(new IllegalStateException("a bug")));
    }

    @Test
    void onlyADatabaseOrTransactionFailureIsAnOutageABugIsNot() {
        assertTrue(WebhookFailureMapper.storageFailure(new PersistenceException("wrapped")));
        assertTrue(WebhookFailureMapper.storageFailure(new IllegalStateException("provider",
                new SQLException("Error in allocating a connection"))));
        assertTrue(WebhookFailureMapper.storageFailure(new jakarta.transaction.TransactionalException("commit",
                new IllegalStateException())));
        assertFalse(WebhookFailureMapper.storageFailure(new NullPointerException()));
        assertFalse(WebhookFailureMapper.storageFailure(new IllegalArgumentException("a bug")));
    }

    @Test
    void whatAConcurrentChangeLooksLike() {
        assertTrue(WebhookFailureMapper.concurrentChange(new OptimisticLockException("version")));
        assertTrue(WebhookFailureMapper.concurrentChange(new PersistenceException("duplicate",
                new SQLException("duplicate key", "23505"))));
        assertTrue(WebhookFailureMapper.concurrentChange(new PessimisticLockException("lock",
                new SQLException("deadlock detected", "40P01"))));
        assertTrue(WebhookFailureMapper.concurrentChange(new PessimisticLockException("lock")));
    }

    @Test
    void theWebhookApplicationUsesItInsteadOfTheSharedPersistenceMappers() {
        var classes = new VoiceApplication().getClasses();
        assertTrue(classes.contains(WebhookFailureMapper.class));
        assertFalse(classes.contains(PersistenceFailureMapper.class));
        assertFalse(classes.contains(TransactionFailureMapper.class));
    }
}
