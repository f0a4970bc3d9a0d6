package dev.landline.problems.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field of a request. */
    public record Violation(String field, String message) {
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, detail, null);
    }

    public static Response response(Response.StatusType status, String detail, List<Violation> violations) {
        return response(of(status, detail, violations));
    }

    /** The problem for a status: its reason phrase as the title, no type beyond the status ("about:blank"). */
    public static Problem of(Response.StatusType status, String detail, List<Violation> violations) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, violations);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(problem)
                .build();
    }
}
