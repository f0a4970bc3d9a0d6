package dev.landline.calls.control;

import dev.landline.accounts.control.PhoneHolders;
import dev.landline.accounts.control.PhoneNumbers;
import dev.landline.accounts.control.PinHasher;
import dev.landline.calls.entity.Stage;
import dev.landline.guard.control.CallThrottle;
import dev.landline.guard.control.PinAttempt;
import dev.landline.guard.control.PinVerifier;
import dev.landline.operations.control.DatabaseOutage;
import dev.landline.secrets.control.ServerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The call as the webhooks see it, whatever the voice provider. Answering stores nothing: the first step's token
 * carries the sealed start ({@link CallStartTokens}), and the first input creates the call's row. It keeps database
 * transactions short: claim the step in the store ({@link CallSessions}; its token is used up), let the guard
 * charge and check a PIN outside any transaction and off the HTTP workers ({@link PinChecks}), then run the next
 * step ({@link CallSteps} carries out what the {@link Dialogue} decides). So parallel webhooks never hold a row lock
 * across a slow PIN hash, a replayed webhook finds its token gone, and the light steps of other calls never wait for
 * a free worker behind PIN hashes.
 */
@ApplicationScoped
public class CallFlow {

    @Inject
    CallSessions sessions;

    @Inject
    CallSteps steps;

    @Inject
    Dialogue dialogue;

    @Inject
    CallStartTokens starts;

    @Inject
    CallThrottle throttle;

    @Inject
    ServerKeys serverKeys;

    @Inject
    PinVerifier pins;

    @Inject
    PinHasher hasher;

    @Inject
    PinChecks pinChecks;

    @Inject
    DatabaseOutage outage;

    @Inject
    PhoneHolders phoneHolders;

    @Inject
    Clock clock;

    /**
     * Answers a call without touching the database but for one indexed read (whose PIN to ask for): the call's row,
     * its audit entry and its count against the call caps wait for its first input, which carries what is needed in
     * its sealed token. A call that hangs up at the greeting costs no write, and the answer starts no transaction.
     * When the service lacks its keys or cannot check PINs (an iteration count below the floor), the caller hears
     * the apology before anything is charged.
     */
    public Reply answer(IncomingCall call) {
        if (!serverKeys.problems().isEmpty() || hasher.problem().isPresent()) {
            sessions.unavailable(call);
            return Reply.ending(dialogue.unavailable(dialogue.answerLanguage(null, call.to())));
        }
        var known = PhoneNumbers.parse(call.from()).map(phoneHolders::of).orElse(List.of());
        var holder = known.size() == 1 ? known.get(0) : null;
        var recognised = holder == null ? null : holder.id();
        var token = starts.seal(new CallStart(call.uuid(), call.conversationUuid(), call.from(), call.to(),
                recognised, clock.instant()));
        var language = dialogue.answerLanguage(holder == null ? null : holder.language(), call.to());
        return Reply.listening(dialogue.answer(recognised != null, language), token);
    }

    /**
     * The reply to a step, rendered for the provider by {@code render} (pure: it runs on whichever thread completes
     * the step). Empty when the token is not this call's current step: nothing is evaluated and nothing changes. A
     * step with a PIN to check completes on {@link PinChecks}' threads, after the hash, and fails with the exception
     * as thrown; every other step is complete on return. A PIN check whose turn comes while the database is known to
     * be out of reach is not charged: the caller hears the apology at once, as every webhook then does.
     */
    public <T> Optional<CompletionStage<T>> input(String token, KeyPresses keys, Function<Reply, T> render) {
        var claimed = CallStartTokens.looksSealed(token)
                ? starts.open(token).filter(start -> start.uuid().equals(keys.callUuid())).flatMap(this::begin)
                : sessions.claim(token, keys.callUuid());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        var claim = claimed.get();
        if (claim.turnedAway()) {
            // in the language the call was answered in: a caller greeted in German is not sent off in English
            return replied(Reply.ending(dialogue.tryLater(steps.languageBeforePin(claim))), render);
        }
        if (claim.stage() != Stage.PIN || !keys.usable()) {
            return replied(steps.proceed(claim.uuid(), keys, null), render);
        }
        if (hasher.problem().isPresent()) {
            // e.g. a call this node did not answer: no PIN is charged that could not be checked
            return replied(Reply.ending(dialogue.unavailable(steps.languageBeforePin(claim))), render);
        }
        return Optional.of(pinChecks.run(() -> {
            if (outage.knownDown()) {
                // found out while this check waited its turn: no PIN is charged that could not be checked
                return render.apply(Reply.ending(dialogue.unavailable(dialogue.answerLanguage(null, claim.to()))));
            }
            // the PIN attempt is charged here: @RateLimited -> RateLimitInterceptor -> AttemptLedger.charge
            var outcome = pins.verify(new PinAttempt(claim.uuid(), claim.callerId(), keys.digits()));
            return render.apply(steps.proceed(claim.uuid(), keys, outcome));
        }));
    }

    private static <T> Optional<CompletionStage<T>> replied(Reply reply, Function<Reply, T> render) {
        return Optional.of(CompletableFuture.completedFuture(render.apply(reply)));
    }

    /**
     * A status the provider reported, {@code over} when it says the call has ended. A final status racing the
     * call's first input for its row: the loser retries once, on the winner's row.
     */
    public void event(String callUuid, String status, boolean over) {
        try {
            sessions.event(callUuid, status, over);
        } catch (RuntimeException raced) {
            if (!existsAfter(raced, callUuid)) {
                throw raced;
            }
            sessions.event(callUuid, status, over);
        }
    }

    /**
     * The first input: the call's row is created (two first inputs of one call, a replay racing the original: one
     * creates it, the other is refused), then the call caps count it with no transaction open, so a first input
     * never holds two database connections at once, and a replay is never counted.
     */
    private Optional<CallSessions.Claim> begin(CallStart start) {
        Optional<CallSessions.Claim> begun;
        try {
            begun = sessions.begin(start);
        } catch (RuntimeException failed) {
            if (existsAfter(failed, start.uuid())) {
                return Optional.empty();
            }
            // not that race: e.g. the recognised caller was deleted meanwhile; once more, as it is now
            begun = sessions.begin(start);
        }
        return begun.map(claim -> sessions.admitted(claim, start.recognised(),
                throttle.admit(start.from(), start.to())));
    }

    /** Whether the call's row exists after a failure; a failure that was not that race is thrown on. */
    private boolean existsAfter(RuntimeException failure, String callUuid) {
        try {
            return sessions.exists(callUuid);
        } catch (RuntimeException also) {
            failure.addSuppressed(also);
            throw failure;
        }
    }
}
