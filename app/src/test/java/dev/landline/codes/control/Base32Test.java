package dev.landline.codes.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void encodesTheRfc4648VectorsWithoutPadding(String plain, String encoded) {
        assertEquals(encoded, Base32.encode(ascii(plain)));
    }

    @ParameterizedTest(name = "{1} is \"{0}\"")
    @CsvSource({"f, MY======", "fo, MZXQ====", "foo, MZXW6===", "foob, MZXW6YQ=", "fooba, MZXW6YTB",
        "foobar, MZXW6YTBOI======"})
    void decodesTheRfc4648VectorsWithPadding(String plain, String encoded) {
        assertArrayEquals(ascii(plain), Base32.decode(encoded));
    }

    @Test
    void paddingIsOptional() {
        assertArrayEquals(ascii("foob"), Base32.decode("MZXW6YQ"));
        assertArrayEquals(Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA===="),
                Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA"));
    }

    @Test
    void lowercaseReadsLikeUppercase() {
        assertArrayEquals(Base32.decode("JBSWY3DPEHPK3PXP"), Base32.decode("jbswy3dpehpk3pxp"));
        assertArrayEquals(Base32.decode("JBSWY3DPEHPK3PXP"), Base32.decode("JbSwY3dPeHpK3pXp"));
    }

    @Test
    void spacesAndHyphensBetweenGroupsAreDropped() {
        var plain = Base32.decode("JBSWY3DPEHPK3PXP");
        assertArrayEquals(plain, Base32.decode("jbsw y3dp ehpk 3pxp"));
        assertArrayEquals(plain, Base32.decode("JBSW-Y3DP-EHPK-3PXP"));
        assertArrayEquals(plain, Base32.decode("  JBSWY3DP\tEHPK3PXP\n"));
    }

    @Test
    void leftoverBitsAfterTheLastByteAreIgnoredAsAuthenticatorAppsDo() {
        assertArrayEquals(ascii("f"), Base32.decode("MZ"));
        assertArrayEquals(ascii("foob"), Base32.decode("MZXW6YR"));
        assertArrayEquals(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}, Base32.decode("7777777777777777"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"JBSWY3DPEHPK3PX0", "JBSWY3DPEHPK3PX1", "JBSWY3DPEHPK3PX8", "JBSWY3DPEHPK3PX9",
        "JBSWY3DP!HPK3PXP", "JBSWY3DPÉHPK3PXP", "JBSWY3DP_HPK3PXP", "JBSWY3DP=EHPK3PXP", "JBSWY3DP.EHPK3PX",
        "ＪBSWY3DPEHPK3PXP"})
    void charactersOutsideTheAlphabetAreRefused(String text) {
        var e = assertThrows(InvalidOtpInput.class, () -> Base32.decode(text));
        assertEquals("secret", e.field());
        assertFalse(e.getMessage().contains("JBSW"), e.getMessage());
        assertFalse(e.getMessage().contains("HPK3"), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "----", "========"})
    void emptySecretsAreRefused(String text) {
        assertEquals("secret", assertThrows(InvalidOtpInput.class, () -> Base32.decode(text)).field());
    }

    @Test
    void aMissingSecretIsRefused() {
        assertEquals("secret", assertThrows(InvalidOtpInput.class, () -> Base32.decode(null)).field());
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {1, 3, 6, 9, 11, 14, 17})
    void lengthsNoEncoderProducesAreRefused(int length) {
        var e = assertThrows(InvalidOtpInput.class, () -> Base32.decode("A".repeat(length)));
        assertEquals("secret", e.field());
    }

    @Test
    void shortSecretsAreNotThisClassesBusiness() {
        assertArrayEquals(ascii("f"), Base32.decode("MY"));
    }

    @Test
    void everyLengthRoundTrips() {
        var random = new Random(4648);
        for (int length = 1; length <= 130; length++) {
            var bytes = new byte[length];
            random.nextBytes(bytes);
            var encoded = Base32.encode(bytes);
            assertFalse(encoded.contains("="));
            assertArrayEquals(bytes, Base32.decode(encoded));
            assertArrayEquals(bytes, Base32.decode(encoded.toLowerCase()));
        }
    }

    @Test
    void nothingEncodesToNothing() {
        assertEquals("", Base32.encode(new byte[0]));
    }
}
