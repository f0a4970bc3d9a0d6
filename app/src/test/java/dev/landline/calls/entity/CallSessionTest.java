package dev.landline.calls.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallSessionTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aRecognisedCallerIsAskedForThePinAndAgainForThePinAfterAWrongOne() {
        var call = new CallSession("u", "c", "447700900000", "4420", T);
        call.start(7L, true, T);
        assertEquals(Stage.PIN, call.stage());
        assertTrue(call.pinFailed(T));
        assertEquals(Stage.PIN, call.stage());
        assertEquals(7L, call.callerId(), "caller ID still selects the same caller");
    }

    @Test
    void anUnknownCallerIsAskedForTheAccountNumberAgainAfterAWrongPinAndForgetsTheCandidate() {
        var call = new CallSession("u", "c", null, "4420", T);
        call.start(null, false, T);
        assertEquals(Stage.ACCOUNT_NUMBER, call.stage());
        call.expectPinFor(9L, T);
        assertEquals(Stage.PIN, call.stage());
        assertTrue(call.pinFailed(T));
        assertEquals(Stage.ACCOUNT_NUMBER, call.stage());
        assertNull(call.callerId());
    }

    @Test
    void theThirdWrongPinEndsTheCallAndClearsItsToken() {
        var call = new CallSession("u", "c", null, "4420", T);
        call.start(7L, true, T);
        call.expectToken("hash");
        assertTrue(call.pinFailed(T));
        assertTrue(call.pinFailed(T));
        assertFalse(call.pinFailed(T));
        assertEquals(Stage.ENDED, call.stage());
        assertEquals(3, call.pinFailures());
    }

    @Test
    void restartingALiveCallKeepsItsPinFailures() {
        var call = new CallSession("u", "c", null, "4420", T);
        call.start(7L, true, T);
        call.pinFailed(T);
        call.start(7L, true, T.plusSeconds(1));
        assertEquals(1, call.pinFailures());
    }

    @Test
    void threeRepromptsInARowEndTheCallButAnAnswerInBetweenResetsThem() {
        var call = new CallSession("u", "c", null, "4420", T);
        call.start(7L, true, T);
        assertTrue(call.reprompted(T));
        assertTrue(call.reprompted(T));
        call.showMenu(0, T);
        assertTrue(call.reprompted(T));
        assertTrue(call.reprompted(T));
        assertFalse(call.reprompted(T));
        assertEquals(Stage.ENDED, call.stage());
    }

    @Test
    void readingACodeRemembersTheAccountAndTheHotpCounterUntilTheMenuComesBack() {
        var call = new CallSession("u", "c", null, "4420", T);
        call.codeRead(5L, 41L, T);
        assertEquals(Stage.AFTER_CODE, call.stage());
        assertEquals(5L, call.accountId());
        assertEquals(41L, call.readCounter());
        call.showMenu(1, T);
        assertNull(call.accountId());
        assertNull(call.readCounter());
        assertEquals(1, call.menuPage());
    }
}
