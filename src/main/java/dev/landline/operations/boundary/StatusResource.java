package dev.landline.operations.boundary;

import dev.landline.guard.control.WebhookMode;
import dev.landline.guard.control.WebhookSignature;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/status} (admin only, as all of /api): the server's security mode, for the admin pages' banner. */
@Path("status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    WebhookSignature signature;

    @GET
    public ServerStatus status() {
        var mode = signature.mode();
        return new ServerStatus(mode.label(), mode == WebhookMode.SIGNED);
    }
}
