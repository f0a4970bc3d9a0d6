package dev.landline.blackbox;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * HTTP/1.1 like Vonage's webhook client, with webhooks signed as Vonage signs them: an HS256 JWT with {@code iat}
 * and the body's SHA-256 as {@code payload_hash}, made with auth0 java-jwt (independent of the service's parser).
 */
final class Http {

    static final String SIGNATURE_SECRET = System.getProperty("vonage.signature.secret", "it-only-vonage-signature-secret");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static HttpResponse<String> webhook(String method, URI uri, String contentType, String body) {
        return send(method, uri, contentType, body, null, bearer(body));
    }

    static HttpResponse<String> admin(String method, URI uri, String body) {
        return send(method, uri, body == null ? null : "application/json", body, RunningServer.ADMIN);
    }

    static HttpResponse<String> send(String method, URI uri, String contentType, String body, String credentials) {
        return send(method, uri, contentType, body, credentials == null ? null : "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static HttpResponse<String> send(String method, URI uri, String contentType, String body, String basic,
            String bearer) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (basic != null || bearer != null) {
            request.header("Authorization", basic != null ? basic : bearer);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> sendWithBearer(String method, URI uri, String contentType, String body, String bearer) {
        return send(method, uri, contentType, body, null, bearer);
    }

    static String bearer(String body) {
        return bearer(body, SIGNATURE_SECRET);
    }

    static String bearer(String body, String secret) {
        var jwt = JWT.create().withIssuedAt(Instant.now()).withJWTId(UUID.randomUUID().toString())
                .withIssuer("Vonage").withClaim("api_key", "blackbox-key").withClaim("application_id", "blackbox-app");
        if (body != null) {
            jwt.withClaim("payload_hash", sha256(body));
        }
        return "Bearer " + jwt.sign(Algorithm.HMAC256(secret));
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonStructure parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response.body());
    }
}
