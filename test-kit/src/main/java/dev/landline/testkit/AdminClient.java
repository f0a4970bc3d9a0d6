package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Sets up callers and their OTP accounts the way an administrator does: through the admin API, with HTTP basic
 * credentials. The plain methods return the response; the others assert success and return what was made.
 */
public class AdminClient {

    protected final URI base;
    private final String credentials;

    /** As the test admin, {@link TestCredentials#ADMIN}. */
    public AdminClient(URI base) {
        this(base, TestCredentials.ADMIN);
    }

    /** As this user ("user:password"). */
    public AdminClient(URI base, String credentials) {
        this.base = base;
        this.credentials = credentials;
    }

    /** The body of POST api/callers (language en-GB). */
    public static String callerJson(String name, String accountNumber, String pin, List<String> phones) {
        return callerJson(name, accountNumber, pin, phones, "en-GB");
    }

    /** The body of POST api/callers, for a caller who hears this language (a tag such as de-DE). */
    public static String callerJson(String name, String accountNumber, String pin, List<String> phones,
            String language) {
        return Json.createObjectBuilder().add("name", name).add("accountNumber", accountNumber).add("pin", pin)
                .add("phoneNumbers", Json.createArrayBuilder(phones)).add("language", language).build().toString();
    }

    /** The otpauth:// URI of a TOTP account (SHA-1/6/30 by default) with this issuer, label and Base32 secret. */
    public static String otpauthUri(String issuer, String label, String secret) {
        var encodedIssuer = issuer.replace(" ", "%20");
        return "otpauth://totp/" + encodedIssuer + ":" + label + "?secret=" + secret + "&issuer=" + encodedIssuer;
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return Http.send(method, base.resolve(path), json == null ? null : "application/json", json, credentials);
    }

    /** POST api/callers, as is. */
    public HttpResponse<String> createCaller(String json) {
        return send("POST", "api/callers", json);
    }

    /** POST api/callers/{id}/accounts, as is. */
    public HttpResponse<String> addAccount(long callerId, String json) {
        return send("POST", "api/callers/" + callerId + "/accounts", json);
    }

    /** A caller (language en-GB); its id. */
    public long caller(String name, String accountNumber, String pin, String... phones) {
        return callerSpeaking("en-GB", name, accountNumber, pin, phones);
    }

    /** A caller who hears this language (a tag such as de-DE); its id. */
    public long callerSpeaking(String language, String name, String accountNumber, String pin, String... phones) {
        var response = createCaller(callerJson(name, accountNumber, pin, List.of(phones), language));
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response).getJsonNumber("id").longValue();
    }

    /** An account from this JSON body; the account as stored. */
    public JsonObject accountJson(long callerId, String json) {
        var response = addAccount(callerId, json);
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response);
    }

    /** An account from an otpauth:// URI. */
    public JsonObject account(long callerId, String uri) {
        return accountJson(callerId, Json.createObjectBuilder().add("uri", uri).build().toString());
    }

    /** A TOTP SHA-1/6/30 account with this issuer, label and Base32 secret. */
    public JsonObject account(long callerId, String issuer, String label, String secret) {
        return account(callerId, otpauthUri(issuer, label, secret));
    }

    /** GET api/callers/{id}/lockout. */
    public JsonObject lockout(long callerId) {
        var response = send("GET", "api/callers/" + callerId + "/lockout", null);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }
}
