package dev.landline.accounts.control;

import dev.landline.accounts.entity.OtpAccount;
import dev.landline.secrets.control.GcmCiphers;
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
 * Base64(nonce || ciphertext || tag) together with the key's id. Sealing always uses the current seed key; opening
 * uses the key the row names, current or earlier (see {@link ServerKeys}), so rows sealed before a rotation still
 * open until {@link SeedReencryption} has sealed them again under the current key.
 */
@ApplicationScoped
public class SeedCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final GcmCiphers CIPHERS = new GcmCiphers();

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
        account.seal(seal(seed, associatedData(account)), keys.seedKeyId());
    }

    /** The seed in plain bytes, for the moment a code is computed. Fails if the row was tampered with. */
    public byte[] open(OtpAccount account) {
        try {
            return open(account.sealedSecret(), account.keyId(), associatedData(account));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the seed of account " + account.id() + " does not open with key "
                    + account.keyId() + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Seals a seed held somewhere else than an account row (a pending enrolment), bound to {@code context}: the
     * same context must be given to open it. The sealed text is then stored with {@link #keyId()}.
     */
    public String seal(byte[] seed, String context) {
        return seal(seed, context.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Opens what {@link #seal(byte[], String)} sealed for the same context under the key with id {@code keyId};
     * fails if either was changed or that key is not configured.
     */
    public byte[] open(String sealed, String keyId, String context) {
        try {
            return open(sealed, keyId, context.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed seed does not open (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The id of the key that seals now. */
    public String keyId() {
        return keys.seedKeyId();
    }

    private String seal(byte[] seed, byte[] associatedData) {
        try {
            var nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            var key = keys.seedKey();
            var sealed = CIPHERS.use(cipher -> {
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(associatedData);
                return cipher.doFinal(seed);
            });
            var out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e.getClass().getSimpleName());
        }
    }

    /** Whether the key with this id is configured (current or earlier), so that rows sealed by it open. */
    public boolean opens(String keyId) {
        return keys.seedKey(keyId).isPresent();
    }

    private byte[] open(String sealed, String keyId, byte[] associatedData) throws GeneralSecurityException {
        var key = keys.seedKey(keyId).orElseThrow(() -> new IllegalStateException("the seed was sealed by key "
                + keyId + ", which is not configured (" + ServerKeys.SEED_KEY + " or " + ServerKeys.SEED_KEY_PREVIOUS
                + ")"));
        var in = Base64.getDecoder().decode(sealed);
        return CIPHERS.use(cipher -> {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        });
    }

    static byte[] associatedData(OtpAccount account) {
        return accountContext(account.id(), account.caller().id()).getBytes(StandardCharsets.US_ASCII);
    }

    /** What an account's seed is bound to: its row and its caller. */
    public static String accountContext(long accountId, long callerId) {
        return "landline/otp_account/" + accountId + "/caller/" + callerId;
    }

    /** What a pending enrolment's seed is bound to: the enrolment, its caller and the account's slot. */
    public static String enrolmentContext(String enrolmentId, long callerId, int slot) {
        return "landline/enrolment/" + enrolmentId + "/caller/" + callerId + "/slot/" + slot;
    }
}
