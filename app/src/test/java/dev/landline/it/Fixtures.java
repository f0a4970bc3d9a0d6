package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates callers and accounts through the admin API, and sets the server's clock, for black-box tests. */
final class Fixtures {

    /** RFC 6238's SHA-1 seed, "12345678901234567890". */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    private final URI base;

    Fixtures(URI base) {
        this.base = base;
    }

    static String uniqueAccountNumber() {
        return "40" + NEXT.incrementAndGet();
    }

    static String uniquePhone() {
        return "4477009" + String.format("%05d", NEXT.incrementAndGet());
    }

    long caller(String name, String accountNumber, String pin, String... phones) {
        var body = Json.createObjectBuilder().add("name", name).add("accountNumber", accountNumber).add("pin", pin)
                .add("phoneNumbers", Json.createArrayBuilder(java.util.List.of(phones))).add("language", "en-GB");
        var response = Http.json("POST", base.resolve("api/callers"), body.build().toString());
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response).getJsonNumber("id").longValue();
    }

    JsonObject account(long callerId, String uri) {
        var body = Json.createObjectBuilder().add("uri", uri).build().toString();
        var response = Http.json("POST", base.resolve("api/callers/" + callerId + "/accounts"), body);
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response);
    }

    JsonObject account(long callerId, String issuer, String label, String secret) {
        return account(callerId, "otpauth://totp/" + issuer.replace(" ", "%20") + ":" + label + "?secret=" + secret
                + "&issuer=" + issuer.replace(" ", "%20"));
    }

    void clockAt(Instant instant) {
        var response = Http.send("PUT", base.resolve("test-support/clock/" + instant.getEpochSecond()), null, null, null);
        assertEquals(204, response.statusCode(), response::body);
        VonageSigner.serverClockAt(Instant.ofEpochSecond(instant.getEpochSecond()));
    }

    void systemClock() {
        Http.send("DELETE", base.resolve("test-support/clock"), null, null, null);
        VonageSigner.serverClockAt(null);
    }

    JsonObject counts() {
        return Http.object(Http.send("GET", base.resolve("test-support/counts"), null, null, null));
    }

    /** stage, pin_failures, caller_id of a call, as stored. */
    JsonObject call(String uuid) {
        return Http.object(Http.send("GET", base.resolve("test-support/calls/" + uuid), null, null, null));
    }

    /**
     * A PIN attempt charged by the guard and held as if its PIN were still being hashed (about 0.15 s on a live
     * call; here until {@link #heldPinWasRight}), so that what happens meanwhile is deterministic.
     */
    JsonObject holdPinCharge(long callerId, String callUuid) {
        var response = Http.send("POST", base.resolve("test-support/pin-charges/" + callerId + "/" + callUuid), null,
                null, null);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }

    void heldPinWasRight(long callerId, String callUuid, long failureId) {
        var response = Http.send("POST", base.resolve("test-support/pin-charges/" + callerId + "/" + callUuid + "/"
                + failureId + "/right"), null, null, null);
        assertEquals(204, response.statusCode(), response::body);
    }

    String rows(String table) {
        return Http.send("GET", base.resolve("test-support/rows/" + table), null, null, null).body();
    }
}
