package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class Pbkdf2HmacSha256Test {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rfc7914SectionElevenVectors() {
        assertArrayEquals(HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
                Pbkdf2HmacSha256.derive(ascii("passwd"), ascii("salt"), 1, 64));
        assertArrayEquals(HexFormat.of().parseHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"),
                Pbkdf2HmacSha256.derive(ascii("Password"), ascii("NaCl"), 80_000, 64));
    }

    @Test
    void givesTheJdksResultForPasswordsOfEveryLengthAroundTheBlockSize() throws Exception {
        var random = new Random(8018);
        var jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        for (int length = 1; length <= 130; length++) {
            var password = new char[length];
            for (int i = 0; i < length; i++) {
                password[i] = (char) ('0' + random.nextInt(75));
            }
            var salt = new byte[1 + random.nextInt(40)];
            random.nextBytes(salt);
            int iterations = 1 + random.nextInt(40);
            int bytes = new int[] {20, 32, 48, 64}[length % 4];
            var expected = jdk.generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8)).getEncoded();
            assertArrayEquals(expected, Pbkdf2HmacSha256.derive(new String(password).getBytes(StandardCharsets.UTF_8),
                    salt, iterations, bytes), "password of " + length + " chars, " + iterations + " iterations");
        }
    }

    @Test
    void givesTheJdksResultForThePinHashersInputAtItsRealCost() throws Exception {
        var peppered = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        var expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(peppered.toCharArray(), salt, 600_000, 256)).getEncoded();
        assertArrayEquals(expected, Pbkdf2HmacSha256.derive(ascii(peppered), salt, 600_000, 32));
    }

    @Test
    void refusesNoIterationsOrNoOutput() {
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2HmacSha256.derive(ascii("a"), ascii("s"), 0, 32));
        assertThrows(IllegalArgumentException.class, () -> Pbkdf2HmacSha256.derive(ascii("a"), ascii("s"), 1, 0));
    }
}
