package dev.landline.codes.control;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every algorithm and length through java-otp (com.eatthepath). It computes HOTP(K, C) for any C this way:
 * java-otp 0.4.0's HOTP constructor that takes an algorithm is package-private (the public one is SHA-1 only), but
 * its TOTP generator computes HOTP(K, epochMillis / stepMillis). With a one-millisecond step and
 * {@code Instant.ofEpochMilli(C)}, that quotient is exactly C, for every C from 0 to Long.MAX_VALUE. (A one-second
 * step with {@code Instant.ofEpochSecond(C)} gives the same codes but overflows {@code toEpochMilli} above
 * C = 9.2 * 10^15.) {@link Locale#ROOT} keeps the digits ASCII.
 */
final class JavaOtpEngine {

    private static final Duration ONE_COUNT = Duration.ofMillis(1);

    private JavaOtpEngine() {
    }

    static String generate(byte[] secret, Algorithm algorithm, int digits, long movingFactor) {
        if (secret == null || secret.length == 0) {
            throw new InvalidOtpInput("secret", "a secret is required");
        }
        if (movingFactor < 0) {
            throw new InvalidOtpInput("counter", "the moving factor cannot be negative");
        }
        var generator = new TimeBasedOneTimePasswordGenerator(ONE_COUNT, digits, algorithm.macName());
        try {
            var code = generator.generateOneTimePasswordString(new SecretKeySpec(secret, algorithm.macName()),
                    Instant.ofEpochMilli(movingFactor), Locale.ROOT);
            return AsciiDigits.of(code, digits);
        } catch (InvalidKeyException e) {
            // an HMAC accepts any non-empty key, so this cannot happen; the JCE message holds no key material
            throw new IllegalStateException("the JCE refused an HMAC key", e);
        }
    }
}
