package dev.landline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends webhooks the way Vonage does: HTTP/1.1, each one signed with an HS256 JWT in {@code Authorization:
 * Bearer} ({@code iat}, {@code jti}, {@code iss}, {@code api_key}, {@code application_id}, and for a body the
 * {@code payload_hash} = SHA-256 hex of the body), answer as a GET with query parameters, input and event as JSON
 * POSTs, and each input to the {@code eventUrl} the previous NCCO named. Same client and signer for the service
 * and for the demo (which ignores the header), so both get the same bytes on the same connections.
 */
final class Vonage {

    private static final Pattern EVENT_URL = Pattern.compile("\"eventUrl\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
    private static final Pattern SPOKEN_DIGITS = Pattern.compile("<say-as interpret-as='digits'>([0-9]+)</say-as>");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String JWT_HEADER = B64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));

    private final HttpClient client;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    Vonage(String signatureSecret, int connections) {
        // HTTP/1.1 like Vonage; the JDK client keeps one connection per request in flight (at most `connections`)
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.key = new SecretKeySpec(signatureSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The answer webhook as Vonage sends it by default: a GET with the call's fields in the query. */
    Response answer(URI base, String path, String uuid, String from, String to) {
        var query = "uuid=" + uuid + "&conversation_uuid=CON-" + uuid
                + (from == null ? "" : "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)) + "&to=" + to;
        return send("GET", base.resolve(path + "?" + query), null);
    }

    /** What the caller typed, in the current input payload shape, to the URL the last NCCO named. */
    Response input(URI eventUrl, String uuid, String from, String to, String digits) {
        var body = "{\"speech\":{\"results\":[]},\"dtmf\":{\"digits\":\"" + digits + "\",\"timed_out\":false},"
                + "\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"uuid\":\"" + uuid
                + "\",\"conversation_uuid\":\"CON-" + uuid + "\",\"timestamp\":\"" + java.time.Instant.now() + "\"}";
        return send("POST", eventUrl, body);
    }

    /** A call status event (e.g. completed when the caller hangs up). */
    Response event(URI base, String uuid, String from, String to, String status) {
        var body = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"uuid\":\"" + uuid
                + "\",\"conversation_uuid\":\"CON-" + uuid + "\",\"status\":\"" + status
                + "\",\"direction\":\"inbound\",\"timestamp\":\"" + java.time.Instant.now() + "\"}";
        return send("POST", base.resolve("webhooks/event"), body);
    }

    Response send(String method, URI uri, String body) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + jwt(body))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long start = System.nanoTime();
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Response(-1, e.getClass().getSimpleName() + ": " + e.getMessage(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted", System.nanoTime() - start);
        }
    }

    /** Vonage's signed-webhook JWT (HS256), minted fresh for each request. */
    String jwt(String body) {
        var claims = new StringBuilder("{\"iat\":").append(System.currentTimeMillis() / 1000)
                .append(",\"jti\":\"").append(UUID.randomUUID()).append("\",\"iss\":\"Vonage\"")
                .append(",\"api_key\":\"bench\",\"application_id\":\"bench-app\"");
        if (body != null) {
            claims.append(",\"payload_hash\":\"").append(sha256Hex(body)).append('"');
        }
        claims.append('}');
        var signingInput = JWT_HEADER + "." + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        var signature = macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64URL.encodeToString(signature);
    }

    private static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One webhook's answer and how long it took, send to last byte. */
    record Response(int status, String body, long nanos) {

        boolean ok() {
            return status == 200 && body.startsWith("[");
        }

        /** The NCCO's input eventUrl, or null when the NCCO ends the call. */
        URI eventUrl() {
            var m = EVENT_URL.matcher(body);
            return m.find() ? URI.create(m.group(1)) : null;
        }

        List<String> spokenCodes() {
            var codes = new ArrayList<String>();
            var m = SPOKEN_DIGITS.matcher(body);
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        }

        boolean says(String words) {
            return body.contains(words);
        }
    }
}
