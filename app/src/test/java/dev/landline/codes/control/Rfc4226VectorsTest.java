package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4226 Appendix D, plus the two 8-digit values from Botan's hotp.vec. */
class Rfc4226VectorsTest {

    static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    final CodeGenerator codes = new CodeGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @ParameterizedTest(name = "count {0} gives {1}")
    @CsvSource({
        "0, 755224", "1, 287082", "2, 359152", "3, 969429", "4, 338314",
        "5, 254676", "6, 287922", "7, 162583", "8, 399871", "9, 520489"})
    void sixDigitHotpMatchesAppendixD(long count, String expected) {
        assertEquals(expected, codes.hotp(SECRET, OtpParameters.hotp(Algorithm.SHA1, 6, 0), count));
    }

    @ParameterizedTest(name = "count {0} gives {1}")
    @CsvSource({"7, 82162583", "8, 73399871"})
    void eightDigitHotpKeepsTheLeadingDigitsAppendixDCutOff(long count, String expected) {
        assertEquals(expected, codes.hotp(SECRET, OtpParameters.hotp(Algorithm.SHA1, 8, 0), count));
    }
}
