package dev.landline.admin.boundary;

import dev.landline.problems.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery: a browser signed in with BASIC sends the sign-in with requests that other sites'
 * pages make too. Of those, only "simple" requests go out without a CORS preflight (which this server never
 * grants): GET/HEAD, and a POST whose Content-Type is missing, {@code text/plain},
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}. GETs change nothing here; such a POST
 * is refused with 415 before any resource runs. Every real client sends JSON or an image, with its type.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CrossSiteGuard implements ContainerRequestFilter {

    /** The content types a page may POST across sites without a preflight (Fetch standard, CORS-safelisted). */
    static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    @Override
    public void filter(ContainerRequestContext request) {
        if (refused(request.getMethod(), request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            request.abortWith(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send the request as application/json (or an image as image/png or image/jpeg), with its"
                            + " Content-Type; a POST without one, or as text/plain or a form, is refused",
                    List.of(new Problem.Violation("Content-Type", "application/json, image/png or image/jpeg"))));
        }
    }

    /** Whether this is a POST that another site could have sent without a preflight. */
    static boolean refused(String method, String contentType) {
        if (!HttpMethod.POST.equalsIgnoreCase(method)) {
            return false;
        }
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        var essence = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return essence.isEmpty() || SIMPLE_TYPES.contains(essence);
    }
}
