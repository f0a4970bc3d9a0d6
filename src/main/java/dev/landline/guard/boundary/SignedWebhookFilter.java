package dev.landline.guard.boundary;

import dev.landline.guard.control.Payload;
import dev.landline.guard.control.Verdict;
import dev.landline.guard.control.WebhookSignature;
import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.PayloadTooLarge;
import dev.landline.problems.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Every request to the webhook application shows Vonage's signature before anything else runs: a POST's body is
 * read (at most {@value #MAX_BODY_BYTES} bytes, the webhook reader's limit), checked against the token and handed
 * on unchanged; a GET's query is checked as ordered JSON. Refusals are problem+json, logged by reason and path
 * only. Registered by {@code VoiceApplication} alone, so other applications are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SignedWebhookFilter implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Logger LOG = Logger.getLogger(SignedWebhookFilter.class.getName());

    @Inject
    WebhookSignature signature;

    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request) {
        check(request).ifPresent(status -> request.abortWith(problem(status)));
    }

    /** Empty when the request may go on (with its body intact); otherwise the status that refuses it. */
    Optional<Response.Status> check(ContainerRequestContext request) {
        if (!signature.enforced()) {
            return Optional.empty();
        }
        Payload payload;
        if (WITH_BODY.contains(request.getMethod())) {
            var body = read(request);
            if (body.length > MAX_BODY_BYTES) {
                PayloadTooLarge.drain(request.getEntityStream());
                LOG.fine(() -> "webhook refused: body over " + MAX_BODY_BYTES + " bytes");
                return Optional.of(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            request.setEntityStream(new ByteArrayInputStream(body));
            payload = Payload.body(body);
        } else {
            payload = Payload.query(request.getUriInfo().getRequestUri().getRawQuery());
        }
        var verdict = signature.verify(request.getHeaderString(HttpHeaders.AUTHORIZATION), payload, clock.instant());
        var refusal = refusal(verdict);
        var where = request.getMethod() + " " + LoggedPath.of(request.getUriInfo().getRequestUri().getRawPath());
        if (refusal.isPresent()) {
            LOG.info(() -> "webhook rejected: " + verdict.reason() + " (" + where + ")");
        } else {
            LOG.fine(() -> "webhook signature accepted (" + where + ")");
        }
        return refusal;
    }

    /** No token or an unreadable one: 401. A readable token that is not accepted: 403. */
    static Optional<Response.Status> refusal(Verdict verdict) {
        return switch (verdict) {
            case VALID, UNSIGNED_ALLOWED -> Optional.empty();
            case MISSING, MALFORMED -> Optional.of(Response.Status.UNAUTHORIZED);
            case WRONG_ALGORITHM, BAD_SIGNATURE, BAD_TIME_CLAIM, STALE, FUTURE, EXPIRED, NOT_YET_VALID, MISSING_HASH,
                    HASH_MISMATCH -> Optional.of(Response.Status.FORBIDDEN);
        };
    }

    /** The same words for every reason, so a refusal tells a forger nothing. */
    static String detail(Response.Status status) {
        return switch (status) {
            case UNAUTHORIZED -> "This webhook must carry a Vonage signature (Authorization: Bearer <JWT>).";
            case REQUEST_ENTITY_TOO_LARGE -> new PayloadTooLarge(MAX_BODY_BYTES).getMessage();
            default -> "The webhook's signature was not accepted.";
        };
    }

    private static Response problem(Response.Status status) {
        var response = Problem.response(status, detail(status));
        return status == Response.Status.UNAUTHORIZED
                ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : response;
    }

    private static byte[] read(ContainerRequestContext request) {
        try {
            return request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new BadRequest("body", "could not be read");
        }
    }
}
