package dev.landline.problems.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * OPTIONS is not part of our API. Without this, some JAX-RS runtimes answer it with a description of every
 * resource (Jersey's WADL); here it is a plain 405 problem.
 */
@Provider
@PreMatching
public class OptionsRefusal implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            request.abortWith(Problem.response(Response.Status.METHOD_NOT_ALLOWED,
                    WebApplicationExceptionMapper.describe(405)));
        }
    }
}
