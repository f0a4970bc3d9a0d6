package dev.landline.enrolment.boundary;

import dev.landline.enrolment.control.EnrolmentRefused;
import dev.landline.problems.boundary.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * An enrolment refusal as problem+json: 400, 409, 404, 413 or 415, the field named; 503 with {@code Retry-After}
 * when the server is busy reading other images.
 */
@Provider
public class EnrolmentRefusedMapper implements ExceptionMapper<EnrolmentRefused> {

    /** When a client told the server is busy may try again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(EnrolmentRefused e) {
        var status = switch (e.reason()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case CONFLICT -> Response.Status.CONFLICT;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_TYPE -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case BUSY -> Response.Status.SERVICE_UNAVAILABLE;
        };
        var response = Problem.response(status, e.getMessage(),
                List.of(new Problem.Violation(e.field(), e.getMessage())));
        return e.reason() == EnrolmentRefused.Reason.BUSY
                ? Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build()
                : response;
    }
}
