package dev.landline.accounts.control;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018 §5.2), the same function as the JDK's {@code PBKDF2WithHmacSHA256} and with the same
 * output, written for a server that checks PINs all day: two SHA-256 digests fed the HMAC pads directly, results
 * written into fixed buffers, so an iteration allocates nothing (the JDK's Mac allocates about 45 bytes per iteration,
 * 27 MB per PIN check). The iteration count, and so an attacker's work per guess, is unchanged.
 *
 * <p>Measured (docs/benchmarks.md): a variant that copied precomputed pad states was faster alone (2 SHA-256 blocks
 * per iteration instead of 4) but allocated 311 MB per PIN check; in the server its garbage collections cost as much
 * CPU as it saved, and promoted enough to cause full collections (150 ms pauses) and 30 MB more RSS.
 */
final class Pbkdf2HmacSha256 {

    private static final int BLOCK = 64;
    private static final int LENGTH = 32;

    private Pbkdf2HmacSha256() {
    }

    static byte[] derive(byte[] password, byte[] salt, int iterations, int bytes) {
        if (iterations < 1 || bytes < 1) {
            throw new IllegalArgumentException("iterations and length must be positive");
        }
        try {
            var key = password.length > BLOCK ? MessageDigest.getInstance("SHA-256").digest(password) : password;
            var inner = MessageDigest.getInstance("SHA-256");
            var outer = MessageDigest.getInstance("SHA-256");
            var ipad = new byte[BLOCK];
            var opad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                ipad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
                opad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
            }
            var out = new byte[bytes];
            var u = new byte[LENGTH];
            var h = new byte[LENGTH];
            var t = new byte[LENGTH];
            for (int block = 1, offset = 0; offset < bytes; block++, offset += LENGTH) {
                inner.update(ipad);
                inner.update(salt);
                inner.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                        (byte) block});
                inner.digest(h, 0, LENGTH);
                outer.update(opad);
                outer.update(h);
                outer.digest(u, 0, LENGTH);
                System.arraycopy(u, 0, t, 0, LENGTH);
                for (int i = 1; i < iterations; i++) {
                    inner.update(ipad);
                    inner.update(u);
                    inner.digest(h, 0, LENGTH);
                    outer.update(opad);
                    outer.update(h);
                    outer.digest(u, 0, LENGTH);
                    for (int j = 0; j < LENGTH; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(LENGTH, bytes - offset));
            }
            // the key is the caller's to clear when it is their password; a hashed long password is ours
            for (var secret : key == password ? new byte[][] {ipad, opad, u, h, t}
                    : new byte[][] {key, ipad, opad, u, h, t}) {
                Arrays.fill(secret, (byte) 0);
            }
            return out;
        } catch (NoSuchAlgorithmException | DigestException e) {
            throw new IllegalStateException("SHA-256 is unavailable: " + e.getClass().getSimpleName());
        }
    }
}
