package dev.landline.codes.control;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every algorithm and length through java-otp (com.eatthepath). It computes HOTP(K, C) for any C this way:
 * java-otp 0.4.0's HOTP constructor that takes an algorithm is package-private (the public one is SHA-1 only), but
 * its TOTP generator computes HOTP(K, epochMillis / stepMillis). With a one-millisecond step and
 * {@code Instant.ofEpochMilli(C)}, that quotient is exactly C, for every C from 0 to Long.MAX_VALUE. (A one-second
 * step with {@code Instant.ofEpochSecond(C)} gives the same codes but overflows {@code toEpochMilli} above
 * C = 9.2 * 10^15.)
 *
 * <p>One generator per algorithm and length is built once and shared: it holds no key, only an uninitialised
 * prototype {@code Mac} that java-otp 0.4.0 clones for every code, so threads can share it. The key is handed in
 * per code and never kept. Its {@code int} result is written as ASCII digits here, not by {@code String.format}
 * (about half of the time per code before; see {@code docs/benchmarks-codes.md}).
 */
final class JavaOtpEngine {

    private static final Duration ONE_COUNT = Duration.ofMillis(1);
    private static final int MIN_DIGITS = 6;
    private static final int MAX_DIGITS = 8;
    private static final TimeBasedOneTimePasswordGenerator[][] GENERATORS = generators();

    private JavaOtpEngine() {
    }

    static String generate(byte[] secret, Algorithm algorithm, int digits, long movingFactor) {
        if (secret == null || secret.length == 0) {
            throw new InvalidOtpInput("secret", "a secret is required");
        }
        if (movingFactor < 0) {
            throw new InvalidOtpInput("counter", "the moving factor cannot be negative");
        }
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new InvalidOtpInput("digits", "codes have 6, 7 or 8 digits, not " + digits);
        }
        var generator = GENERATORS[algorithm.ordinal()][digits - MIN_DIGITS];
        try {
            int code = generator.generateOneTimePassword(new SecretKeySpec(secret, algorithm.macName()),
                    Instant.ofEpochMilli(movingFactor));
            return AsciiDigits.zeroPadded(code, digits);
        } catch (InvalidKeyException e) {
            // an HMAC accepts any non-empty key, so this cannot happen; the JCE message holds no key material
            throw new IllegalStateException("the JCE refused an HMAC key", e);
        }
    }

    private static TimeBasedOneTimePasswordGenerator[][] generators() {
        var algorithms = Algorithm.values();
        var generators = new TimeBasedOneTimePasswordGenerator[algorithms.length][MAX_DIGITS - MIN_DIGITS + 1];
        for (var algorithm : algorithms) {
            for (int digits = MIN_DIGITS; digits <= MAX_DIGITS; digits++) {
                generators[algorithm.ordinal()][digits - MIN_DIGITS] =
                        new TimeBasedOneTimePasswordGenerator(ONE_COUNT, digits, algorithm.macName());
            }
        }
        return generators;
    }
}
