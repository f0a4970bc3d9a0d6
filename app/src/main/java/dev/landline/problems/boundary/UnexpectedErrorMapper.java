package dev.landline.problems.boundary;

import dev.landline.problems.control.StorageFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort (a database failure that arrives here unwrapped goes to {@link TransactionFailureMapper}). The client gets a generic 500 with an incident id; the log gets the id and the exception type.
 * Exception messages are not logged at INFO: a database driver may put bound values (hashes, ciphertexts) in them.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (StorageFailure.storageFailure(e)) {
            // a provider exception that reached us unwrapped: a conflict, an outage or a bug, as decided there
            return TransactionFailureMapper.respond(e);
        }
        return internalError(e);
    }

    /** The generic 500 with an incident id. */
    public static Response internalError(Throwable e) {
        var incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident {0}: {1} at {2}",
                new Object[] {incident, e.getClass().getName(), topFrame(e)});
        LOG.log(Level.FINE, "Incident " + incident, e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "The request could not be completed (incident " + incident + ").");
    }

    private static String topFrame(Throwable e) {
        var stack = e.getStackTrace();
        return stack.length == 0 ? "?" : stack[0].toString();
    }
}
