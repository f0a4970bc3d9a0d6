package dev.landline.operations.boundary;

import dev.landline.audit.control.AdminActions;
import dev.landline.operations.control.DatabaseOutage;
import dev.landline.operations.control.ProviderConsoles;
import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.WebhookMode;
import dev.landline.time.control.ClockOffset;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/status} (admin only, as all of /api): this node's state for the admin pages, each voice provider's
 * webhook mode and console URLs among it (on the public address, else on the one this was asked at).
 * {@code DELETE /api/status/clock}: this node's clock was fixed; forget its clock estimate (held or not), so that it
 * is ready again and the next signed webhooks measure the clock afresh (audited).
 */
@Tag(name = "operations", description = "this node's state")
@Path("status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    ProviderConsoles consoles;

    @Context
    UriInfo uriInfo;

    @Inject
    ClockOffset clockOffset;

    @Inject
    DatabaseOutage outage;

    @Inject
    AdminActions audit;

    @Operation(summary = "This node's state for the admin pages: each voice provider's webhook signing and console "
            + "URLs, clock offset from the voice provider, database outage")
    @GET
    public ServerStatus status() {
        var providers = consoles.providers();
        var mode = WebhookMode.overall(providers.stream().map(ProviderSignature::mode).toList());
        var estimate = clockOffset.estimate();
        var clock = new ServerStatus.ClockStatus(estimate.seconds().orElse(null), estimate.samples(),
                estimate.beyondWarning(), estimate.beyondLimit(), estimate.maxOffsetSeconds(), estimate.describe(),
                estimate.held());
        var since = outage.downSince();
        return new ServerStatus(mode.label(), mode == WebhookMode.SIGNED, providerStatuses(providers), clock,
                new ServerStatus.DatabaseStatus(since.isPresent(), since.orElse(null)));
    }

    private List<ServerStatus.ProviderStatus> providerStatuses(List<ProviderSignature> providers) {
        // this resource is under /api; the webhooks' application is its sibling /webhooks
        var asked = uriInfo.getBaseUri().resolve("../webhooks/");
        var configured = consoles.publicWebhooksRoot().isPresent();
        return providers.stream().map(provider -> new ServerStatus.ProviderStatus(provider.name(),
                provider.displayName(), provider.mode().label(), provider.mode() == WebhookMode.SIGNED,
                provider.signatureName(), provider.secretSetting(), configured, consoles.urls(provider, asked).stream()
                        .map(url -> new ServerStatus.ConsoleUrl(url.field(), url.url(), url.method())).toList()))
                .toList();
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
