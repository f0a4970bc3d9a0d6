package dev.landline.guard.boundary;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.guard.control.AttemptLedger;
import dev.landline.guard.control.LockState;
import dev.landline.guard.control.LockoutRule;
import dev.landline.problems.boundary.Paging;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Optional;

/** Callers' PIN lockout states as the admin API shows them: with the caller's name and the long window's rule. */
@Dependent
public class Lockouts {

    @Inject
    AttemptLedger ledger;

    @Inject
    LockoutRule rule;

    @Inject
    CallerRegistry callers;

    /** The caller's state, or empty when there is no such caller. */
    Optional<LockView> of(long callerId) {
        return ledger.of(callerId).map(this::view);
    }

    /** One page of everyone whose PIN is locked until an administrator unlocks it. */
    List<LockView> locked(Paging paging) {
        return ledger.locked(paging.first(), paging.size()).stream().map(this::view).toList();
    }

    private LockView view(LockState state) {
        var caller = callers.find(state.callerId()).orElseThrow(NotFoundException::new);
        return new LockView(state.callerId(), caller.name(), caller.accountNumber(), state.consecutiveFailures(),
                state.locked(), state.lastFailureAt(), state.windowFailures(), (int) rule.window().toDays(),
                rule.windowThreshold(), state.windowLocked(), state.untoldFailures());
    }
}
