package dev.landline.secrets.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-held keys: {@code landline.seed-key} (AES-256 key for TOTP seeds) and {@code landline.pin-pepper}
 * (HMAC key mixed into every PIN hash). Both are Base64 of at least 32 random bytes and come from server
 * configuration. Without them the service is not ready; this class says why, without ever printing a key.
 * <p>
 * Each is a ring: the current key, which seals and hashes everything new, plus any earlier ones
 * ({@code landline.seed-key.previous}, {@code landline.pin-pepper.previous}: comma-separated Base64), which only
 * open what they sealed or verify what they hashed. Every key is known by its fingerprint, which is stored beside
 * each ciphertext and each PIN hash, so a row always names the key it needs.
 */
@ApplicationScoped
public class ServerKeys {

    public static final String SEED_KEY = "landline.seed-key";
    public static final String PIN_PEPPER = "landline.pin-pepper";
    public static final String SEED_KEY_PREVIOUS = "landline.seed-key.previous";
    public static final String PIN_PEPPER_PREVIOUS = "landline.pin-pepper.previous";
    private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());

    @Inject
    @ConfigProperty(name = SEED_KEY)
    Optional<String> seedKeyText;

    @Inject
    @ConfigProperty(name = PIN_PEPPER)
    Optional<String> pepperText;

    @Inject
    @ConfigProperty(name = SEED_KEY_PREVIOUS)
    Optional<String> previousSeedKeysText;

    @Inject
    @ConfigProperty(name = PIN_PEPPER_PREVIOUS)
    Optional<String> previousPeppersText;

    private SecretKey seedKey;
    private String seedKeyId;
    private SecretKey pepper;
    private String pepperId;
    /** Every seed key by id, the current one first. */
    private final Map<String, SecretKey> seedKeys = new LinkedHashMap<>();
    /** The call-start token key derived from each seed key, the current one first. */
    private final List<SecretKey> callStartKeys = new ArrayList<>();
    /** Every pepper by id, the current one first. */
    private final Map<String, SecretKey> peppers = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void load() {
        decode(SEED_KEY, seedKeyText, 32).filter(bytes -> exactly(SEED_KEY, bytes, 32)).ifPresent(bytes -> {
            seedKey = new SecretKeySpec(bytes, "AES");
            seedKeyId = fingerprint(bytes);
            addSeedKey(bytes);
        });
        decode(PIN_PEPPER, pepperText, 32).ifPresent(bytes -> {
            pepper = new SecretKeySpec(bytes, "HmacSHA256");
            pepperId = fingerprint(bytes);
            peppers.put(pepperId, pepper);
        });
        var earlierSeedKeys = list(SEED_KEY_PREVIOUS, previousSeedKeysText);
        for (int i = 0; i < earlierSeedKeys.size(); i++) {
            var name = SEED_KEY_PREVIOUS + " (key " + (i + 1) + ")";
            decode(name, Optional.of(earlierSeedKeys.get(i)), 32).filter(bytes -> exactly(name, bytes, 32))
                    .ifPresent(this::addSeedKey);
        }
        var earlierPeppers = list(PIN_PEPPER_PREVIOUS, previousPeppersText);
        for (int i = 0; i < earlierPeppers.size(); i++) {
            decode(PIN_PEPPER_PREVIOUS + " (pepper " + (i + 1) + ")", Optional.of(earlierPeppers.get(i)), 32)
                    .ifPresent(bytes -> peppers.putIfAbsent(fingerprint(bytes), new SecretKeySpec(bytes, "HmacSHA256")));
        }
    }

    private void addSeedKey(byte[] bytes) {
        if (seedKeys.putIfAbsent(fingerprint(bytes), new SecretKeySpec(bytes, "AES")) == null) {
            callStartKeys.add(new SecretKeySpec(derive(bytes, "landline call-start token v1"), "AES"));
        }
    }

    private static List<String> list(String name, Optional<String> text) {
        return text.map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .toList()).orElse(List.of());
    }

    /** Keys given directly (tests, tools); the server reads them from configuration instead. */
    public static ServerKeys of(String seedKeyBase64, String pepperBase64) {
        return of(seedKeyBase64, pepperBase64, null, null);
    }

    /** Rings given directly (tests, tools): the current keys and comma-separated earlier ones, or null. */
    public static ServerKeys of(String seedKeyBase64, String pepperBase64, String previousSeedKeys,
            String previousPeppers) {
        var keys = new ServerKeys();
        keys.seedKeyText = Optional.ofNullable(seedKeyBase64);
        keys.pepperText = Optional.ofNullable(pepperBase64);
        keys.previousSeedKeysText = Optional.ofNullable(previousSeedKeys);
        keys.previousPeppersText = Optional.ofNullable(previousPeppers);
        keys.load();
        return keys;
    }

    void reportAtStartup(@Observes Startup startup) {
        if (problems.isEmpty()) {
            LOG.info("Server keys present: seed encryption key " + seedKeyId
                    + (seedKeys.size() > 1 ? " (earlier keys still open: " + earlierIds(seedKeys) + ")" : "")
                    + ", PIN pepper " + pepperId
                    + (peppers.size() > 1 ? " (earlier peppers still verify: " + earlierIds(peppers) + ")" : ""));
        } else {
            LOG.severe("NOT READY: " + String.join("; ", problems)
                    + ". Callers hear an apology and the admin API answers 503 until the server is configured.");
        }
    }

    /** Why the service is not ready; empty when it is. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public SecretKey seedKey() {
        return require(seedKey);
    }

    /**
     * The AES-256 key that seals a call's first step into its input URL, so that answering a call stores nothing.
     * It is derived from the seed key (HMAC-SHA256 with its own label), so it needs no configuration of its own,
     * every node holds the same one, and no token can be decrypted with the seed key or vice versa.
     */
    public SecretKey callStartKey() {
        require(seedKey);
        return callStartKeys.get(0);
    }

    /**
     * The call-start token keys derived from every configured seed key, the current one first: a token sealed
     * just before a rotation still opens after it.
     */
    public List<SecretKey> callStartKeys() {
        require(seedKey);
        return List.copyOf(callStartKeys);
    }

    /** The seed key with this id, current or earlier; empty when no configured key has that id. */
    public Optional<SecretKey> seedKey(String id) {
        require(seedKey);
        return Optional.ofNullable(seedKeys.get(id));
    }

    /** The ids of every configured seed key, the current one first. */
    public List<String> seedKeyIds() {
        require(seedKey);
        return List.copyOf(seedKeys.keySet());
    }

    /** The pepper with this id, current or earlier; empty when no configured pepper has that id. */
    public Optional<SecretKey> pepper(String id) {
        require(pepper);
        return Optional.ofNullable(peppers.get(id));
    }

    /** The ids of every configured pepper, the current one first. */
    public List<String> pepperIds() {
        require(pepper);
        return List.copyOf(peppers.keySet());
    }

    /** A short public fingerprint of the seed key, stored with each ciphertext so that rotation can find old rows. */
    public String seedKeyId() {
        require(seedKey);
        return seedKeyId;
    }

    /** A short public fingerprint of the pepper, stored with each PIN hash. */
    public String pepperId() {
        require(pepper);
        return pepperId;
    }

    public SecretKey pepper() {
        return require(pepper);
    }

    private <T> T require(T key) {
        if (key == null) {
            throw new KeysNotConfigured(String.join("; ", problems));
        }
        return key;
    }

    private Optional<byte[]> decode(String name, Optional<String> text, int minimumBytes) {
        if (text.isEmpty() || text.get().isBlank()) {
            problems.add(name + " is not configured");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.get().strip());
        } catch (IllegalArgumentException e) {
            problems.add(name + " is not valid Base64");
            return Optional.empty();
        }
        if (bytes.length < minimumBytes) {
            problems.add(name + " must be at least " + minimumBytes + " random bytes (Base64), it has " + bytes.length);
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    private boolean exactly(String name, byte[] bytes, int length) {
        if (bytes.length != length) {
            problems.add(name + " must be exactly " + length + " random bytes (Base64) for AES-256, it has "
                    + bytes.length);
            return false;
        }
        return true;
    }

    private static String earlierIds(Map<String, SecretKey> ring) {
        return String.join(", ", ring.keySet().stream().skip(1).toList());
    }

    private static byte[] derive(byte[] key, String label) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    static String fingerprint(byte[] key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("landline key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
