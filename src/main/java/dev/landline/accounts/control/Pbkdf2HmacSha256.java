package dev.landline.accounts.control;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018 §5.2), the same function as the JDK's {@code PBKDF2WithHmacSHA256} and with the same
 * output, at about two thirds of its cost: the SHA-256 states after the HMAC key's inner and outer pad are computed
 * once per derivation and copied for every iteration, so an iteration costs two SHA-256 blocks instead of four. The
 * iteration count, and so the work an attacker must do per guess, is unchanged: attackers' tools have always used
 * this shortcut; only the defender paid for the redundant blocks.
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
            var pad = new byte[BLOCK];
            var inner = MessageDigest.getInstance("SHA-256");
            var outer = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
            }
            inner.update(pad);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
            }
            outer.update(pad);
            Arrays.fill(pad, (byte) 0);

            var out = new byte[bytes];
            var u = new byte[LENGTH];
            var t = new byte[LENGTH];
            for (int block = 1, offset = 0; offset < bytes; block++, offset += LENGTH) {
                var first = (MessageDigest) inner.clone();
                first.update(salt);
                first.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                        (byte) block});
                hmac(first, outer, u);
                System.arraycopy(u, 0, t, 0, LENGTH);
                for (int i = 1; i < iterations; i++) {
                    var next = (MessageDigest) inner.clone();
                    next.update(u);
                    hmac(next, outer, u);
                    for (int j = 0; j < LENGTH; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(LENGTH, bytes - offset));
            }
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 is unavailable: " + e.getClass().getSimpleName());
        }
    }

    /** Finishes the inner hash (already fed its message), runs it through a copy of the outer state, into {@code u}. */
    private static void hmac(MessageDigest inner, MessageDigest outer, byte[] u)
            throws CloneNotSupportedException, DigestException {
        inner.digest(u, 0, LENGTH);
        var last = (MessageDigest) outer.clone();
        last.update(u);
        last.digest(u, 0, LENGTH);
    }
}
