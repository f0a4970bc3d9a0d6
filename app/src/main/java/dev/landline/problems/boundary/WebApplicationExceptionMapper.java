package dev.landline.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404, 405, 406, 415 … raised by the JAX-RS runtime, as problem+json with the status' own wording only. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        var status = e.getResponse().getStatusInfo();
        if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "The request could not be completed.");
        }
        var response = Problem.response(status, describe(status.getStatusCode()));
        if (e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return response;
    }

    static String describe(int status) {
        return switch (status) {
            case 400 -> "The request body could not be read.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported content type.";
            default -> "The request was refused.";
        };
    }
}
