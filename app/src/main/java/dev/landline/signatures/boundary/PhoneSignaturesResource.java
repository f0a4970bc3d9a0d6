package dev.landline.signatures.boundary;

import dev.landline.codes.boundary.NoStore;
import dev.landline.problems.boundary.BadRequest;
import dev.landline.signatures.control.Payload;
import dev.landline.signatures.control.TwilioSignature;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/phone/signatures}: signs one webhook of the administrator's browser phone the way its provider
 * signs its own, so the phone works against a server that requires signed webhooks. Admin only (it is under /api).
 * Vonage: each token covers exactly the given payload and expires after {@link #LIFETIME}. Twilio: the signature
 * covers the URL the server itself will rebuild for the given path under {@code webhooks/twilio/} (never a URL the
 * client names) and every form parameter, computed by {@link TwilioSignature} with the same code that checks it.
 */
@Tag(name = "phone", description = "the administrator's browser phone")
@Path("phone/signatures")
@NoStore
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneSignaturesResource {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    @Inject
    VonageSignature signature;

    @Inject
    TwilioSignature twilio;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    @Operation(summary = "A webhook signature for the administrator's browser phone (Vonage or Twilio)",
            description = "Vonage (default): HS256 with a key derived from the server's Vonage signature secret (kid "
                    + "landline-browser-phone, accepted by this server only), payload_hash of exactly this query or "
                    + "body, exp 60 s after iat. Twilio (provider twilio, POST, path under webhooks/twilio/, the "
                    + "exact form body): X-Twilio-Signature with the server's auth token over the URL the server "
                    + "rebuilds for that path (landline.public-base-url when set) and the form parameters. Without "
                    + "the provider's secret the server accepts unsigned webhooks or none, and answers signed false.")
    @POST
    public PhoneSignature sign(@NotNull(message = "a JSON body is required") @Valid PhoneSigningRequest request) {
        return sign(request, uriInfo.getBaseUri());
    }

    /** The same, with the admin API's base URI as this request reached it ({@code …/api/}). */
    PhoneSignature sign(PhoneSigningRequest request, URI apiBase) {
        return request.twilio() ? twilio(request, apiBase) : vonage(request);
    }

    private PhoneSignature vonage(PhoneSigningRequest request) {
        if (request.path() != null) {
            throw new BadRequest("path", "only a Twilio webhook is signed with its path");
        }
        var payload = switch (request.method()) {
            case "GET" -> Payload.query(request.query() == null ? "" : request.query());
            default -> {
                if (request.body() == null || request.body().isEmpty()) {
                    throw new BadRequest("body", "a POST webhook is signed with its exact JSON body");
                }
                yield Payload.body(request.body().getBytes(StandardCharsets.UTF_8));
            }
        };
        var now = clock.instant();
        return signature.sign(payload, now, LIFETIME)
                .map(token -> PhoneSignature.vonage("Bearer " + token, now.plus(LIFETIME)))
                .orElseGet(PhoneSignature::unsigned);
    }

    /**
     * The URL is this deployment's root (the public one when configured, as the filter rebuilds it) and the path,
     * which the record allows only under {@code webhooks/twilio/}: an administrator gets no signature for anything
     * else, here or elsewhere.
     */
    private PhoneSignature twilio(PhoneSigningRequest request, URI apiBase) {
        if (!"POST".equals(request.method())) {
            throw new BadRequest("method", "the browser phone POSTs its Twilio webhooks");
        }
        if (request.path() == null) {
            throw new BadRequest("path", "a Twilio webhook is signed with its path under webhooks/twilio/");
        }
        if (request.query() != null) {
            throw new BadRequest("query", "a Twilio webhook is signed with its form body, not a query");
        }
        if (request.body() == null) {
            throw new BadRequest("body", "a Twilio webhook is signed with its exact form body");
        }
        var root = root(apiBase);
        var webhook = new WebhookRequest(root.resolve(request.path()),
                request.body().getBytes(StandardCharsets.UTF_8), root.resolve("webhooks/"));
        try {
            return twilio.sign(webhook).map(PhoneSignature::twilio).orElseGet(PhoneSignature::unsigned);
        } catch (IllegalArgumentException unreadable) {
            throw new BadRequest("body", "a form body (name=value pairs joined by &, percent-encoded), each name"
                    + " at most once");
        }
    }

    /** The deployment's root: the admin API's base ({@code …/api/}) one segment up. */
    static URI root(URI apiBase) {
        var base = apiBase.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve("..");
    }
}
