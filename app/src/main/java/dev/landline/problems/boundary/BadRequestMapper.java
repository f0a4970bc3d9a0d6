package dev.landline.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class BadRequestMapper implements ExceptionMapper<BadRequest> {

    @Override
    public Response toResponse(BadRequest e) {
        var violation = new Problem.Violation(e.field(), e.getMessage());
        var status = e instanceof Conflict ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST;
        return Problem.response(status, e.field() + ": " + e.getMessage(), List.of(violation));
    }
}
