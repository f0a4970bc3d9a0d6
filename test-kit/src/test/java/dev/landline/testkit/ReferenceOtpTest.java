package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tests' oracle gives the RFCs' own test vectors, so the codes the tests expect are the standard's. */
class ReferenceOtpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void hotpGivesRfc4226AppendixDVectors() {
        var expected = new String[] {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], ReferenceOtp.hotp(SHA1_SEED, counter, 6, "HmacSHA1"), "counter " + counter);
        }
    }

    @Test
    void totpGivesRfc6238AppendixBVectors() {
        String[][] vectors = {
            {"59", "94287082", "46119246", "90693936"},
            {"1111111109", "07081804", "68084774", "25091201"},
            {"1111111111", "14050471", "67062674", "99943326"},
            {"1234567890", "89005924", "91819424", "93441116"},
            {"2000000000", "69279037", "90698825", "38618901"},
            {"20000000000", "65353130", "77737706", "47863826"}};
        for (var vector : vectors) {
            var at = Instant.ofEpochSecond(Long.parseLong(vector[0]));
            assertEquals(vector[1], ReferenceOtp.totp(SHA1_SEED, at, 30, 8, "HmacSHA1"), "SHA-1 at T=" + vector[0]);
            assertEquals(vector[2], ReferenceOtp.totp(SHA256_SEED, at, 30, 8, "HmacSHA256"), "SHA-256 at T=" + vector[0]);
            assertEquals(vector[3], ReferenceOtp.totp(SHA512_SEED, at, 30, 8, "HmacSHA512"), "SHA-512 at T=" + vector[0]);
        }
    }

    @Test
    void theRfcSecretIsTheRfcSeedInBase32BothWays() {
        assertArrayEquals(SHA1_SEED, ReferenceOtp.base32(ReferenceOtp.RFC_SECRET));
        assertEquals(ReferenceOtp.RFC_SECRET, ReferenceOtp.base32(SHA1_SEED));
        assertArrayEquals(SHA1_SEED, ReferenceOtp.base32(ReferenceOtp.RFC_SECRET + "========"), "padding ignored");
    }

    @Test
    void aCodeIsNearOnlyWithinTheStepsAllowed() {
        var at = Instant.ofEpochSecond(59);
        assertTrue(ReferenceOtp.totpNear("287082", SHA1_SEED, at, 0, 30, 6, "HmacSHA1"));
        assertTrue(ReferenceOtp.totpNear("359152", SHA1_SEED, at, 1, 30, 6, "HmacSHA1"), "the next step");
        assertFalse(ReferenceOtp.totpNear("969429", SHA1_SEED, at, 1, 30, 6, "HmacSHA1"), "two steps on");
    }

    @Test
    void withFewerThanSevenSecondsLeftTheNextStepIsRead() {
        assertEquals(1, ReferenceOtp.stepReadAt(Instant.ofEpochMilli(53_000), 30), "7 s left: this step");
        assertEquals(2, ReferenceOtp.stepReadAt(Instant.ofEpochMilli(53_001), 30), "just under 7 s left: the next");
        assertEquals("359152", ReferenceOtp.totpReadAt(SHA1_SEED, Instant.ofEpochSecond(55), 30, 6, "HmacSHA1"));
    }
}
