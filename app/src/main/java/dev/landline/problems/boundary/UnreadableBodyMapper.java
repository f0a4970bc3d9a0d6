package dev.landline.problems.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON body that JSON-B cannot read into the request record (broken JSON, an array where a string belongs):
 * 400. The parser's own message is not passed on, since it may quote the body.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        if (causedByJson(e)) {
            return Problem.response(Response.Status.BAD_REQUEST, "The request body is not the JSON expected here.");
        }
        return new UnexpectedErrorMapper().toResponse(e);
    }

    static boolean causedByJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
