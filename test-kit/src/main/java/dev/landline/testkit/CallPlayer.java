package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One call played in checked mode, whatever the provider ({@link VonagePlayer}, {@link TwilioPlayer}): what the
 * caller does (press, stay silent, hang up) and what a test asks about what was said. A scenario written against
 * this runs against either provider ({@link Provider#dial}). The checks on the codes heard are the same for both:
 * the independent oracle ({@link ReferenceOtp}, {@link CodesHeard}) on the words each provider would speak.
 */
public interface CallPlayer {

    /** The providers a call can come through, for scenarios run against each. */
    enum Provider {
        VONAGE, TWILIO;

        /** The digits of a phone number, without a '+' (as Vonage writes them). */
        private static final Pattern DIGITS = Pattern.compile("[0-9]+");

        /**
         * Dials in through this provider from {@code from} (international digits without '+', as Vonage sends them;
         * null for a withheld number) to {@code to}: each provider's player gets the number as that provider writes
         * it (Twilio: "+" and the digits, "anonymous" when withheld).
         */
        public CallPlayer dial(URI base, String from, String to) {
            return switch (this) {
                case VONAGE -> VonagePlayer.dial(base, from, to);
                case TWILIO -> TwilioPlayer.dial(base, twilioNumber(from), twilioNumber(to));
            };
        }

        private static String twilioNumber(String number) {
            if (number == null) {
                return "anonymous";
            }
            return DIGITS.matcher(number).matches() ? "+" + number : number;
        }
    }

    /**
     * Types these keys (with '#' where the caller presses it) into the step the call is at, as the provider sends
     * them; the call goes on with the answer.
     */
    CallPlayer press(String digits);

    /** Types nothing until the step times out; the call goes on with the answer. */
    CallPlayer silence();

    /** The provider's final status webhook: the caller hung up. */
    void hangUp();

    /** Everything the last answer says, as the provider would speak it (Vonage: SSML included). */
    String heard();

    /** Everything said on this call so far, answer after answer, as the provider would speak it. */
    String heardSoFar();

    /** The codes read out digit by digit in the last answer, in order. */
    List<String> spokenCodes();

    /** Whether the last answer ends the call (waits for no keys). */
    boolean ended();

    /** When the last webhook left the client. */
    Instant sentAt();

    /** When its answer arrived. */
    Instant answeredAt();

    /**
     * Asserts that the last answer read one code twice, and that it is this seed's (SHA-1, 6 digits, 30 s) by the
     * independent oracle, in the server's current step or one next to it.
     */
    default void assertHeardCodeOf(String base32Secret) {
        var key = ReferenceOtp.base32(base32Secret);
        var now = ServerClock.now();
        var spoken = spokenCodes();
        assertEquals(2, spoken.size(), heard());
        assertEquals(spoken.get(0), spoken.get(1), "the same code twice: " + heard());
        assertTrue(ReferenceOtp.totpNear(spoken.get(0), key, now, 1, 30, 6, "HmacSHA1"),
                () -> "not this seed's code at " + now + ": " + heard());
    }

    /**
     * Fails if any code of this seed was said anywhere in the call so far, by any algorithm, length, period or
     * counter a call could use (see {@link CodesHeard#codesOf}), around the server's clock.
     */
    default void assertNoCodeHeard(String base32Secret) {
        CodesHeard.assertNoneSaid(CodesHeard.codesOf(base32Secret, ServerClock.now().getEpochSecond()), heardSoFar());
    }

    /**
     * Three wrong PINs in a row (111222, 333444, 555666) on a call asked for its PIN, as the service promises: the
     * first is told it did not work and asked for the PIN again, the second leaves the call open, the third ends the
     * call with a goodbye; no code of this seed is said. Returns this call.
     */
    default CallPlayer assertThreeWrongPinsEndTheCallPolitely(String base32Secret) {
        press("111222#");
        assertTrue(heard().contains("did not work") && heard().contains("PIN"), heard());
        press("333444#");
        assertFalse(ended(), "the call is still open after two wrong PINs: " + heard());
        press("555666#");
        assertTrue(ended(), "the third wrong PIN ends the call");
        assertTrue(heard().contains("Goodbye"), heard());
        assertNoCodeHeard(base32Secret);
        return this;
    }
}
