package dev.landline.codes.control;

import org.jboss.aerogear.security.otp.Totp;
import org.jboss.aerogear.security.otp.api.Clock;

/**
 * SHA-1, 6-digit codes through Aerogear OTP Java, the library the user named. Aerogear only knows "now", so the
 * moving factor is handed to it through a {@link Clock} whose current interval is fixed; with that, Aerogear
 * computes RFC 4226 HOTP(K, movingFactor) for any period. It takes the secret as Base32 text and prints the stack
 * trace and then fails with an ArrayIndexOutOfBoundsException on a bad one, so it only ever gets text we encoded
 * ourselves from a checked, non-empty key.
 */
final class AerogearEngine {

    static final int DIGITS = 6;

    private AerogearEngine() {
    }

    static String generate(byte[] secret, long movingFactor) {
        if (secret == null || secret.length == 0) {
            throw new InvalidOtpInput("secret", "a secret is required");
        }
        var code = new Totp(Base32.encode(secret), new FixedInterval(movingFactor)).now();
        return AsciiDigits.of(code, DIGITS);
    }

    /** Aerogear's clock, stopped at one moving factor. */
    private static final class FixedInterval extends Clock {

        private final long interval;

        FixedInterval(long interval) {
            this.interval = interval;
        }

        @Override
        public long getCurrentInterval() {
            return interval;
        }
    }
}
