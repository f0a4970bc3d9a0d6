package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeGeneratorTest {

    static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-05-04T10:15:29Z");

    final CodeGenerator codes = new CodeGenerator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void nowComesFromTheInjectedClock() {
        assertEquals(NOW, codes.now());
    }

    @Test
    void oneSecondBeforeABoundaryOneSecondRemains() {
        var step = codes.step(OtpParameters.totpDefaults(), Instant.ofEpochSecond(59));
        assertEquals(new TimeStep(1, Instant.ofEpochSecond(30), Instant.ofEpochSecond(60), 1), step);
    }

    @Test
    void exactlyOnABoundaryTheWholePeriodRemains() {
        var step = codes.step(OtpParameters.totpDefaults(), Instant.ofEpochSecond(60));
        assertEquals(new TimeStep(2, Instant.ofEpochSecond(60), Instant.ofEpochSecond(90), 30), step);
    }

    @Test
    void aSixtySecondPeriodHasSixtySecondSteps() {
        var step = codes.step(OtpParameters.totp(Algorithm.SHA1, 6, 60), Instant.ofEpochSecond(1111111109));
        assertEquals(new TimeStep(18518518, Instant.ofEpochSecond(1111111080), Instant.ofEpochSecond(1111111140), 31),
                step);
    }

    @Test
    void aFractionOfASecondBeforeTheEndCountsAsOneSecond() {
        var step = codes.step(OtpParameters.totpDefaults(), Instant.ofEpochSecond(29, 999_000_000));
        assertEquals(0, step.index());
        assertEquals(1, step.secondsRemaining());
    }

    @Test
    void stepIndexPastTheYear2038NeedsMoreThan32Bits() {
        var step = codes.step(OtpParameters.totpDefaults(), Instant.ofEpochSecond(20_000_000_000L));
        assertEquals(0x27BC86AAL, step.index());
        assertEquals(Instant.ofEpochSecond(19_999_999_980L), step.start());
        assertEquals(10, step.secondsRemaining());
    }

    @Test
    void stepsBefore1970AreFlooredNotTruncated() {
        var step = codes.step(OtpParameters.totpDefaults(), Instant.ofEpochSecond(-1));
        assertEquals(new TimeStep(-1, Instant.ofEpochSecond(-30), Instant.EPOCH, 1), step);
    }

    @Test
    void everyInstantOfAStepGivesTheStepStartsCode() {
        var p = OtpParameters.totp(Algorithm.SHA256, 8, 45);
        var step = codes.step(p, NOW);
        assertEquals(codes.totp(SECRET, p, step.start()), codes.totp(SECRET, p, NOW));
        assertEquals(codes.totp(SECRET, p, step.start()), codes.totp(SECRET, p, step.end().minusNanos(1)));
    }

    @Test
    void codesKeepTheirLeadingZero() {
        var eight = OtpParameters.totp(Algorithm.SHA1, 8, 30);
        assertEquals("07081804", codes.totp(SECRET, eight, Instant.ofEpochSecond(1111111109)));
        assertEquals("005924", codes.totp(SECRET, OtpParameters.totpDefaults(), Instant.ofEpochSecond(1234567890)));
    }

    @Test
    void sevenDigitCodesAreTheLastSevenOfTheEightDigitOnes() {
        var seven = OtpParameters.totp(Algorithm.SHA1, 7, 30);
        assertEquals("7081804", codes.totp(SECRET, seven, Instant.ofEpochSecond(1111111109)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"th-TH-u-nu-thai", "ar-EG", "fa-IR"})
    void codesStayAsciiWhenTheDefaultLocaleWritesOtherDigits(String languageTag) {
        var before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(languageTag));
            assumeFalse(String.format("%06d", 42).equals("000042"), "this JDK formats ASCII digits here");
            assertEquals("081804", codes.totp(SECRET, OtpParameters.totpDefaults(), Instant.ofEpochSecond(1111111109)));
            assertEquals("07081804",
                    codes.totp(SECRET, OtpParameters.totp(Algorithm.SHA1, 8, 30), Instant.ofEpochSecond(1111111109)));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void hotpReachesTheLargestCounterWithSha2() {
        var p = OtpParameters.hotp(Algorithm.SHA512, 8, 0);
        assertEquals(reference(Algorithm.SHA512, 8, Long.MAX_VALUE), codes.hotp(SECRET, p, Long.MAX_VALUE));
        assertEquals(reference(Algorithm.SHA256, 6, 9_300_000_000_000_000L),
                codes.hotp(SECRET, OtpParameters.hotp(Algorithm.SHA256, 6, 0), 9_300_000_000_000_000L));
    }

    @Test
    void everyEngineMatchesAPlainRfc4226Computation() {
        for (var algorithm : Algorithm.values()) {
            for (int digits = 6; digits <= 8; digits++) {
                for (long counter : new long[] {0, 1, 255, 256, 1L << 32, 123_456_789_012L}) {
                    assertEquals(reference(algorithm, digits, counter),
                            codes.hotp(SECRET, OtpParameters.hotp(algorithm, digits, 0), counter));
                }
            }
        }
    }

    @Test
    void totpRefusesAnHotpAccount() {
        var e = assertThrows(InvalidOtpInput.class,
                () -> codes.totp(SECRET, OtpParameters.hotp(Algorithm.SHA1, 6, 3), NOW));
        assertEquals("type", e.field());
    }

    @Test
    void hotpRefusesATotpAccount() {
        var e = assertThrows(InvalidOtpInput.class, () -> codes.hotp(SECRET, OtpParameters.totpDefaults(), 3));
        assertEquals("type", e.field());
    }

    @Test
    void hotpRefusesANegativeCounter() {
        var e = assertThrows(InvalidOtpInput.class,
                () -> codes.hotp(SECRET, OtpParameters.hotp(Algorithm.SHA1, 6, 0), -1));
        assertEquals("counter", e.field());
    }

    @Test
    void totpRefusesInstantsBefore1970() {
        var e = assertThrows(InvalidOtpInput.class,
                () -> codes.totp(SECRET, OtpParameters.totpDefaults(), Instant.ofEpochSecond(-1)));
        assertEquals("time", e.field());
    }

    @Test
    void anEmptySecretIsRefusedBeforeEitherLibrarySeesIt() {
        for (var p : new OtpParameters[] {OtpParameters.totpDefaults(), OtpParameters.totp(Algorithm.SHA512, 8, 30)}) {
            var e = assertThrows(InvalidOtpInput.class, () -> codes.totp(new byte[0], p, NOW));
            assertEquals("secret", e.field());
            assertThrows(InvalidOtpInput.class, () -> codes.totp(null, p, NOW));
        }
    }

    @Test
    void codesAreAlwaysExactlyTheirDigitCountOfAsciiDigits() {
        for (long second = 0; second < 30 * 500; second += 30) {
            for (int digits = 6; digits <= 8; digits++) {
                var code = codes.totp(SECRET, OtpParameters.totp(Algorithm.SHA1, digits, 30),
                        Instant.ofEpochSecond(second));
                assertTrue(code.matches("[0-9]{" + digits + "}"), code);
            }
        }
    }

    /** RFC 4226 section 5.3, written out with nothing but javax.crypto. */
    static String reference(Algorithm algorithm, int digits, long counter) {
        try {
            var mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(SECRET, algorithm.macName()));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            var code = Integer.toString(binary % (int) Math.pow(10, digits));
            return "0".repeat(digits - code.length()) + code;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
