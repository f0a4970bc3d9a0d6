package dev.landline.signatures.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Twilio signed webhooks, under {@code /webhooks/twilio/}: {@code X-Twilio-Signature} is the Base64 of
 * HMAC-SHA1, keyed with the UTF-8 bytes of the account's auth token ({@value #AUTH_TOKEN}), over the full URL as
 * Twilio requested it followed, for a POST, by every form parameter sorted by name as {@code name + value} (a GET's
 * parameters are in the URL). The URL is rebuilt on the webhook root of {@link WebhookAddress} (the public base URL
 * when it is set: behind a proxy, the server does not see the address Twilio used; else the request's own, the root
 * the replies' action URLs start with too); like Twilio's own
 * validator it is also accepted with its default port added or removed. The comparison is constant-time. A
 * parameter named twice is refused before anything is computed: Twilio never sends one, and what it would have
 * signed is not defined. With no auth token configured every Twilio webhook is {@linkplain WebhookMode#REFUSING
 * refused}, unless {@value VonageSignature#ALLOW_UNSIGNED} is {@code true}. Every refusal is a 403, which is what
 * Twilio expects.
 *
 * <p>The administrator's browser phone gets its signatures from {@link #signForBrowserPhone}, keyed not with the
 * auth token but with a key derived from it ({@link #BROWSER_PHONE_KEY_LABEL}): the auth token is account-wide, so a
 * signature made with it would be a genuine Twilio webhook for every other application of the account. The check
 * accepts either key (both always computed, compared in constant time), so a browser-phone signature is good here
 * only.
 */
@ApplicationScoped
public class TwilioSignature implements ProviderSignature {

    public static final String AUTH_TOKEN = "landline.twilio.auth-token";
    public static final String HEADER = "X-Twilio-Signature";
    /** Base64 of 20 bytes is 28 characters; anything much longer is not a signature. */
    static final int MAX_SIGNATURE_CHARS = 64;
    /**
     * The browser phone's key is the lower-case hex of HMAC-SHA256(auth token, this label), used as a Twilio auth
     * token would be (its UTF-8 bytes key the HMAC-SHA1): documented in docs/security.md, recomputed by the tests.
     */
    public static final String BROWSER_PHONE_KEY_LABEL = "landline browser-phone twilio v1";
    /** The parameter names the browser phone may have signed: Twilio's own are letters and digits only. */
    private static final Pattern PHONE_PARAMETER_NAME = Pattern.compile("[A-Za-z0-9]+");
    private static final Logger LOG = Logger.getLogger(TwilioSignature.class.getName());

    @Inject
    @ConfigProperty(name = AUTH_TOKEN)
    Optional<String> tokenText;

    /** Where Twilio reaches the webhooks: the root of the URL it signed. */
    @Inject
    WebhookAddress address;

    @Inject
    @ConfigProperty(name = VonageSignature.ALLOW_UNSIGNED, defaultValue = "false")
    boolean allowUnsigned;

    private KeyedMac key;
    private KeyedMac browserPhoneKey;

    protected TwilioSignature() {
    }

    /** A check with every setting given directly (tests, tools); a null token means none configured. */
    public static TwilioSignature of(String authToken, boolean allowUnsigned, String publicBaseUrl) {
        var signature = new TwilioSignature();
        signature.tokenText = Optional.ofNullable(authToken);
        signature.allowUnsigned = allowUnsigned;
        signature.address = WebhookAddress.of(publicBaseUrl);
        signature.load();
        return signature;
    }

    @PostConstruct
    void load() {
        key = tokenText.map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> KeyedMac.of("HmacSHA1", text.getBytes(StandardCharsets.UTF_8))).orElse(null);
        browserPhoneKey = key == null ? null : KeyedMac.of("HmacSHA1",
                browserPhoneToken(tokenText.orElseThrow().strip()).getBytes(StandardCharsets.UTF_8));
    }

    /** The browser phone's stand-in for the auth token: hex of HMAC-SHA256(token, the label). */
    static String browserPhoneToken(String authToken) {
        return HexFormat.of().formatHex(KeyedMac.of("HmacSHA256", authToken.getBytes(StandardCharsets.UTF_8))
                .of(BROWSER_PHONE_KEY_LABEL.getBytes(StandardCharsets.US_ASCII)));
    }

    void reportAtStartup(@Observes Startup startup) {
        switch (mode()) {
            case SIGNED -> LOG.info("Signed Twilio webhooks enforced: X-Twilio-Signature (HMAC-SHA1) over "
                    + (address.configured().isEmpty() ? "the URL as the server received it"
                            : WebhookAddress.PUBLIC_BASE_URL)
                    + " and the form parameters");
            case UNSIGNED_ALLOWED -> LOG.warning("Twilio webhooks are NOT authenticated ("
                    + VonageSignature.ALLOW_UNSIGNED + "=true): anyone who finds /webhooks/twilio can drive calls."
                    + " Set " + AUTH_TOKEN + " and remove " + VonageSignature.ALLOW_UNSIGNED + ".");
            case REFUSING -> LOG.warning("Every Twilio webhook is refused: " + AUTH_TOKEN + " is not set. To take"
                    + " Twilio calls set it (the Twilio account's auth token) in server configuration, for example"
                    + " the environment variable LANDLINE_TWILIO_AUTH_TOKEN or a Payara password alias.");
        }
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public String displayName() {
        return "Twilio";
    }

    @Override
    public String signatureName() {
        return HEADER;
    }

    /** The phone number's Voice Configuration: "A call comes in" (the Voice URL) and "Call status changes". */
    @Override
    public List<ConsoleWebhook> consoleWebhooks() {
        return List.of(new ConsoleWebhook("A call comes in (Voice URL)", "twilio/voice", "POST"),
                new ConsoleWebhook("Call status changes (status callback URL)", "twilio/status", "POST"));
    }

    @Override
    public String secretSetting() {
        return AUTH_TOKEN;
    }

    @Override
    public String firstSegment() {
        return "twilio";
    }

    @Override
    public String reason(Verdict verdict) {
        return switch (verdict) {
            case MISSING -> "no " + HEADER;
            case MALFORMED -> "unreadable " + HEADER + " or form body";
            default -> verdict.reason();
        };
    }

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public WebhookMode mode() {
        if (key != null) {
            return WebhookMode.SIGNED;
        }
        return allowUnsigned ? WebhookMode.UNSIGNED_ALLOWED : WebhookMode.REFUSING;
    }

    /** Twilio treats any answer but 403 to a refused webhook as an application error: every refusal is 403. */
    @Override
    public int refusalStatus(Verdict verdict) {
        return 403;
    }

    /** Each name at most once: what is read must be what was signed. */
    @Override
    public Optional<String> queryProblem(String rawQuery) {
        var names = new HashSet<String>();
        for (var parameter : QueryJson.parameters(rawQuery)) {
            if (!names.add(parameter.getKey())) {
                return Optional.of("a repeated query parameter");
            }
        }
        return Optional.empty();
    }

    @Override
    public Verdict verify(String signature, WebhookRequest request, Instant now) {
        if (key == null) {
            return allowUnsigned ? Verdict.UNSIGNED_ALLOWED : Verdict.NOT_CONFIGURED;
        }
        if (signature == null || signature.isBlank()) {
            return Verdict.MISSING;
        }
        if (signature.length() > MAX_SIGNATURE_CHARS) {
            return Verdict.MALFORMED;
        }
        Map<String, String> parameters;
        try {
            parameters = parameters(request);
        } catch (IllegalArgumentException unreadable) {
            return Verdict.MALFORMED;
        }
        if (parameters == null) {
            return Verdict.REPEATED_PARAMETER;
        }
        var sent = signature.strip().getBytes(StandardCharsets.UTF_8);
        var matched = false;
        for (var url : urlVariants(signedUrl(request))) {
            // every variant and both keys are computed, so the time taken does not say which one was close
            matched |= MessageDigest.isEqual(sign(key, url, parameters).getBytes(StandardCharsets.US_ASCII), sent);
            matched |= MessageDigest.isEqual(
                    sign(browserPhoneKey, url, parameters).getBytes(StandardCharsets.US_ASCII), sent);
        }
        return matched ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /**
     * The {@value #HEADER} for the administrator's browser phone, which plays Twilio against this server: computed as
     * {@link #verify} checks it (the URL rebuilt the same way, the same parameters) but keyed with the {@linkplain
     * #BROWSER_PHONE_KEY_LABEL derived key}, never the auth token, so Twilio and every other application of the
     * account refuse it. Empty when no auth token is configured (nothing is checked then). Throws
     * {@link IllegalArgumentException} (no value in its message) for a form body that cannot be read, names a
     * parameter twice, or has a name that is not letters and digits: Twilio's scheme has no separators, and only
     * Twilio's own kind of names keeps the parameters from being read as part of the URL.
     */
    public Optional<String> signForBrowserPhone(WebhookRequest request) {
        if (browserPhoneKey == null) {
            return Optional.empty();
        }
        var parameters = parameters(request);
        if (parameters == null) {
            throw new IllegalArgumentException("a form parameter is named twice");
        }
        if (!parameters.keySet().stream().allMatch(name -> PHONE_PARAMETER_NAME.matcher(name).matches())) {
            throw new IllegalArgumentException("a form parameter name that is not letters and digits");
        }
        return Optional.of(sign(browserPhoneKey, signedUrl(request), parameters));
    }

    /** A POST's form parameters (null when a name is repeated), none for a GET (they are in its URL). */
    private static Map<String, String> parameters(WebhookRequest request) {
        return request.hasBody() ? form(request.body()) : Map.of();
    }

    /** What Twilio signs: the URL, then each parameter's name and value in name order. */
    static String sign(KeyedMac key, String url, Map<String, String> parameters) {
        var data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder().encodeToString(key.of(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The URL Twilio requested: the path under the webhook root, after the root as {@link WebhookAddress} gives it
     * (the one the replies' action URLs start with), or the request's own URI.
     */
    String signedUrl(WebhookRequest request) {
        var requested = request.uri().toString();
        if (request.base() != null) {
            var base = request.base().toString();
            if (requested.startsWith(base)) {
                return address.webhooks(request.base()) + requested.substring(base.length());
            }
        }
        return requested;
    }

    @Override
    public String challenge() {
        return "X-Twilio-Signature";
    }

    @Override
    public String signatureRequired() {
        return "This webhook must carry a Twilio signature (X-Twilio-Signature).";
    }

    /** The same for every request. */
    @Override
    public String notConfigured() {
        return "Twilio webhooks are refused: this server has no Twilio auth token configured (" + AUTH_TOKEN + ").";
    }

    @Override
    public String queryRule() {
        return "A Twilio webhook names each query parameter at most once, and a GET carries no body.";
    }

    /** The URL as given, and with its default port removed or added, as Twilio's own validator accepts. */
    static Set<String> urlVariants(String url) {
        var variants = new LinkedHashSet<String>();
        variants.add(url);
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            var defaultPort = switch (scheme) {
                case "https" -> 443;
                case "http" -> 80;
                default -> -1;
            };
            if (defaultPort < 0 || uri.getHost() == null) {
                return variants;
            }
            var head = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + uri.getHost();
            var tail = (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            if (uri.getPort() == -1) {
                variants.add(head + ":" + defaultPort + tail);
            } else if (uri.getPort() == defaultPort) {
                variants.add(head + tail);
            }
        } catch (URISyntaxException unparsable) {
            // only the URL as given
        }
        return variants;
    }

    /** A form body's parameters, decoded; null when a name is repeated. */
    static Map<String, String> form(byte[] body) {
        var parameters = new TreeMap<String, String>();
        for (var pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.put(name, value) != null) {
                return null;
            }
        }
        return parameters;
    }
}
