package dev.landline.accounts.control;

import dev.landline.accounts.entity.OtpAccount;
import dev.landline.secrets.control.ServerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals OTP seeds with AES-256-GCM: a fresh random 96-bit nonce per seal, and the row's identity (account id and
 * caller id) as associated data, so a ciphertext copied into another row does not open. Stored as
 * Base64(nonce || ciphertext || tag) together with the key's id.
 */
@ApplicationScoped
public class SeedCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ServerKeys keys;

    protected SeedCipher() {
    }

    public SeedCipher(ServerKeys keys) {
        this.keys = keys;
    }

    /** Seals the seed into the account, which must already have its id. */
    public void seal(OtpAccount account, byte[] seed) {
        if (account.id() == null) {
            throw new IllegalStateException("the account needs its id before its seed can be sealed");
        }
        try {
            var nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.seedKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(account));
            var sealed = cipher.doFinal(seed);
            var out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            account.seal(Base64.getEncoder().encodeToString(out), keys.seedKeyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e.getClass().getSimpleName());
        }
    }

    /** The seed in plain bytes, for the moment a code is computed. Fails if the row was tampered with. */
    public byte[] open(OtpAccount account) {
        try {
            var in = Base64.getDecoder().decode(account.sealedSecret());
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.seedKey(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(account));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the seed of account " + account.id() + " does not open with key "
                    + account.keyId() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static byte[] associatedData(OtpAccount account) {
        return ("landline/otp_account/" + account.id() + "/caller/" + account.caller().id())
                .getBytes(StandardCharsets.US_ASCII);
    }
}
