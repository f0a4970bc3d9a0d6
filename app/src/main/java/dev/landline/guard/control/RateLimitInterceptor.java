package dev.landline.guard.control;

import dev.landline.accounts.control.PinHasher;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Charges each PIN attempt to the caller's {@link AttemptLedger} before the PIN is evaluated. A delayed or locked
 * caller's attempt is not evaluated at all; it spends the time of one hash on a decoy, so that locked, delayed,
 * unknown and wrong take about the same time, and it is answered like a wrong PIN.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    @Inject
    AttemptLedger ledger;

    @Inject
    PinHasher hasher;

    @Inject
    Event<PinDecided> decided;

    @AroundInvoke
    Object charge(InvocationContext invocation) throws Exception {
        var attempt = (PinAttempt) invocation.getParameters()[0];
        var outcome = decide(attempt, invocation);
        decided.fire(new PinDecided(attempt.callUuid(), attempt.callerId(), outcome));
        return outcome;
    }

    private PinOutcome decide(PinAttempt attempt, InvocationContext invocation) throws Exception {
        if (attempt.callerId() == null) {
            return (PinOutcome) invocation.proceed();
        }
        var charge = ledger.charge(attempt.callerId(), attempt.callUuid());
        if (charge.decision() != LockoutRule.Decision.ALLOWED) {
            hasher.matchesNothing(attempt.pin());
            return charge.decision() == LockoutRule.Decision.LOCKED ? PinOutcome.LOCKED : PinOutcome.DELAYED;
        }
        var outcome = (PinOutcome) invocation.proceed();
        if (outcome.accepted()) {
            ledger.succeeded(attempt.callerId(), charge.failureId(), attempt.callUuid());
        } else {
            ledger.failed(attempt.callerId(), charge.failureId());
        }
        return outcome;
    }
}
