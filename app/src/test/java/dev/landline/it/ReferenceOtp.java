package dev.landline.it;

import java.nio.ByteBuffer;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4226/6238 written out again from the RFC text with nothing but javax.crypto, so that the tests compare the
 * service's spoken codes with an independent computation rather than with the service's own libraries.
 */
final class ReferenceOtp {

    private ReferenceOtp() {
    }

    static String hotp(byte[] key, long counter, int digits, String macAlgorithm) {
        try {
            var mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String totp(byte[] key, Instant at, int period, int digits, String macAlgorithm) {
        return hotp(key, Math.floorDiv(at.getEpochSecond(), period), digits, macAlgorithm);
    }

    /** RFC 4648 Base32 decoding of an upper-case, unpadded secret, for test fixtures. */
    static byte[] base32(String text) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
