package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Aerogear and java-otp are independent implementations; on SHA-1, 6 digits they must never disagree. */
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
}
