package dev.landline.guard.boundary;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.audit.control.AdminActions;
import dev.landline.audit.boundary.AuditEntryView;
import dev.landline.audit.control.AuditTrail;
import dev.landline.guard.control.AttemptLedger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A caller's PIN lockout: {@code GET /api/callers/{id}/lockout} (state), {@code GET …/lockout/failures} (recent
 * attempts that were not accepted), {@code DELETE …/lockout} (an administrator unlocks: both locks lifted, the
 * consecutive count reset, the caller's wrong PINs so far no longer counted towards the long window). {@code GET
 * /api/locked-callers} lists everyone locked.
 */
@Tag(name = "lockout", description = "PIN lockout: failure counts, locks, unlocking")
@Path("callers/{id}/lockout")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class LockoutResource {

    @Inject
    Lockouts lockouts;

    @Inject
    AttemptLedger ledger;

    @Inject
    CallerRegistry callers;

    @Inject
    AuditTrail trail;

    @Inject
    AdminActions audit;

    @Operation(summary = "The caller's PIN failure counts and lock state")
    @GET
    public LockView lockout(@PathParam("id") long id) {
        return lockouts.of(id).orElseThrow(NotFoundException::new);
    }

    /** The caller's recent PIN attempts that were not accepted (rejected, delayed, locked), newest first. */
    @Operation(summary = "The caller's recent PIN attempts that were not accepted, newest first")
    @GET
    @Path("failures")
    public List<AuditEntryView> failures(@PathParam("id") long id) {
        if (callers.find(id).isEmpty()) {
            throw new NotFoundException();
        }
        return trail.pinFailures(id, 50).stream().map(AuditEntryView::of).toList();
    }

    @Operation(summary = "Unlock: both locks lifted, the consecutive count reset, the wrong PINs so far no longer "
            + "counted towards the long window")
    @APIResponse(responseCode = "204", description = "unlocked")
    @DELETE
    public Response unlock(@PathParam("id") long id) {
        if (!ledger.unlock(id)) {
            throw new NotFoundException();
        }
        audit.record("caller.unlocked", id, null);
        return Response.noContent().build();
    }
}
