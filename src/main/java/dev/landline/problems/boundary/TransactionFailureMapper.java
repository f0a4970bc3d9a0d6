package dev.landline.problems.boundary;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;

/**
 * A transaction that could not commit. When a concurrent change won (a unique key, a version, a lock), the client
 * gets 409 and may retry; anything else is an unexpected error. Either way problem+json, and the driver's message
 * (which may quote values) is not passed on or logged.
 */
@Provider
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    @Override
    public Response toResponse(TransactionalException e) {
        return respond(e);
    }

    public static Response respond(Throwable e) {
        if (concurrentChange(e)) {
            return Problem.response(Response.Status.CONFLICT,
                    "A concurrent change got there first; nothing was saved. Please try again.");
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }

    public static boolean concurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
