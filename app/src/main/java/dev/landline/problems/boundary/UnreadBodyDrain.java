package dev.landline.problems.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * When a request is refused before its body was read (405, 413, 415, a bad signature …), the rest of the body is
 * read and dropped (up to 1 MiB) first, so the client gets to read the refusal instead of a closed connection.
 */
@Provider
public class UnreadBodyDrain implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400) {
            try {
                PayloadTooLarge.drain(request.getEntityStream());
            } catch (RuntimeException alreadyConsumed) {
                // nothing left to drain
            }
        }
    }
}
