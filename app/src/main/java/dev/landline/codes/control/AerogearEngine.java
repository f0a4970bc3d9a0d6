package dev.landline.codes.control;

import java.security.GeneralSecurityException;
import org.jboss.aerogear.security.otp.api.Hash;
import org.jboss.aerogear.security.otp.api.Hmac;

/**
 * SHA-1, 6-digit codes through Aerogear OTP Java, the library the user named, by its own HMAC building block:
 * {@code Hmac(Hash.SHA1, key, T).digest()} is HMAC-SHA1(K, T as 8 big-endian bytes), RFC 4226's HMAC step; the
 * dynamic truncation and the digits are ours (RFC 4226 section 5.3), exactly what Aerogear's {@code Totp} does
 * after its HMAC.
 *
 * <p>Why not {@code Totp.now()}: it takes the key only as Base32 text (our encoding, then Aerogear's regex-based
 * decoding on every code), formats with {@code String.format("%06d")} in the default locale (non-ASCII digits
 * under some locales) and only knows "now". That made a code ≈ 11–14× the raw HMAC; see
 * {@code docs/benchmarks-codes.md}. {@code Totp} stays an independent oracle in the tests.
 *
 * <p>Aerogear's {@code Hmac} keeps a reference to the key bytes only for this one call (no copy, no cache), so the
 * caller's wiping of the seed still wipes everything we hold.
 */
final class AerogearEngine {

    static final int DIGITS = 6;

    private AerogearEngine() {
    }

    static String generate(byte[] secret, long movingFactor) {
        if (secret == null || secret.length == 0) {
            throw new InvalidOtpInput("secret", "a secret is required");
        }
        if (movingFactor < 0) {
            throw new InvalidOtpInput("counter", "the moving factor cannot be negative");
        }
        try {
            var hmac = new Hmac(Hash.SHA1, secret, movingFactor).digest();
            return AsciiDigits.zeroPadded(truncate(hmac, DIGITS), DIGITS);
        } catch (GeneralSecurityException e) {
            // every JDK has HmacSHA1 and it accepts any non-empty key; the JCE message holds no key material
            throw new IllegalStateException("the JCE refused HmacSHA1: " + e.getClass().getSimpleName());
        }
    }

    /** RFC 4226 section 5.3: dynamic truncation to a 31-bit number, then modulo 10^digits. */
    static int truncate(byte[] hmac, int digits) {
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary = (hmac[offset] & 0x7f) << 24 | (hmac[offset + 1] & 0xff) << 16
                | (hmac[offset + 2] & 0xff) << 8 | (hmac[offset + 3] & 0xff);
        return binary % AsciiDigits.POWERS_OF_TEN[digits];
    }
}
