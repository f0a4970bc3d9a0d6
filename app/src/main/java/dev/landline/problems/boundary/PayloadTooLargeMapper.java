package dev.landline.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class PayloadTooLargeMapper implements ExceptionMapper<PayloadTooLarge> {

    @Override
    public Response toResponse(PayloadTooLarge e) {
        return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }
}
