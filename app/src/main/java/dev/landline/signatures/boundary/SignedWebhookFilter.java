package dev.landline.signatures.boundary;

import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.PayloadTooLarge;
import dev.landline.problems.boundary.Problem;
import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.Verdict;
import dev.landline.signatures.control.WebhookMode;
import dev.landline.signatures.control.WebhookRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every request to the webhook application shows its provider's signature before anything else runs. The
 * {@link ProviderSignature} whose first segment is the webhook's first path segment under {@code /webhooks} (whole
 * segments, matrix parameters ignored) checks it (Twilio's takes {@code twilio}, Vonage's all the rest); a POST's body
 * is read (at most {@value #MAX_BODY_BYTES} bytes, the webhook reader's limit), checked and handed on unchanged; a
 * GET's query is checked as the provider signs it. Without its provider's secret every webhook is refused (Vonage:
 * 401), unless unsigned webhooks are explicitly allowed; the provider chooses the status of each refusal (Vonage 401 or
 * 403, Twilio always 403). A request without a body (GET, HEAD) must not carry one, and its query must pass the
 * provider's {@linkplain ProviderSignature#queryProblem allow-list} (in every mode). Refusals are problem+json, logged
 * by provider, reason and path only, and at most once a minute per provider and reason with a count
 * ({@link RefusalLog}: anyone can send them at request rate). Registered by {@code VoiceApplication} alone, so other
 * applications are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SignedWebhookFilter implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** The detail of the 404 for a path no provider's check takes (so tests can tell it from the resources' 404). */
    public static final String NO_PROVIDER_HERE = "No voice provider's webhooks are served at this path.";
    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final Logger LOG = Logger.getLogger(SignedWebhookFilter.class.getName());

    @Inject
    Instance<ProviderSignature> available;

    /** Every provider's check, collected at first use (or set by tests). */
    volatile List<ProviderSignature> providers;

    @Inject
    Clock clock;

    final RefusalLog refusals = new RefusalLog(LOG);

    @Override
    public void filter(ContainerRequestContext request) {
        var provider = providerOf(request);
        check(request, provider).ifPresent(status -> request.abortWith(problem(status, provider)));
    }

    /** Empty when the request may go on (with its body intact); otherwise the status that refuses it. */
    Optional<Response.Status> check(ContainerRequestContext request) {
        return check(request, providerOf(request));
    }

    private Optional<Response.Status> check(ContainerRequestContext request, Optional<ProviderSignature> provider) {
        // built only when a line is written: most requests pass and log nothing
        Supplier<String> where = () -> request.getMethod() + " "
                + LoggedPath.of(request.getUriInfo().getRequestUri().getRawPath());
        if (provider.isEmpty()) {
            refusals.refused("no-provider",
                    () -> "webhook rejected: no provider's webhooks here (" + where.get() + ")");
            return Optional.of(Response.Status.NOT_FOUND);
        }
        return check(request, provider.get(), where);
    }

    private Optional<Response.Status> check(ContainerRequestContext request, ProviderSignature provider,
            Supplier<String> where) {
        if (provider.mode() == WebhookMode.REFUSING) {
            refused(provider, Verdict.NOT_CONFIGURED.name(), provider.reason(Verdict.NOT_CONFIGURED), where);
            return refusal(provider, Verdict.NOT_CONFIGURED);
        }
        var withBody = WITH_BODY.contains(request.getMethod());
        if (!withBody) {
            var shape = unexpectedBody(request)
                    .or(() -> provider.queryProblem(request.getUriInfo().getRequestUri().getRawQuery()));
            if (shape.isPresent()) {
                refused(provider, "shape", shape.get(), where);
                return Optional.of(Response.Status.BAD_REQUEST);
            }
        }
        if (provider.mode() == WebhookMode.UNSIGNED_ALLOWED) {
            return Optional.empty();
        }
        byte[] body = null;
        if (withBody) {
            body = read(request);
            if (body.length > MAX_BODY_BYTES) {
                PayloadTooLarge.drain(request.getEntityStream());
                LOG.fine(() -> "webhook refused: body over " + MAX_BODY_BYTES + " bytes");
                return Optional.of(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        var verdict = provider.verify(request.getHeaderString(provider.header()),
                new WebhookRequest(request.getUriInfo().getRequestUri(), body, request.getUriInfo().getBaseUri()),
                clock.instant());
        var refusal = refusal(provider, verdict);
        if (refusal.isPresent()) {
            refused(provider, verdict.name(), provider.reason(verdict), where);
        } else {
            LOG.fine(() -> provider.name() + " webhook signature accepted (" + where.get() + ")");
        }
        return refusal;
    }

    /** Logged by provider and reason, so one provider's flood of refusals does not hide another's lines. */
    private void refused(ProviderSignature provider, String kind, String reason, Supplier<String> where) {
        refusals.refused(provider.name() + ":" + kind,
                () -> provider.name() + " webhook rejected: " + reason + " (" + where.get() + ")");
    }

    /**
     * The check whose {@linkplain ProviderSignature#firstSegment() segment} is the first whole path segment under
     * /webhooks (decoded, without matrix parameters, as JAX-RS matches it), else the one that takes the rest ("").
     */
    Optional<ProviderSignature> providerOf(ContainerRequestContext request) {
        var first = "";
        for (var segment : request.getUriInfo().getPathSegments()) {
            if (!segment.getPath().isEmpty()) {
                first = segment.getPath();
                break;
            }
        }
        if (providers == null) {
            providers = available.stream().toList();
        }
        ProviderSignature rest = null;
        for (var provider : providers) {
            if (provider.firstSegment().equals(first)) {
                return Optional.of(provider);
            }
            if (provider.firstSegment().isEmpty()) {
                rest = provider;
            }
        }
        return Optional.ofNullable(rest);
    }

    /** By default no token or an unreadable one: 401; a readable token that is not accepted: 403. */
    static Optional<Response.Status> refusal(Verdict verdict) {
        return verdict.passes() ? Optional.empty()
                : Optional.of(Response.Status.fromStatusCode(ProviderSignature.usualRefusalStatus(verdict)));
    }

    /** The provider chooses the status of each refusal (Twilio expects 403 for all). */
    static Optional<Response.Status> refusal(ProviderSignature provider, Verdict verdict) {
        return verdict.passes() ? Optional.empty()
                : Optional.of(Response.Status.fromStatusCode(provider.refusalStatus(verdict)));
    }

    /**
     * The same words for every reason, so a refusal tells a forger nothing; without a secret, which setting is
     * missing (the same for every request).
     */
    static String detail(Response.Status status, ProviderSignature provider) {
        if (provider.mode() == WebhookMode.REFUSING
                && (status == Response.Status.UNAUTHORIZED || status == Response.Status.FORBIDDEN)) {
            return provider.notConfigured();
        }
        return switch (status) {
            case UNAUTHORIZED -> provider.signatureRequired();
            case REQUEST_ENTITY_TOO_LARGE -> new PayloadTooLarge(MAX_BODY_BYTES).getMessage();
            case BAD_REQUEST -> provider.queryRule();
            default -> "The webhook's signature was not accepted.";
        };
    }

    private static Response problem(Response.Status status, Optional<ProviderSignature> provider) {
        if (provider.isEmpty()) {
            return Problem.response(status, NO_PROVIDER_HERE);
        }
        var response = Problem.response(status, detail(status, provider.get()));
        return status == Response.Status.UNAUTHORIZED
                ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, provider.get().challenge())
                        .build()
                : response;
    }

    /** A GET or HEAD that says it carries a body: what would a signature over its query cover? */
    private static Optional<String> unexpectedBody(ContainerRequestContext request) {
        var length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        var chunked = request.getHeaderString("Transfer-Encoding");
        var withBody = chunked != null && !chunked.isBlank() || length != null && !length.strip().equals("0");
        return withBody ? Optional.of("a body on a " + request.getMethod()) : Optional.empty();
    }

    private static byte[] read(ContainerRequestContext request) {
        try {
            return request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new BadRequest("body", "could not be read");
        }
    }
}
