package dev.landline.calls.control;

import dev.landline.calls.entity.Stage;
import dev.landline.guard.control.CallThrottle;
import dev.landline.guard.control.PinAttempt;
import dev.landline.guard.control.PinOutcome;
import dev.landline.guard.control.PinVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The call as the webhooks see it. It keeps database transactions short: claim the step (its token is used up),
 * let the guard charge and check a PIN outside any transaction, then run the next step. So parallel webhooks
 * never hold a row lock across a slow PIN hash, and a replayed webhook finds its token gone.
 */
@ApplicationScoped
public class CallFlow {

    @Inject
    CallSteps steps;

    @Inject
    CallThrottle throttle;

    @Inject
    PinVerifier pins;

    public Reply answer(IncomingCall call) {
        if (!throttle.admit(call.from(), call.to())) {
            return steps.throttled(call);
        }
        return steps.answer(call);
    }

    /** Empty when the token is not this call's current step: nothing is evaluated and nothing changes. */
    public Optional<Reply> input(String token, KeyPresses keys) {
        return steps.claim(token, keys.callUuid()).map(claim -> {
            PinOutcome outcome = null;
            if (claim.stage() == Stage.PIN && keys.usable()) {
                outcome = pins.verify(new PinAttempt(claim.uuid(), claim.callerId(), keys.digits()));
            }
            return steps.proceed(claim.uuid(), keys, outcome);
        });
    }

    public void event(String callUuid, String status) {
        steps.event(callUuid, status);
    }
}
