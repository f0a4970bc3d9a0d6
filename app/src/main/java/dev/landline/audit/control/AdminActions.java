package dev.landline.audit.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.Principal;

/**
 * What the signed-in administrator changed, for the audit trail: each admin resource says what it did, this adds who
 * (the container's caller principal, the same the API was signed in with) and fires {@link AdminChanged}.
 */
@RequestScoped
public class AdminActions {

    @Inject
    Principal administrator;

    @Inject
    Event<AdminChanged> changed;

    /** {@code action} such as "caller.created", on a caller and/or an account when it concerns one (else null). */
    public void record(String action, Long callerId, Long accountId) {
        changed.fire(new AdminChanged(administrator.getName(), action, callerId, accountId));
    }
}
