package dev.landline.operations.boundary;

import dev.landline.audit.control.AdminActions;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookMode;
import dev.landline.operations.control.DatabaseOutage;
import dev.landline.time.control.ClockOffset;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/status} (admin only, as all of /api): this node's state for the admin pages.
 * {@code DELETE /api/status/clock}: this node's clock was fixed; forget its clock estimate (held or not), so that it
 * is ready again and the next signed webhooks measure the clock afresh (audited).
 */
@Tag(name = "operations", description = "this node's state")
@Path("status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    VonageSignature signature;

    @Inject
    ClockOffset clockOffset;

    @Inject
    DatabaseOutage outage;

    @Inject
    AdminActions audit;

    @Operation(summary = "This node's state for the admin pages: webhook signing, clock offset from the voice "
            + "provider, database outage")
    @GET
    public ServerStatus status() {
        var mode = signature.mode();
        var estimate = clockOffset.estimate();
        var clock = new ServerStatus.ClockStatus(estimate.seconds().orElse(null), estimate.samples(),
                estimate.beyondWarning(), estimate.beyondLimit(), estimate.maxOffsetSeconds(), estimate.describe(),
                estimate.held());
        var since = outage.downSince();
        return new ServerStatus(mode.label(), mode == WebhookMode.SIGNED, clock,
                new ServerStatus.DatabaseStatus(since.isPresent(), since.orElse(null)));
    }

    @Operation(summary = "This node's clock was fixed: forget its clock estimate, so it is ready again and measures "
            + "afresh")
    @APIResponse(responseCode = "204", description = "forgotten")
    @DELETE
    @Path("clock")
    public void forgetClockEstimate() {
        clockOffset.forget();
        audit.record("clock.estimate-forgotten", null, null);
    }
}
