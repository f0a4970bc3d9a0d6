package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/** Sets up callers and their OTP accounts the way an administrator does: through the admin API. */
final class Admin {

    private final URI base;

    Admin(URI base) {
        this.base = base;
    }

    static String callerJson(String name, String accountNumber, String pin, List<String> phones) {
        return Json.createObjectBuilder().add("name", name).add("accountNumber", accountNumber).add("pin", pin)
                .add("phoneNumbers", Json.createArrayBuilder(phones)).add("language", "en-GB").build().toString();
    }

    long caller(String name, String accountNumber, String pin, String... phones) {
        var response = Http.admin("POST", base.resolve("api/callers"), callerJson(name, accountNumber, pin, List.of(phones)));
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response).getJsonNumber("id").longValue();
    }

    JsonObject account(long callerId, String body) {
        var response = Http.admin("POST", base.resolve("api/callers/" + callerId + "/accounts"), body);
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response);
    }

    JsonObject accountByUri(long callerId, String uri) {
        return account(callerId, Json.createObjectBuilder().add("uri", uri).build().toString());
    }

    JsonObject lockout(long callerId) {
        var response = Http.admin("GET", base.resolve("api/callers/" + callerId + "/lockout"), null);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }

    static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "problem+json expected, got " + response.headers().firstValue("Content-Type") + ": "
                        + response.body());
        assertEquals(status, Http.object(response).getInt("status"), response::body);
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace");
    }
}
