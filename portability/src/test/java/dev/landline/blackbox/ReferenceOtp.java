package dev.landline.blackbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4226/6238 from the RFC text with nothing but javax.crypto, and the read-out rule from the README ("when fewer
 * than 7 seconds remain, the next step's code is read"), so spoken codes are checked against an independent
 * computation, not against the service's own libraries.
 */
final class ReferenceOtp {

    /** landline.code.min-remaining-seconds, as every server under test is configured (the default). */
    static final int MIN_REMAINING_SECONDS = 7;

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
            return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time step whose code a caller hears when the service decides at {@code at}. */
    static long stepReadAt(Instant at, int period) {
        long periodMillis = period * 1000L;
        long step = Math.floorDiv(at.toEpochMilli(), periodMillis);
        long remainingMillis = periodMillis - Math.floorMod(at.toEpochMilli(), periodMillis);
        return remainingMillis < MIN_REMAINING_SECONDS * 1000L ? step + 1 : step;
    }

    static String totpReadAt(byte[] key, Instant at, int period, int digits, String macAlgorithm) {
        return hotp(key, stepReadAt(at, period), digits, macAlgorithm);
    }

    /** RFC 4648 Base32 decoding of an upper-case, unpadded secret. */
    static byte[] base32(String text) {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
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
