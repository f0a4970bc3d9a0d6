package dev.landline.guard.control;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.accounts.control.PinHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Checks a typed PIN against the caller's peppered hash; unknown callers are checked against a decoy. */
@ApplicationScoped
public class PinVerifier {

    @Inject
    CallerRegistry callers;

    @Inject
    PinHasher hasher;

    @RateLimited
    public PinOutcome verify(PinAttempt attempt) {
        var hash = attempt.callerId() == null ? java.util.Optional.<String>empty()
                : callers.pinHashOf(attempt.callerId());
        boolean matches = hash.isPresent()
                ? hasher.matches(attempt.pin(), hash.get())
                : hasher.matchesNothing(attempt.pin());
        if (matches) {
            callers.refreshPinHash(attempt.callerId(), attempt.pin());
            return PinOutcome.ACCEPTED;
        }
        return PinOutcome.REJECTED;
    }
}
