package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6238 Appendix B, Table 1: six times by three algorithms, each with the seed of its own length (20, 32 and
 * 64 bytes, from Appendix A; Appendix B's prose names only the 20-byte one).
 */
class Rfc6238VectorsTest {

    static final String SEED64 = "1234567890123456789012345678901234567890123456789012345678901234";

    final CodeGenerator codes = new CodeGenerator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    static byte[] seedFor(Algorithm algorithm) {
        int length = switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
        return SEED64.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{1} at {0} gives {2}")
    @CsvSource({
        "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826"})
    void eightDigitTotpMatchesAppendixB(long unixTime, Algorithm algorithm, String expected) {
        var parameters = OtpParameters.totp(algorithm, 8, 30);
        assertEquals(expected, codes.totp(seedFor(algorithm), parameters, Instant.ofEpochSecond(unixTime)));
    }

    @ParameterizedTest(name = "SHA1 at {0} gives {1}")
    @CsvSource({
        "59, 287082", "1111111109, 081804", "1111111111, 050471",
        "1234567890, 005924", "2000000000, 279037", "20000000000, 353130"})
    void sixDigitSha1FormsComeOutOfTheAerogearPath(long unixTime, String expected) {
        var parameters = OtpParameters.totpDefaults();
        var at = Instant.ofEpochSecond(unixTime);
        assertEquals(expected, codes.totp(seedFor(Algorithm.SHA1), parameters, at));
        assertEquals(expected, AerogearEngine.generate(seedFor(Algorithm.SHA1), unixTime / 30));
    }

    @ParameterizedTest(name = "{1} at {0} gives {2}")
    @CsvSource({
        "1111111109, SHA256, 084774", "1111111109, SHA512, 091201",
        "20000000000, SHA256, 737706", "20000000000, SHA512, 863826"})
    void sixDigitSha2FormsAreTheLastSixDigits(long unixTime, Algorithm algorithm, String expected) {
        var parameters = OtpParameters.totp(algorithm, 6, 30);
        assertEquals(expected, codes.totp(seedFor(algorithm), parameters, Instant.ofEpochSecond(unixTime)));
    }

    @Test
    void theTwentyByteSeedDoesNotGiveTheSha256VectorTheErrataTrap() {
        var parameters = OtpParameters.totp(Algorithm.SHA256, 8, 30);
        assertEquals("32247374", codes.totp(seedFor(Algorithm.SHA1), parameters, Instant.ofEpochSecond(59)));
    }

    @Test
    void seedsHaveTheBase32FormsListedInTheReference() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(seedFor(Algorithm.SHA1)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA", Base32.encode(seedFor(Algorithm.SHA256)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA",
                Base32.encode(seedFor(Algorithm.SHA512)));
    }
}
