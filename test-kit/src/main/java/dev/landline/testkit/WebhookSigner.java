package dev.landline.testkit;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks the way the providers do. Vonage: an HS256 JWT in {@code Authorization: Bearer} with {@code iat}, {@code jti},
 * {@code iss}, {@code api_key}, {@code application_id} and, for a body, its SHA-256 (hex) as {@code payload_hash}.
 * Made with auth0 java-jwt: an implementation independent of the service's, which parses JWTs with JSON-P only.
 * {@code iat} follows {@link ServerClock}. Twilio: {@link #twilio}. Thread-safe.
 */
public final class WebhookSigner {

    private static volatile WebhookSigner forTests;

    private final Algorithm algorithm;

    public WebhookSigner(String secret) {
        this.algorithm = Algorithm.HMAC256(secret);
    }

    /** Signed with the secret the test servers are given ({@link TestCredentials#VONAGE_SIGNATURE_SECRET}). */
    public static WebhookSigner forTests() {
        var signer = forTests;
        if (signer == null) {
            signer = new WebhookSigner(TestCredentials.VONAGE_SIGNATURE_SECRET);
            forTests = signer;
        }
        return signer;
    }

    /** The Authorization header value for this body (null: no body), issued now by the server's clock. */
    public String bearer(String body) {
        return bearer(body, ServerClock.now());
    }

    public String bearer(String body, Instant issuedAt) {
        return "Bearer " + jwt(body, issuedAt);
    }

    /** The JWT alone. */
    public String jwt(String body, Instant issuedAt) {
        var jwt = JWT.create().withIssuedAt(issuedAt).withJWTId(UUID.randomUUID().toString()).withIssuer("Vonage")
                .withClaim("api_key", "test-kit").withClaim("application_id", "test-kit-app");
        if (body != null) {
            jwt.withClaim("payload_hash", sha256(body));
        }
        return jwt.sign(algorithm);
    }

    /**
     * {@code X-Twilio-Signature} as Twilio computes it: the Base64 of HMAC-SHA1, keyed with the auth token, over the
     * URL as requested followed by every POST parameter sorted by name as {@code name + value} (a GET's parameters
     * are part of the URL: pass none). Written from Twilio's description with javax.crypto, independently of the
     * service's validator.
     */
    public static String twilio(String authToken, String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** SHA-256 of the UTF-8 body, lower-case hex, as Vonage's {@code payload_hash}. */
    public static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
