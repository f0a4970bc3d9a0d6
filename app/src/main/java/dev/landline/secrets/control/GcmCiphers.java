package dev.landline.secrets.control;

import java.security.GeneralSecurityException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;

/**
 * AES-GCM ciphers kept for the next use: {@code Cipher.getInstance} was about 4 of the 5 µs that sealing a call
 * token took (issue 15). A cipher is lent to one use at a time, which must initialise it with its own key and
 * a fresh nonce (GCM itself refuses to encrypt twice with the last key and nonce); it comes back only when the use
 * succeeded, so a cipher left midway by a failure is never lent again. At most as many exist as uses ever ran at
 * once.
 */
public final class GcmCiphers {

    /** What a use does with the cipher it is lent. */
    @FunctionalInterface
    public interface Use<T> {
        T with(Cipher cipher) throws GeneralSecurityException;
    }

    private final Queue<Cipher> idle = new ConcurrentLinkedQueue<>();

    public <T> T use(Use<T> use) throws GeneralSecurityException {
        var cipher = idle.poll();
        if (cipher == null) {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }
        var result = use.with(cipher);
        idle.offer(cipher);
        return result;
    }
}
