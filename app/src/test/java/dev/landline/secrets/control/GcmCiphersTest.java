package dev.landline.secrets.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class GcmCiphersTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");
    private static final byte[] PLAIN = "a call's start".getBytes(StandardCharsets.US_ASCII);

    private final GcmCiphers ciphers = new GcmCiphers();

    @Test
    void aCipherComesBackAfterASuccessfulUseAndIsLentAgain() throws Exception {
        var first = ciphers.use(cipher -> cipher);
        assertSame(first, ciphers.use(cipher -> cipher));
    }

    @Test
    void aCipherLeftByAFailedUseIsNeverLentAgain() throws Exception {
        var sealed = seal(nonce(1));
        var tampered = sealed.clone();
        tampered[0] ^= 1;
        var failed = new Cipher[1];
        assertThrows(AEADBadTagException.class, () -> ciphers.use(cipher -> {
            failed[0] = cipher;
            return open(cipher, nonce(1), tampered);
        }));
        assertNotSame(failed[0], ciphers.use(cipher -> cipher));
    }

    @Test
    void aReusedCipherSealsAndOpensLikeAFreshOne() throws Exception {
        for (var i = 0; i < 3; i++) {
            var nonce = nonce(i);
            var sealed = ciphers.use(cipher -> {
                cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(128, nonce));
                return cipher.doFinal(PLAIN);
            });
            assertArrayEquals(seal(nonce), sealed);
            assertArrayEquals(PLAIN, ciphers.use(cipher -> open(cipher, nonce, sealed)));
        }
    }

    /** The oracle: a cipher of its own, made for this one use. */
    private static byte[] seal(byte[] nonce) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(PLAIN);
    }

    private static byte[] open(Cipher cipher, byte[] nonce, byte[] sealed) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(sealed);
    }

    private static byte[] nonce(int n) {
        var nonce = new byte[12];
        nonce[11] = (byte) n;
        return nonce;
    }
}
