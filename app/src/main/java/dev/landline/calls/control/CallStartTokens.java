package dev.landline.calls.control;

import dev.landline.secrets.control.GcmCiphers;
import dev.landline.secrets.control.ServerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a {@link CallStart} into the token of a call's first input URL, and opens it again. AES-256-GCM with a
 * key derived from the server's seed key and a fresh random nonce per token: the token cannot be read (it holds
 * the caller's number) or altered, and any node of the service opens it. It is single-use because the first step
 * that presents it creates the call's row, and a call with a row takes only its stored per-step tokens.
 * <p>
 * Layout, URL-safe Base64 without padding: version (1 byte, also the associated data) | nonce (12) | ciphertext
 * with its 16-byte tag. Step tokens handed out later are exactly 43 characters; a sealed start is always longer.
 */
@ApplicationScoped
public class CallStartTokens {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * The longest a sealed start can be: the webhook reader admits a uuid of 64 ASCII characters, a conversation
     * uuid of 80 and numbers of 64 characters, each up to 3 bytes in modified UTF-8; 722 bytes of plaintext, 751
     * sealed, 1,002 characters of Base64.
     */
    private static final int MAX_CHARS = 1_002;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final GcmCiphers CIPHERS = new GcmCiphers();

    @Inject
    ServerKeys keys;

    /** Keys given directly (unit tests); the server injects them. */
    static CallStartTokens with(ServerKeys keys) {
        var tokens = new CallStartTokens();
        tokens.keys = keys;
        return tokens;
    }

    /** True for what could be a sealed start (never a 43-character step token); nothing is decrypted. */
    public static boolean looksSealed(String token) {
        return token != null && token.length() > 43 && token.length() <= MAX_CHARS
                && token.matches("[A-Za-z0-9_-]+");
    }

    public String seal(CallStart start) {
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        var plain = encode(start);
        var key = keys.callStartKey();
        try {
            var out = CIPHERS.use(cipher -> {
                init(cipher, Cipher.ENCRYPT_MODE, key, nonce);
                var sealed = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plain.length)];
                sealed[0] = VERSION;
                System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
                cipher.doFinal(plain, 0, plain.length, sealed, 1 + NONCE_BYTES);
                return sealed;
            });
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JDK", e);
        }
    }

    /** The sealed start, or empty for anything this service did not seal with a configured key (nothing is said why). */
    public Optional<CallStart> open(String token) {
        if (!looksSealed(token) || !keys.problems().isEmpty()) {
            return Optional.empty();
        }
        try {
            var in = Base64.getUrlDecoder().decode(token);
            if (in.length < 1 + NONCE_BYTES + TAG_BITS / 8 || in[0] != VERSION) {
                return Optional.empty();
            }
            var nonce = java.util.Arrays.copyOfRange(in, 1, 1 + NONCE_BYTES);
            for (var key : keys.callStartKeys()) {
                var plain = openWith(key, nonce, in);
                if (plain.isPresent()) {
                    return Optional.of(decode(plain.get()));
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException | IOException notOurs) {
            return Optional.empty();
        }
    }

    /** Opens with one key of the ring (tokens sealed just before a seed-key rotation carry the earlier key). */
    private static Optional<byte[]> openWith(SecretKey key, byte[] nonce, byte[] in) {
        try {
            return Optional.of(CIPHERS.use(cipher -> {
                init(cipher, Cipher.DECRYPT_MODE, key, nonce);
                return cipher.doFinal(in, 1 + NONCE_BYTES, in.length - 1 - NONCE_BYTES);
            }));
        } catch (GeneralSecurityException notThisKey) {
            return Optional.empty();
        }
    }

    private static void init(Cipher cipher, int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(new byte[] {VERSION});
    }

    private static byte[] encode(CallStart start) {
        var bytes = new ByteArrayOutputStream(160);
        try (var out = new DataOutputStream(bytes)) {
            out.writeLong(start.answeredAt().toEpochMilli());
            out.writeBoolean(start.callerId() != null);
            out.writeLong(start.callerId() == null ? 0 : start.callerId());
            out.writeUTF(start.uuid());
            writeOptional(out, start.conversationUuid());
            writeOptional(out, start.from());
            writeOptional(out, start.to());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static CallStart decode(byte[] plain) throws IOException {
        try (var in = new DataInputStream(new ByteArrayInputStream(plain))) {
            var answeredAt = Instant.ofEpochMilli(in.readLong());
            var recognised = in.readBoolean();
            var callerId = in.readLong();
            var start = new CallStart(in.readUTF(), readOptional(in), readOptional(in), readOptional(in),
                    recognised ? callerId : null, answeredAt);
            if (in.available() != 0) {
                throw new IOException("trailing bytes");
            }
            return start;
        }
    }

    private static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        out.writeUTF(value == null ? "" : value);
    }

    private static String readOptional(DataInputStream in) throws IOException {
        var present = in.readBoolean();
        var value = in.readUTF();
        return present ? value : null;
    }
}
