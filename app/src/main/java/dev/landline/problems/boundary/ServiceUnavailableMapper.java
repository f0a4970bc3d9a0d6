package dev.landline.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ServiceUnavailableMapper implements ExceptionMapper<ServiceUnavailable> {

    @Override
    public Response toResponse(ServiceUnavailable e) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
