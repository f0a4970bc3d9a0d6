package dev.landline.guard.boundary;

import dev.landline.problems.boundary.Paging;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/locked-callers?page=&size=}: everyone whose PIN is locked until an administrator unlocks it. */
@Tag(ref = "lockout")
@Path("locked-callers")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class LockedCallersResource {

    @Inject
    Lockouts lockouts;

    @Operation(summary = "Everyone whose PIN is locked until an administrator unlocks it, a page at a time",
            description = "in caller id order; page from 0 (default 0), size 1 to 200 (default 50); a page shorter"
                    + " than size is the last")
    @GET
    public List<LockView> locked(@QueryParam("page") String page, @QueryParam("size") String size) {
        return lockouts.locked(Paging.read(page, size));
    }
}
