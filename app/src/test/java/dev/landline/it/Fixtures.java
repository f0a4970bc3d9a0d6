package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.landline.testkit.AdminClient;
import dev.landline.testkit.Http;
import dev.landline.testkit.ServerClock;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin API calls of the kit's {@link AdminClient} as the test admin, plus what only the Arquillian WAR offers:
 * its test-support endpoints (the server's clock, counts, rows, held PIN charges), and numbers unique per run.
 */
class Fixtures extends AdminClient {

    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    Fixtures(URI base) {
        super(base);
    }

    static String uniqueAccountNumber() {
        return "40" + NEXT.incrementAndGet();
    }

    static String uniquePhone() {
        return "4477009" + String.format("%05d", NEXT.incrementAndGet());
    }

    void clockAt(Instant instant) {
        var response = Http.send("PUT", base.resolve("test-support/clock/" + instant.getEpochSecond()), null, null, null);
        assertEquals(204, response.statusCode(), response::body);
        ServerClock.setTo(Instant.ofEpochSecond(instant.getEpochSecond()));
    }

    void systemClock() {
        Http.send("DELETE", base.resolve("test-support/clock"), null, null, null);
        ServerClock.setTo(null);
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
