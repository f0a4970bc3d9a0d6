package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.accounts.control.PinHasher;
import dev.landline.calls.entity.Stage;
import dev.landline.guard.control.PinAttempt;
import dev.landline.guard.control.PinOutcome;
import dev.landline.guard.control.PinVerifier;
import dev.landline.operations.control.DatabaseOutage;
import dev.landline.secrets.control.ServerKeys;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whether and where the call flow checks a PIN. With an iteration count below the floor, or a database known to be
 * down when the check's turn comes, PINs cannot be checked: the call flow apologises before the guard charges
 * anything (the guard charges inside {@link PinVerifier#verify}), so no caller is locked out by it. A check runs on
 * {@link PinChecks}' threads; every other step is answered on the webhook's own thread.
 */
class CallFlowPinCheckTest {

    private static final ServerKeys KEYS = ServerKeys.of("dW5pdC10ZXN0IHNlZWQga2V5LCAzMiBieXRlcyBvayE=",
            "dW5pdC10ZXN0IFBJTiBwZXBwZXIsIDMyIGJ5dGVzIG9r");

    private final List<PinAttempt> checked = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();
    /** The number the claimed call dialled, and whether the call caps turned it away. */
    private String calledNumber = "442079460000";
    private boolean turnedAway;
    /** What the step after the check throws, if anything. */
    private RuntimeException stepFailure;
    private final DatabaseOutage outage = new DatabaseOutage();

    private CallFlow flow(Optional<String> hasherProblem) {
        var flow = new CallFlow();
        flow.serverKeys = KEYS;
        flow.hasher = new PinHasher(KEYS, PinHasher.MINIMUM_ITERATIONS) {
            @Override
            public Optional<String> problem() {
                return hasherProblem;
            }
        };
        flow.pins = new PinVerifier() {
            @Override
            public PinOutcome verify(PinAttempt attempt) {
                checked.add(attempt);
                return PinOutcome.ACCEPTED;
            }
        };
        flow.dialogue = new Dialogue(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC),
                new CallLanguages("en-GB", List.of("+49 30 1234567=de-DE")));
        flow.sessions = new CallSessions() {
            @Override
            public Optional<Claim> claim(String token, String callUuid) {
                steps.add("claim");
                return Optional.of(new Claim(callUuid, turnedAway ? Stage.ENDED : Stage.PIN, 7L, false, calledNumber,
                        turnedAway));
            }

            @Override
            public void unavailable(IncomingCall call) {
                steps.add("unavailable");
            }
        };
        flow.steps = new CallSteps() {
            @Override
            public Reply proceed(String callUuid, KeyPresses keys, PinOutcome outcome) {
                steps.add("proceed " + outcome);
                if (stepFailure != null) {
                    throw stepFailure;
                }
                return new Reply("en-GB", List.of(Speech.text("menu")), null);
            }
        };
        flow.steps.dialogue = flow.dialogue;
        flow.outage = outage;
        flow.pinChecks = new PinChecks();
        flow.pinChecks.threads = check -> {
            steps.add("off the webhook's thread");
            check.run();
        };
        return flow;
    }

    @Test
    void withTooFewIterationsACallIsApologisedToWhenAnswered() {
        var reply = flow(Optional.of("too few iterations")).answer(new IncomingCall("u1", "c1", "447700900123",
                "442079460000"));
        assertEquals(List.of("unavailable"), steps);
        assertTrue(reply.speech().get(0).ssml().contains("cannot read codes right now"), reply.speech().toString());
    }

    @Test
    void withTooFewIterationsARightPinTypedOnAnAnsweredCallIsNeitherCheckedNorCharged() {
        var reply = flow(Optional.of("too few iterations"))
                .input("a-step-token", new KeyPresses("u1", "480261", false), r -> r).orElseThrow()
                .toCompletableFuture().join();
        assertEquals(List.of(), checked, "the guard charges around the check: nothing was charged");
        assertEquals(List.of("claim"), steps, "no step ran with an outcome");
        assertTrue(reply.speech().get(0).ssml().contains("cannot read codes right now"), reply.speech().toString());
        assertNull(reply.listen(), "the call ends");
    }

    @Test
    void theApologyMidCallIsInTheLanguageTheCallWasAnsweredIn() {
        calledNumber = "49301234567";
        var reply = flow(Optional.of("too few iterations"))
                .input("a-step-token", new KeyPresses("u1", "480261", false), r -> r).orElseThrow()
                .toCompletableFuture().join();
        assertEquals("de-DE", reply.language());
        assertTrue(reply.speech().get(0).ssml().contains("kann gerade leider keine Codes vorlesen"),
                reply.speech().toString());
    }

    @Test
    void aCallTurnedAwayByTheCapsHearsTryLaterInTheLanguageItWasAnsweredIn() {
        calledNumber = "49301234567";
        turnedAway = true;
        var reply = flow(Optional.empty()).input("a-step-token", new KeyPresses("u1", "480261", false), r -> r)
                .orElseThrow().toCompletableFuture().join();
        assertEquals(List.of(), checked);
        assertEquals("de-DE", reply.language());
        assertTrue(reply.speech().get(0).ssml().contains("Die Leitung ist gerade leider besetzt"),
                reply.speech().toString());
        assertNull(reply.listen(), "the call ends");
    }

    @Test
    void withEnoughIterationsThePinIsCheckedAsUsualOffTheWebhooksThread() {
        flow(Optional.empty()).input("a-step-token", new KeyPresses("u1", "480261", false), r -> r).orElseThrow()
                .toCompletableFuture().join();
        assertEquals(1, checked.size());
        assertEquals(List.of("claim", "off the webhook's thread", "proceed ACCEPTED"), steps);
    }

    @Test
    void aPinCheckWhoseTurnComesWhenTheDatabaseIsKnownDownIsNotChargedAndTheCallerHearsTheApology() {
        outage.unreachable(null);
        var reply = flow(Optional.empty()).input("a-step-token", new KeyPresses("u1", "480261", false),
                r -> r).orElseThrow().toCompletableFuture().join();
        assertEquals(List.of(), checked, "nothing charged");
        assertEquals(List.of("claim", "off the webhook's thread"), steps, "no step ran with an outcome");
        assertTrue(reply.speech().get(0).ssml().contains("cannot read codes right now"), reply.speech().toString());
        assertNull(reply.listen(), "the call ends");
    }

    @Test
    void aStepThatFailsAfterThePinCheckFailsWithItsOwnExceptionForTheWebhooksFailureMapper() throws Exception {
        stepFailure = new PersistenceException("database unreachable");
        var failure = new CompletableFuture<Throwable>();
        flow(Optional.empty()).input("a-step-token", new KeyPresses("u1", "480261", false), r -> r)
                .orElseThrow().whenComplete((reply, thrown) -> failure.complete(thrown));
        assertSame(stepFailure, failure.get(10, TimeUnit.SECONDS), "not wrapped: the mapper turns it into the apology");
    }

    @Test
    void aPinStepWithNothingTypedIsRepliedToOnTheWebhooksOwnThread() {
        var reply = flow(Optional.empty()).input("a-step-token", new KeyPresses("u1", null, false), r -> r).orElseThrow();
        assertTrue(reply.toCompletableFuture().isDone(), "complete on return");
        assertEquals(List.of(), checked);
        assertEquals(List.of("claim", "proceed null"), steps);
    }
}
