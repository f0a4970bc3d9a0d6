package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpParametersTest {

    @Test
    void totpDefaultsAreSha1SixDigitsThirtySeconds() {
        assertEquals(new OtpParameters(OtpType.TOTP, Algorithm.SHA1, 6, 30, 0), OtpParameters.totpDefaults());
        assertTrue(OtpParameters.totpDefaults().isGoogleDefault());
    }

    @Test
    void anyOtherAlgorithmLengthPeriodOrTypeIsNotTheGoogleDefault() {
        assertFalse(OtpParameters.totp(Algorithm.SHA256, 6, 30).isGoogleDefault());
        assertFalse(OtpParameters.totp(Algorithm.SHA1, 8, 30).isGoogleDefault());
        assertFalse(OtpParameters.totp(Algorithm.SHA1, 6, 60).isGoogleDefault());
        assertFalse(OtpParameters.hotp(Algorithm.SHA1, 6, 0).isGoogleDefault());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 9, 10, -6})
    void codesHaveSixToEightDigits(int digits) {
        var e = assertThrows(InvalidOtpInput.class, () -> OtpParameters.totp(Algorithm.SHA1, digits, 30));
        assertEquals("digits", e.field());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -30, 601, 3600})
    void totpPeriodsAreOneSecondToTenMinutes(int period) {
        var e = assertThrows(InvalidOtpInput.class, () -> OtpParameters.totp(Algorithm.SHA1, 6, period));
        assertEquals("period", e.field());
    }

    @Test
    void periodsAtTheLimitsAreAccepted() {
        assertEquals(1, OtpParameters.totp(Algorithm.SHA1, 6, 1).period());
        assertEquals(600, OtpParameters.totp(Algorithm.SHA1, 6, 600).period());
    }

    @Test
    void hotpKeepsThirtyAsItsUnusedPeriod() {
        assertEquals(30, new OtpParameters(OtpType.HOTP, Algorithm.SHA1, 6, 0, 5).period());
        assertEquals(30, new OtpParameters(OtpType.HOTP, Algorithm.SHA1, 6, 9999, 5).period());
    }

    @Test
    void countersCannotBeNegative() {
        var e = assertThrows(InvalidOtpInput.class, () -> OtpParameters.hotp(Algorithm.SHA1, 6, -1));
        assertEquals("counter", e.field());
    }

    @Test
    void typeAndAlgorithmAreRequired() {
        assertEquals("type",
                assertThrows(InvalidOtpInput.class, () -> new OtpParameters(null, Algorithm.SHA1, 6, 30, 0)).field());
        assertEquals("algorithm",
                assertThrows(InvalidOtpInput.class, () -> new OtpParameters(OtpType.TOTP, null, 6, 30, 0)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHA1", "sha1", "Sha1", " SHA1 ", "SHA-1"})
    void algorithmNamesAreReadLeniently(String text) {
        assertEquals(Algorithm.SHA1, Algorithm.parse(text));
    }

    @Test
    void everyAlgorithmHasItsJceMacName() {
        assertEquals(Algorithm.SHA256, Algorithm.parse("sha256"));
        assertEquals(Algorithm.SHA512, Algorithm.parse("SHA-512"));
        assertEquals("HmacSHA1", Algorithm.SHA1.macName());
        assertEquals("HmacSHA256", Algorithm.SHA256.macName());
        assertEquals("HmacSHA512", Algorithm.SHA512.macName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "md5", "SHA224", "SHA384", "SHA3-256", "HmacSHA1", "", "  "})
    void otherAlgorithmsAreRefused(String text) {
        assertEquals("algorithm", assertThrows(InvalidOtpInput.class, () -> Algorithm.parse(text)).field());
    }

    @Test
    void aMissingAlgorithmIsRefused() {
        assertEquals("algorithm", assertThrows(InvalidOtpInput.class, () -> Algorithm.parse(null)).field());
    }
}
