package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.jboss.aerogear.security.otp.Totp;
import org.jboss.aerogear.security.otp.api.Clock;
import org.junit.jupiter.api.Test;

/**
 * Aerogear and java-otp are independent implementations; on SHA-1, 6 digits they must never disagree. The service
 * uses Aerogear's HMAC building block with its own truncation and digits; Aerogear's complete {@code Totp} (Base32
 * key, its own truncation and formatting) is the oracle for that path.
 */
class EngineAgreementTest {

    @Test
    void aerogearAndJavaOtpGiveTheSameSha1SixDigitCodeAtTenThousandRandomInstants() {
        var random = new Random(6238);
        var secret = new byte[20];
        long year2600 = 20_000_000_000L;
        for (int i = 0; i < 10_000; i++) {
            random.nextBytes(secret);
            long unixTime = Math.floorMod(random.nextLong(), year2600);
            int period = i % 4 == 0 ? 1 + random.nextInt(600) : 30;
            long t = unixTime / period;
            assertEquals(JavaOtpEngine.generate(secret, Algorithm.SHA1, 6, t), AerogearEngine.generate(secret, t),
                    () -> "T = " + t);
        }
    }

    @Test
    void aerogearAndJavaOtpAgreeOnSecretsOfEveryAcceptedLength() {
        var random = new Random(4226);
        for (int length = OtpAuthUri.MIN_SECRET_BYTES; length <= OtpAuthUri.MAX_SECRET_BYTES; length++) {
            var secret = new byte[length];
            random.nextBytes(secret);
            long t = random.nextInt(Integer.MAX_VALUE);
            assertEquals(JavaOtpEngine.generate(secret, Algorithm.SHA1, 6, t), AerogearEngine.generate(secret, t),
                    "secret of " + length + " bytes");
        }
    }

    @Test
    void theServicesAerogearPathGivesWhatAerogearsOwnTotpGives() {
        var random = new Random(30);
        var secret = new byte[20];
        var previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT); // Totp formats in the default locale; ROOT keeps the oracle ASCII
            for (int i = 0; i < 2_000; i++) {
                random.nextBytes(secret);
                long t = Math.floorMod(random.nextLong(), 20_000_000_000L / 30);
                var oracle = new Totp(Base32.encode(secret), new FixedInterval(t)).now();
                assertEquals(oracle, AerogearEngine.generate(secret, t), "T = " + t);
            }
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void codesStayAsciiWhateverTheDefaultLocale() {
        var previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            var secret = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (long t = 0; t < 200; t++) {
                org.junit.jupiter.api.Assertions.assertTrue(AerogearEngine.generate(secret, t).matches("[0-9]{6}"));
                for (var algorithm : Algorithm.values()) {
                    org.junit.jupiter.api.Assertions.assertTrue(
                            JavaOtpEngine.generate(secret, algorithm, 8, t).matches("[0-9]{8}"));
                }
            }
        } finally {
            Locale.setDefault(previous);
        }
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
