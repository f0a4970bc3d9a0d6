package dev.landline.it;

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

/** A small JDK HTTP client for black-box tests. */
final class Http {

    static final String ADMIN = "it-admin:it-admin-password";
    static final String VIEWER = "it-viewer:it-viewer-password";

    /**
     * HTTP/1.1 like Vonage's webhook client. The JDK default (HTTP/2, trying an h2c upgrade on the first request of
     * each new connection) sometimes lost the answer to a POST on a fresh connection under a parallel burst.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    static HttpResponse<String> send(String method, URI uri, String contentType, String body, String credentials) {
        return send(method, uri, contentType, body, credentials, null);
    }

    /** A webhook as Vonage sends it: signed (see {@link VonageSigner}). */
    static HttpResponse<String> webhook(String method, URI uri, String contentType, String body) {
        return send(method, uri, contentType, body, null, VonageSigner.bearer(body));
    }

    static HttpResponse<String> send(String method, URI uri, String contentType, String body, String credentials,
            String authorization) {
        return send(method, uri, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), credentials, authorization,
                Duration.ofSeconds(60));
    }

    /** Bytes (a picture) sent with these credentials, waiting at most {@code timeout} for the answer. */
    static HttpResponse<String> upload(String method, URI uri, String contentType, byte[] body, String credentials,
            Duration timeout) {
        return send(method, uri, contentType, HttpRequest.BodyPublishers.ofByteArray(body), credentials, null, timeout);
    }

    private static HttpResponse<String> send(String method, URI uri, String contentType,
            HttpRequest.BodyPublisher body, String credentials, String authorization, Duration timeout) {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, body);
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

    static HttpResponse<String> json(String method, URI uri, String body) {
        return send(method, uri, body == null ? null : "application/json", body, ADMIN);
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
