package dev.landline.problems.boundary;

import dev.landline.problems.control.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Every {@link Refusal} of every feature, by its kind: 400, 409 or 503. A refusal of a field says
 * {@code "field: message"} and lists the field as the one violation; any other refusal says its message.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal e) {
        return Problem.response(problem(e));
    }

    static Problem problem(Refusal e) {
        var status = switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
        if (e.field() == null) {
            return Problem.of(status, e.getMessage(), null);
        }
        return Problem.of(status, e.field() + ": " + e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage())));
    }
}
