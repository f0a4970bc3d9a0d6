package dev.landline.guard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/locked-callers}: everyone whose PIN is locked until an administrator unlocks it. */
@Tag(ref = "lockout")
@Path("locked-callers")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class LockedCallersResource {

    @Inject
    Lockouts lockouts;

    @Operation(summary = "Everyone whose PIN is locked until an administrator unlocks it")
    @GET
    public List<LockView> locked() {
        return lockouts.locked();
    }
}
