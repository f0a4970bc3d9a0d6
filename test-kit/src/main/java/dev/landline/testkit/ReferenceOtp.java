package dev.landline.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4226/6238 written out again from the RFC text with nothing but javax.crypto, and the read-out rule from the
 * README ("when fewer than 7 seconds remain, the next step's code is read"), so that the tests compare the spoken
 * codes with an independent computation rather than with the service's own libraries.
 */
public final class ReferenceOtp {

    /** RFC 6238's SHA-1 seed, "12345678901234567890", in Base32. */
    public static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    /** landline.code.min-remaining-seconds, as every server under test is configured (the default). */
    public static final int MIN_REMAINING_SECONDS = 7;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private ReferenceOtp() {
    }

    /** RFC 4226 HOTP; {@code macAlgorithm} a JCA name such as "HmacSHA1". */
    public static String hotp(byte[] key, long counter, int digits, String macAlgorithm) {
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

    /** RFC 6238 TOTP at this instant. */
    public static String totp(byte[] key, Instant at, int period, int digits, String macAlgorithm) {
        return hotp(key, Math.floorDiv(at.getEpochSecond(), period), digits, macAlgorithm);
    }

    /** Whether {@code code} is this seed's TOTP within {@code reach} steps of {@code at}. */
    public static boolean totpNear(String code, byte[] key, Instant at, int reach, int period, int digits,
            String macAlgorithm) {
        long step = Math.floorDiv(at.getEpochSecond(), period);
        for (long s = step - reach; s <= step + reach; s++) {
            if (hotp(key, s, digits, macAlgorithm).equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The time step whose code a caller hears when the service decides at {@code at}. */
    public static long stepReadAt(Instant at, int period) {
        long periodMillis = period * 1000L;
        long step = Math.floorDiv(at.toEpochMilli(), periodMillis);
        long remainingMillis = periodMillis - Math.floorMod(at.toEpochMilli(), periodMillis);
        return remainingMillis < MIN_REMAINING_SECONDS * 1000L ? step + 1 : step;
    }

    public static String totpReadAt(byte[] key, Instant at, int period, int digits, String macAlgorithm) {
        return hotp(key, stepReadAt(at, period), digits, macAlgorithm);
    }

    /** RFC 4648 Base32 decoding of an upper-case secret, padding ignored. */
    public static byte[] base32(String text) {
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toCharArray()) {
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** RFC 4648 Base32 encoding, upper case, unpadded (as otpauth URIs carry secrets). */
    public static String base32(byte[] data) {
        var out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt(buffer >> (bits - 5) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt(buffer << (5 - bits) & 31));
        }
        return out.toString();
    }
}
