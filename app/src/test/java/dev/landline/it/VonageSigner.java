package dev.landline.it;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Signs webhooks the way Vonage does (HS256 JWT in {@code Authorization: Bearer}, with {@code iat} and the
 * body's SHA-256 as {@code payload_hash}), using auth0 java-jwt: an implementation independent of the service's.
 * {@code iat} follows the server's clock, which tests may have set.
 */
final class VonageSigner {

    static final String SECRET = System.getProperty("vonage.signature.secret", "it-only-vonage-signature-secret");
    private static volatile Instant serverNow;

    private VonageSigner() {
    }

    /** Called when a test sets the server's clock (null: the server follows the system clock again). */
    static void serverClockAt(Instant instant) {
        serverNow = instant;
    }

    static Instant serverNow() {
        var at = serverNow;
        return at == null ? Instant.now() : at;
    }

    static String bearer(String body) {
        return bearer(body, SECRET, serverNow());
    }

    static String bearer(String body, String secret, Instant issuedAt) {
        var jwt = JWT.create().withIssuedAt(issuedAt).withJWTId(UUID.randomUUID().toString()).withIssuer("Vonage")
                .withClaim("api_key", "it-key").withClaim("application_id", "it-app");
        if (body != null) {
            jwt.withClaim("payload_hash", sha256(body));
        }
        return "Bearer " + jwt.sign(Algorithm.HMAC256(secret));
    }

    static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
