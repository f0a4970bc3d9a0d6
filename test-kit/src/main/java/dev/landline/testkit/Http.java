package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/** A small JDK HTTP client for black-box tests and the benchmark: admin calls, signed webhooks, JSON parsing. */
public final class Http {

    /**
     * HTTP/1.1 like Vonage's webhook client. The JDK default (HTTP/2, trying an h2c upgrade on the first request of
     * each new connection) sometimes lost the answer to a POST on a fresh connection under a parallel burst. The
     * client keeps one connection per request in flight.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** What a benchmark keeps of one answer: its status, its body and the time from send to last byte. */
    @FunctionalInterface
    public interface Timed<A> {

        A answer(int status, String body, long nanos);
    }

    /**
     * Sends one request and times it; a connection that fails or an interrupt is an answer too, with status -1 and
     * what went wrong as its body, so a benchmark counts it instead of stopping.
     */
    public static <A> A timed(Supplier<HttpResponse<String>> send, Timed<A> answer) {
        long start = System.nanoTime();
        try {
            var response = send.get();
            return answer.answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (UncheckedIOException e) {
            return answer.answer(-1, e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(),
                    System.nanoTime() - start);
        } catch (IllegalStateException interrupted) {
            return answer.answer(-1, "interrupted", System.nanoTime() - start);
        }
    }

    /** A request with HTTP basic {@code credentials} ("user:password"), or none when null. */
    public static HttpResponse<String> send(String method, URI uri, String contentType, String body,
            String credentials) {
        return send(method, uri, contentType, body, credentials, null);
    }

    /** A request with basic {@code credentials} and/or a raw {@code Authorization} value (either may be null). */
    public static HttpResponse<String> send(String method, URI uri, String contentType, String body,
            String credentials, String authorization) {
        return send(method, uri, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), credentials, authorization,
                null, null, Duration.ofSeconds(60));
    }

    /** A request with this {@code Authorization} value only (a forged or stale bearer token, say). */
    public static HttpResponse<String> sendWithBearer(String method, URI uri, String contentType, String body,
            String bearer) {
        return send(method, uri, contentType, body, null, bearer);
    }

    /** A webhook as Vonage sends it: signed by {@link WebhookSigner#forTests()}. */
    public static HttpResponse<String> webhook(String method, URI uri, String contentType, String body) {
        return send(method, uri, contentType, body, null, WebhookSigner.forTests().bearer(body));
    }

    /** An admin API call as the test admin ({@link TestCredentials#ADMIN}), JSON when there is a body. */
    public static HttpResponse<String> admin(String method, URI uri, String body) {
        return send(method, uri, body == null ? null : "application/json", body, TestCredentials.ADMIN);
    }

    /** Bytes (a picture) sent with these credentials, waiting at most {@code timeout} for the answer. */
    public static HttpResponse<String> upload(String method, URI uri, String contentType, byte[] body,
            String credentials, Duration timeout) {
        return send(method, uri, contentType, HttpRequest.BodyPublishers.ofByteArray(body), credentials, null,
                null, null, timeout);
    }

    /** A request with this one header, or none when {@code value} is null (a Twilio webhook, say). */
    public static HttpResponse<String> sendWithHeader(String method, URI uri, String contentType, String body,
            String header, String value) {
        return send(method, uri, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), null, null, header, value,
                Duration.ofSeconds(60));
    }

    private static HttpResponse<String> send(String method, URI uri, String contentType,
            HttpRequest.BodyPublisher body, String credentials, String authorization, String header, String value,
            Duration timeout) {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
        if (value != null) {
            request.header(header, value);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
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

    public static JsonStructure parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    public static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    public static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response.body());
    }

    /** Asserts an RFC 9457 problem: problem+json, its status the response's, no stack trace. */
    public static void assertProblem(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "problem+json expected, got " + response.headers().firstValue("Content-Type") + ": "
                        + response.body());
        assertEquals(response.statusCode(), object(response).getInt("status"), response::body);
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace");
    }

    /** Asserts an RFC 9457 problem with this status. */
    public static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        assertProblem(response);
    }
}
