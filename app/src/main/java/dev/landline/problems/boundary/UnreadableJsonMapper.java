package dev.landline.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The same as {@link UnreadableBodyMapper} for runtimes that let the JSON-B exception through unwrapped. */
@Provider
public class UnreadableJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException e) {
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not the JSON expected here.");
    }
}
