package dev.landline.guard.boundary;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.guard.control.AttemptLedger;
import dev.landline.guard.control.LockoutRule;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/locked-callers}: everyone whose PIN is locked until an administrator unlocks it. */
@Path("locked-callers")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
public class LockedCallersResource {

    @Inject
    AttemptLedger ledger;

    @Inject
    LockoutRule rule;

    @Inject
    CallerRegistry callers;

    @GET
    public List<LockView> locked() {
        return ledger.locked().stream().map(state -> LockoutResource.view(state, callers, rule)).toList();
    }
}
