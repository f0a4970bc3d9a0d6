package dev.landline.signatures.control;

import static dev.landline.signatures.control.VonageSignatureTest.BODY;
import static dev.landline.signatures.control.VonageSignatureTest.NOW;
import static dev.landline.signatures.control.VonageSignatureTest.bearer;
import static dev.landline.signatures.control.VonageSignatureTest.post;
import static dev.landline.signatures.control.VonageSignatureTest.sha256;
import static dev.landline.signatures.control.VonageSignatureTest.vonage;
import static dev.landline.signatures.control.VonageSignatureTest.vonageClaims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import dev.landline.time.control.ClockOffset;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Accepted Vonage webhooks tell the clock estimate the provider's time; nothing else does. */
class VonageSignatureClockTest {

    private final VonageSignature check = VonageSignature.of(VonageSignatureTest.SECRET, 300);
    private final ClockOffset offset = ClockOffset.withLimit(20);

    VonageSignatureClockTest() {
        check.clockOffset = offset;
    }

    @Test
    void webhooksFromAProviderThirtySecondsBehindOurClockMakeItTooFar() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.VALID, check.verify(bearer(vonage(NOW.minusSeconds(30), sha256(BODY))), post(BODY), NOW));
        }
        var estimate = offset.estimate();
        assertEquals(Duration.ofSeconds(30), estimate.offset().orElseThrow());
        assertTrue(estimate.beyondLimit(), estimate.describe());
    }

    @Test
    void theBodysMillisecondTimestampCountsWhenItIsLaterThanTheWholeSecondIat() {
        var body = "{\"uuid\":\"call-1\",\"dtmf\":{\"digits\":\"1\",\"timed_out\":false},"
                + "\"timestamp\":\"2025-06-01T11:59:52.600Z\"}";
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.VALID, check.verify(bearer(vonage(NOW.minusSeconds(9), sha256(body))), post(body), NOW));
        }
        assertEquals(Duration.ofMillis(7400), offset.estimate().offset().orElseThrow());
    }

    @Test
    void refusedTokensAndOurOwnBrowserPhoneTokensTellNothing() {
        var forged = vonageClaims(NOW.minusSeconds(100), sha256(BODY)).sign(Algorithm.HMAC256("another-secret"));
        var ours = check.sign(post(BODY), NOW.minusSeconds(100), Duration.ofMinutes(5)).orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.BAD_SIGNATURE, check.verify(bearer(forged), post(BODY), NOW));
            assertEquals(Verdict.VALID, check.verify(bearer(ours), post(BODY), NOW));
            assertEquals(Verdict.STALE, check.verify(bearer(vonage(NOW.minusSeconds(400), sha256(BODY))), post(BODY),
                    NOW));
        }
        assertEquals(0, offset.estimate().samples());
    }
}
