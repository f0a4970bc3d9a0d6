package dev.landline.signatures.control;

import dev.landline.time.control.ClockOffset;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vonage signed webhooks: {@code Authorization: Bearer <JWT>}, HS256 only (the header never chooses the
 * algorithm), keyed with the UTF-8 bytes of the account's signature secret, {@code iat} within the allowed age,
 * and {@code payload_hash} equal to the SHA-256 of what was sent. Comparisons are constant-time. Tokens this server
 * makes for its administrator's browser phone ({@link #sign}) carry {@code kid} {@value #BROWSER_PHONE_KEY_ID} and
 * are keyed with a key derived from the secret, so that they are good here only. When
 * {@value #APPLICATION_ID} is set, a Vonage token must name that application in {@code application_id}. With no
 * secret configured every webhook is {@linkplain WebhookMode#REFUSING refused}, unless {@value #ALLOW_UNSIGNED} is
 * {@code true}: then every request passes unchecked, and startup, readiness and the admin status say so. Vonage's
 * webhooks sit at the root of {@code /webhooks} ({@code answer}, {@code input/{token}}, {@code event}), as the
 * Vonage applications are configured, so this check takes every webhook no other provider's first path segment claims.
 */
@ApplicationScoped
public class VonageSignature implements ProviderSignature {

    public static final String SECRET = "landline.vonage.signature-secret";
    public static final String MAX_AGE = "landline.vonage.max-token-age-seconds";
    public static final String APPLICATION_ID = "landline.vonage.application-id";
    public static final String ALLOW_UNSIGNED = "landline.webhooks.allow-unsigned";
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    private static final String ALGORITHM = "HS256";
    private static final Logger LOG = Logger.getLogger(VonageSignature.class.getName());

    @Inject
    @ConfigProperty(name = SECRET)
    Optional<String> secretText;

    @Inject
    @ConfigProperty(name = MAX_AGE, defaultValue = "300")
    long maxAgeSeconds;

    /** Fed with the provider's time of every accepted webhook; null when made by {@link #of}. */
    @Inject
    ClockOffset clockOffset;

    @Inject
    @ConfigProperty(name = APPLICATION_ID)
    Optional<String> applicationIdText;

    @Inject
    @ConfigProperty(name = ALLOW_UNSIGNED, defaultValue = "false")
    boolean allowUnsigned;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The {@code kid} of the browser phone's tokens. They are signed with a key derived from the secret, not with
     * the secret itself: Vonage's signature secret is account-wide, so a token made with it would be a valid
     * "Vonage" webhook for every other application of the account that checks signatures. Derived, a token this
     * server hands to its administrator's browser is good here only.
     */
    public static final String BROWSER_PHONE_KEY_ID = "landline-browser-phone";
    private static final byte[] BROWSER_PHONE_KEY_LABEL =
            "landline browser-phone webhook tokens v1".getBytes(StandardCharsets.US_ASCII);

    private KeyedMac key;
    private KeyedMac browserPhoneKey;
    private String applicationId;

    protected VonageSignature() {
    }

    /** A check with the secret given directly (tests, tools); null means none configured (every webhook refused). */
    public static VonageSignature of(String secret, long maxAgeSeconds) {
        return of(secret, maxAgeSeconds, false, null);
    }

    /** The same with every setting given: unsigned webhooks allowed or not, the expected application (or null). */
    public static VonageSignature of(String secret, long maxAgeSeconds, boolean allowUnsigned, String applicationId) {
        var signature = new VonageSignature();
        signature.secretText = Optional.ofNullable(secret);
        signature.maxAgeSeconds = maxAgeSeconds;
        signature.allowUnsigned = allowUnsigned;
        signature.applicationIdText = Optional.ofNullable(applicationId);
        signature.load();
        return signature;
    }

    @PostConstruct
    void load() {
        key = secretText.map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> KeyedMac.of("HmacSHA256", text.getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
        browserPhoneKey = key == null ? null : KeyedMac.of("HmacSHA256", key.of(BROWSER_PHONE_KEY_LABEL));
        applicationId = applicationIdText.map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
    }

    void reportAtStartup(@Observes Startup startup) {
        switch (mode()) {
            case SIGNED -> {
                LOG.info("Signed Vonage webhooks enforced: HS256 bearer token, iat within " + maxAgeSeconds
                        + " s, payload_hash checked, application_id "
                        + (applicationId == null ? "not checked (no application id configured)" : "checked"));
                if (allowUnsigned) {
                    LOG.info(ALLOW_UNSIGNED + "=true is ignored: a signature secret is configured");
                }
            }
            case UNSIGNED_ALLOWED -> LOG.warning("Vonage webhooks are NOT authenticated (" + ALLOW_UNSIGNED
                    + "=true): anyone who finds /webhooks can lock callers out, learn which numbers are registered,"
                    + " skip the call caps and fill the database. Set " + SECRET + " and remove " + ALLOW_UNSIGNED
                    + ".");
            case REFUSING -> LOG.severe("Every Vonage webhook is refused: " + SECRET
                    + " is not set. Set it (the Vonage account's signature secret) in server configuration, for "
                    + "example the environment variable LANDLINE_VONAGE_SIGNATURE_SECRET or a Payara password alias"
                    + " (or, to accept unauthenticated webhooks, " + ALLOW_UNSIGNED + "=true).");
        }
    }

    @Override
    public String name() {
        return "vonage";
    }

    @Override
    public String displayName() {
        return "Vonage";
    }

    @Override
    public String signatureName() {
        return "Vonage JWT";
    }

    /** The Vonage application's Voice capability: Answer URL (GET or POST both work) and Event URL. */
    @Override
    public List<ConsoleWebhook> consoleWebhooks() {
        return List.of(new ConsoleWebhook("Answer URL", "answer", "GET or POST"),
                new ConsoleWebhook("Event URL", "event", "POST"));
    }

    @Override
    public String secretSetting() {
        return SECRET;
    }

    @Override
    public String firstSegment() {
        return "";
    }

    @Override
    public String header() {
        return "Authorization";
    }

    @Override
    public Optional<String> queryProblem(String rawQuery) {
        return WebhookQuery.problem(rawQuery);
    }

    /** A POST's body is covered by {@code payload_hash} (required); a GET's query as {@link QueryJson} (optional). */
    @Override
    public Verdict verify(String authorization, WebhookRequest request, Instant now) {
        var payload = request.hasBody() ? Payload.body(request.body()) : Payload.query(request.uri().getRawQuery());
        return verify(authorization, payload, now);
    }

    @Override
    public String challenge() {
        return "Bearer";
    }

    @Override
    public String signatureRequired() {
        return "This webhook must carry a Vonage signature (Authorization: Bearer <JWT>).";
    }

    /** The same for every request, so it tells a forger nothing about a token. */
    @Override
    public String notConfigured() {
        return "Webhooks are refused: this server has no Vonage signature secret configured (" + SECRET + ").";
    }

    @Override
    public String queryRule() {
        return "A webhook without a body names each of Vonage's answer fields at most once in its query, and carries"
                + " no body.";
    }

    @Override
    public WebhookMode mode() {
        if (key != null) {
            return WebhookMode.SIGNED;
        }
        return allowUnsigned ? WebhookMode.UNSIGNED_ALLOWED : WebhookMode.REFUSING;
    }

    /** True when webhooks are checked against the secret (the only mode in which anything is signed or verified). */
    public boolean enforced() {
        return key != null;
    }

    public Verdict verify(String authorization, Payload payload, Instant now) {
        if (!enforced()) {
            return allowUnsigned ? Verdict.UNSIGNED_ALLOWED : Verdict.NOT_CONFIGURED;
        }
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        if (authorization.length() > MAX_TOKEN_CHARS + 16) {
            return Verdict.MALFORMED;
        }
        // the scheme, spaces or tabs, the token: read in one pass (a regex split compiled a pattern per webhook)
        var credentials = authorization.strip();
        var gap = 0;
        while (gap < credentials.length() && !blank(credentials.charAt(gap))) {
            gap++;
        }
        if (!"Bearer".equalsIgnoreCase(credentials.substring(0, gap))) {
            return Verdict.MISSING;
        }
        var token = gap;
        while (token < credentials.length() && blank(credentials.charAt(token))) {
            token++;
        }
        if (gap == credentials.length() || credentials.length() - token > MAX_TOKEN_CHARS) {
            return Verdict.MALFORMED;
        }
        var parsed = CompactJwt.parse(credentials.substring(token));
        if (parsed.isEmpty()) {
            return Verdict.MALFORMED;
        }
        var jwt = parsed.get();
        if (!plainHs256(jwt.header())) {
            return Verdict.WRONG_ALGORITHM;
        }
        var browserPhone = BROWSER_PHONE_KEY_ID.equals(keyId(jwt.header()));
        var signedWith = browserPhone ? browserPhoneKey : key;
        if (!MessageDigest.isEqual(signedWith.of(jwt.signingInput()), jwt.signature())) {
            return Verdict.BAD_SIGNATURE;
        }
        var claims = jwt.claims();
        if (claims.isEmpty()) {
            return Verdict.MALFORMED;
        }
        var verdict = Freshness.check(claims.get(), now, maxAgeSeconds)
                .or(() -> browserPhone ? Optional.empty() : application(claims.get()))
                .orElseGet(() -> hash(claims.get(), payload));
        if (verdict == Verdict.VALID && !browserPhone && clockOffset != null) {
            // the provider's own time (not a browser phone token's, which is ours): for the clock estimate
            ProviderTime.of(claims.get(), payload).ifPresent(sent -> clockOffset.observe(sent, now));
        }
        return verdict;
    }

    /**
     * With an application configured, a Vonage token must name it: the signature secret is account-wide, so a token
     * Vonage made for another application of the account is signed just as well. A token without the claim cannot
     * show that it is ours and is refused too. (The browser phone's tokens are keyed for this server alone.)
     */
    private Optional<Verdict> application(JsonObject claims) {
        if (applicationId == null) {
            return Optional.empty();
        }
        var named = claims.get("application_id") instanceof JsonString id
                && MessageDigest.isEqual(applicationId.getBytes(StandardCharsets.UTF_8),
                        id.getString().getBytes(StandardCharsets.UTF_8));
        return named ? Optional.empty() : Optional.of(Verdict.WRONG_APPLICATION);
    }

    /**
     * A token for exactly this payload, shaped as Vonage sends it ({@code iat}, {@code jti}, {@code payload_hash}),
     * that also expires after {@code lifetime}: for the administrator's browser phone, which plays Vonage against
     * this server. Signed with the {@linkplain #BROWSER_PHONE_KEY_ID derived key}, never with the Vonage secret
     * itself, so no other service accepts it. Empty when no secret is configured (nothing needs signing then).
     */
    public Optional<String> sign(Payload payload, Instant now, Duration lifetime) {
        if (!enforced()) {
            return Optional.empty();
        }
        var nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        var claims = Json.createObjectBuilder().add("iat", now.getEpochSecond())
                .add("exp", now.plus(lifetime).getEpochSecond())
                .add("jti", HexFormat.of().formatHex(nonce)).add("iss", "landline-browser-phone")
                .add("payload_hash", HexFormat.of().formatHex(sha256(payload.bytes()))).build();
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + BROWSER_PHONE_KEY_ID + "\"}";
        var signingInput = encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return Optional.of(signingInput + "." + encoder.encodeToString(
                browserPhoneKey.of(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    /** {@code alg} exactly HS256, and no {@code crit} extension we would have to understand. */
    private static boolean plainHs256(JsonObject header) {
        return header.get("alg") instanceof JsonString alg && ALGORITHM.equals(alg.getString())
                && !header.containsKey("crit");
    }

    private static Verdict hash(JsonObject claims, Payload payload) {
        var claim = claims.get("payload_hash");
        if (claim == null) {
            return payload.hashRequired() ? Verdict.MISSING_HASH : Verdict.VALID;
        }
        if (!(claim instanceof JsonString sent)) {
            return Verdict.HASH_MISMATCH;
        }
        var expected = HexFormat.of().formatHex(sha256(payload.bytes())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sent.getString().getBytes(StandardCharsets.UTF_8))
                ? Verdict.VALID : Verdict.HASH_MISMATCH;
    }

    private static String keyId(JsonObject header) {
        return header.get("kid") instanceof JsonString kid ? kid.getString() : null;
    }

    /** What separates the scheme from the token: spaces and tabs (RFC 7235's 1*SP, read leniently). */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
