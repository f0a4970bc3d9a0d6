package dev.landline.accounts.control;

import dev.landline.secrets.control.ServerKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PIN hashes: HMAC-SHA256 with the server's pepper first (so the database alone cannot be brute-forced), then
 * PBKDF2-HMAC-SHA256 ({@link Pbkdf2HmacSha256}) with a 128-bit random salt. Stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>$<pepper id>}, so the cost can be raised later
 * without invalidating existing hashes. Comparison is constant-time.
 * <p>
 * A hash is verified with the pepper its id names (the current one or an earlier one of the ring, see
 * {@link ServerKeys}); a hash whose pepper is no longer configured matches nothing. New hashes always use the
 * current pepper and the configured iteration count, which may not be below {@value #MINIMUM_ITERATIONS}: a lower
 * setting is refused (the service is not ready and hashes nothing) rather than silently weakening new hashes.
 */
@ApplicationScoped
public class PinHasher {

    static final String SCHEME = "pbkdf2-sha256";
    public static final String ITERATIONS = "landline.pin.hash-iterations";
    /** The least iteration count new hashes may use (about a sixth of OWASP's 2023 figure). */
    public static final int MINIMUM_ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ServerKeys keys;

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): 600,000. */
    @Inject
    @ConfigProperty(name = ITERATIONS, defaultValue = "600000")
    int iterations;

    private volatile String decoy;
    private Optional<String> problem = Optional.empty();

    protected PinHasher() {
    }

    /** Parameters given directly (unit tests, which may use a low count to stay fast); the server reads them. */
    public PinHasher(ServerKeys keys, int iterations) {
        this.keys = keys;
        this.iterations = iterations;
    }

    @PostConstruct
    void checkIterations() {
        problem = tooFew(iterations);
    }

    /** Why a configured iteration count is refused, or empty when it is acceptable. */
    static Optional<String> tooFew(int iterations) {
        return iterations < MINIMUM_ITERATIONS
                ? Optional.of(ITERATIONS + " is " + iterations + ", below the floor of " + MINIMUM_ITERATIONS
                        + " (new PIN hashes would be weak)")
                : Optional.empty();
    }

    /** Why PINs cannot be hashed or checked; empty when they can. */
    public Optional<String> problem() {
        return problem;
    }

    public String hash(String pin) {
        refuseWeakHashes();
        var salt = randomBytes(SALT_BYTES);
        var pepper = keys.pepper();
        var derived = derive(pin, salt, iterations, pepper);
        var b64 = Base64.getEncoder().withoutPadding();
        return String.join("$", SCHEME, Integer.toString(iterations), b64.encodeToString(salt),
                b64.encodeToString(derived), keys.pepperId());
    }

    public boolean matches(String pin, String stored) {
        refuseWeakHashes();
        var parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 5 || !SCHEME.equals(parts[0])) {
            return matchesNothing(pin);
        }
        try {
            var b64 = Base64.getDecoder();
            int storedIterations = Integer.parseInt(parts[1]);
            if (storedIterations < 1 || storedIterations > 100_000_000) {
                return matchesNothing(pin);
            }
            var pepper = keys.pepper(parts[4]);
            if (pepper.isEmpty()) {
                return matchesNothing(pin);
            }
            var derived = derive(pin, b64.decode(parts[2]), storedIterations, pepper.get());
            return MessageDigest.isEqual(derived, b64.decode(parts[3]));
        } catch (IllegalArgumentException corrupt) {
            return matchesNothing(pin);
        }
    }

    /** The id of the pepper a stored hash names, or empty when it is not a hash of this scheme. */
    public static Optional<String> pepperIdOf(String stored) {
        var parts = stored == null ? new String[0] : stored.split("\\$");
        return parts.length == 5 && SCHEME.equals(parts[0]) ? Optional.of(parts[4]) : Optional.empty();
    }

    private void refuseWeakHashes() {
        problem.ifPresent(reason -> {
            throw new PinsUncheckable(reason);
        });
    }

    /** True when a stored hash was made with other parameters or another pepper than today's: rehash it. */
    public boolean outdated(String stored) {
        var parts = stored.split("\\$");
        return parts.length != 5 || !SCHEME.equals(parts[0]) || !parts[1].equals(Integer.toString(iterations))
                || !parts[4].equals(keys.pepperId());
    }

    /**
     * Spends the same time as {@link #matches} and always fails: used when the account number is unknown, so that
     * an unknown account and a wrong PIN cannot be told apart by timing.
     */
    public boolean matchesNothing(String pin) {
        refuseWeakHashes(); // before the decoy asks for the pepper: a weak setting is the refusal, as in matches
        matches(pin, decoy());
        return false;
    }

    /**
     * A stored hash with today's scheme, iterations and pepper whose salt and hash are random bytes: checking a PIN
     * against it runs the one derivation a caller's hash costs, and no PIN derives to 32 random bytes. Made without
     * a derivation, so neither the start nor the first unknown account pays for one.
     */
    String decoy() {
        var decoy = this.decoy;
        if (decoy == null) {
            var b64 = Base64.getEncoder().withoutPadding();
            decoy = this.decoy = String.join("$", SCHEME, Integer.toString(iterations),
                    b64.encodeToString(randomBytes(SALT_BYTES)), b64.encodeToString(randomBytes(HASH_BITS / 8)),
                    keys.pepperId());
        }
        return decoy;
    }

    private static byte[] randomBytes(int length) {
        var bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] derive(String pin, byte[] salt, int iterations, SecretKey pepper) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            var peppered = HexFormat.of().formatHex(mac.doFinal(pin.getBytes(StandardCharsets.US_ASCII)))
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                return Pbkdf2HmacSha256.derive(peppered, salt, iterations, HASH_BITS / 8);
            } finally {
                Arrays.fill(peppered, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PIN hashing is unavailable: " + e.getClass().getSimpleName());
        }
    }
}
