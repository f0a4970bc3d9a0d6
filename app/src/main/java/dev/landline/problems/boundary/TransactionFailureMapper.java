package dev.landline.problems.boundary;

import dev.landline.problems.control.StorageFailure;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A transaction that could not commit. When a concurrent change won (a unique key, a version, a lock), the client
 * gets 409 and may retry; when the database is out of reach, 503 (nothing was saved; try later); anything else is an
 * unexpected error. Always problem+json, and the driver's message (which may quote values) is neither passed on nor
 * logged: the log gets an incident id, the exception type and the SQL state.
 */
@Provider
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    private static final Logger LOG = Logger.getLogger(TransactionFailureMapper.class.getName());

    @Override
    public Response toResponse(TransactionalException e) {
        return respond(e);
    }

    public static Response respond(Throwable e) {
        if (StorageFailure.concurrentChange(e)) {
            return Problem.response(Response.Status.CONFLICT,
                    "A concurrent change got there first; nothing was saved. Please try again.");
        }
        if (StorageFailure.unreachable(e)) {
            var incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Database unavailable, incident {0}: {1} (SQL state {2})",
                    new Object[] {incident, e.getClass().getName(), String.valueOf(StorageFailure.sqlState(e))});
            LOG.log(Level.FINE, "Incident " + incident, e);
            return Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                    "The database is unavailable right now; nothing was saved. Please try again later (incident "
                            + incident + ").");
        }
        return UnexpectedErrorMapper.internalError(e);
    }
}
