package dev.landline.codes.control;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor the benchmark compares against: RFC 4226 HOTP straight on {@link Mac}. HMAC over the 8-byte big-endian
 * moving factor, dynamic truncation, then the code written as zero-padded ASCII digits by hand. No Base32, no
 * provider lookup beyond what the caller chooses, no {@code String.format}: nothing a code generator could skip.
 */
final class RawHotp {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};

    private RawHotp() {
    }

    /** HOTP(K, movingFactor) with the key {@code mac} was initialised with. */
    static String code(Mac mac, long movingFactor, int digits) {
        var message = new byte[8];
        long factor = movingFactor;
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) factor;
            factor >>>= 8;
        }
        byte[] hash = mac.doFinal(message);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8 | hash[offset + 3] & 0xff;
        return digits(binary % POWERS_OF_TEN[digits], digits);
    }

    /** {@code otp} as exactly {@code digits} ASCII digits, zero-padded on the left, as {@code "%06d"} would. */
    static String digits(int otp, int digits) {
        var text = new char[digits];
        int rest = otp;
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(text);
    }

    /** A new Mac of {@code macName}, initialised with {@code secret}: provider lookup plus key setup. */
    static Mac keyedMac(String macName, byte[] secret) {
        var mac = unkeyedMac(macName);
        rekey(mac, secret);
        return mac;
    }

    static Mac unkeyedMac(String macName) {
        try {
            return Mac.getInstance(macName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key setup only (HMAC's inner and outer pads), as a service that serves many secrets from one Mac must do. */
    static Mac rekey(Mac mac, byte[] secret) {
        try {
            mac.init(new SecretKeySpec(secret, mac.getAlgorithm()));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
