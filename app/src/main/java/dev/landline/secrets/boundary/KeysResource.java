package dev.landline.secrets.boundary;

import dev.landline.accounts.control.KeyUsage;
import dev.landline.accounts.control.SeedReencryption;
import dev.landline.audit.control.AdminActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The server's key rings: {@code GET /api/keys} (which key ids the stored rows need, which earlier key may be
 * removed), {@code POST /api/keys/re-encryption} (one pass of at most a few seconds that seals seeds under the
 * current key, in small batches; repeat until nothing is left, on any node, at any time).
 */
@Tag(name = "keys", description = "the server's seed keys and PIN peppers (public ids only)")
@Path("keys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    /** Short enough for any proxy's timeout; the page and the API client simply ask again. */
    static final Duration PASS = Duration.ofSeconds(5);

    @Inject
    KeyUsage usage;

    @Inject
    SeedReencryption reencryption;

    @Inject
    AdminActions audit;

    @Operation(summary = "Which seed keys and peppers the stored rows need, and which earlier one may be removed")
    @GET
    public KeysView keys() {
        return KeysView.of(usage.now());
    }

    /** {@code rows}: look at no more than this many rows in this pass (to go gently on a busy database). */
    @Operation(summary = "One re-encryption pass (at most 5 s) sealing seeds under the current key; repeat until "
            + "complete",
            description = "rows: look at no more rows than this in this pass")
    @POST
    @Path("re-encryption")
    public ReencryptionView reencrypt(@QueryParam("rows") @DefaultValue("1000000") @Min(1) int rows) {
        var pass = reencryption.run(PASS, rows);
        if (pass.resealed() > 0) {
            audit.record("seeds.re-encrypted", null, null);
        }
        return new ReencryptionView(pass.resealed(), pass.unopenable(), pass.complete(), keys());
    }
}
