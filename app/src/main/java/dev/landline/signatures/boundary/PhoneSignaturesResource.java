package dev.landline.signatures.boundary;

import dev.landline.codes.boundary.NoStore;
import dev.landline.signatures.control.Payload;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.problems.boundary.BadRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/phone/signatures}: signs one webhook of the administrator's browser phone the way Vonage signs
 * its own, so the phone works against a server that requires signed webhooks. Admin only (it is under /api); each
 * token covers exactly the given payload and expires after {@link #LIFETIME}.
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
    Clock clock;

    @Operation(summary = "A Vonage-style webhook token for the administrator's browser phone",
            description = "HS256 with a key derived from the server's Vonage signature secret (kid "
                    + "landline-browser-phone, accepted by this server only), payload_hash of exactly this query or "
                    + "body, exp 60 s after iat. Without a signature secret the server accepts unsigned webhooks and "
                    + "answers signed false.")
    @POST
    public PhoneSignature sign(@NotNull(message = "a JSON body is required") @Valid PhoneSigningRequest request) {
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
                .map(token -> new PhoneSignature(true, "Bearer " + token, now.plus(LIFETIME)))
                .orElseGet(() -> new PhoneSignature(false, null, null));
    }
}
