package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's clock against Vonage's: Vonage (the test's signer) keeps the true time while the server's clock is
 * set off it; each accepted webhook is a measurement. Each test first fills the estimate's window with its own
 * webhooks, and leaves it right again, so the order of tests does not matter.
 */
class ClockIT extends OnPayaraMicro {

    private static final int WINDOW = 15;

    @AfterEach
    void rightAgain() {
        fixtures.systemClock();
        webhooks(WINDOW);
        assertEquals(200, ready().statusCode(), () -> "ready once the clock is right again: " + ready().body());
    }

    @Test
    void aServerClockHalfAMinuteAheadOfVonagesIsNotReadyWithTheMeasuredOffset() {
        serverClockAheadBy(30);
        webhooks(WINDOW);

        var ready = ready();
        assertEquals(503, ready.statusCode(), ready::body);
        var clock = check(Http.object(ready), "clock");
        assertEquals("DOWN", clock.getString("status"), clock::toString);
        var offset = Double.parseDouble(clock.getJsonObject("data").getString("offsetSeconds"));
        assertTrue(offset > 25 && offset <= 31, () -> "about 30 s measured: " + clock);
        assertTrue(clock.getJsonObject("data").getString("reason").contains("ahead of the voice provider's"),
                clock::toString);
        assertEquals("UP", check(Http.object(ready), "database").getString("status"), "only the clock is wrong");

        var status = status();
        assertTrue(status.getBoolean("tooFar"), status::toString);
        assertTrue(status.getBoolean("warning"), status::toString);
        assertTrue(status.getJsonNumber("offsetSeconds").doubleValue() > 25, status::toString);
        assertFalse(status.getBoolean("held"), "measured from fresh webhooks: " + status);
    }

    @Test
    void anAdministratorWhoFixedTheClockClearsTheEstimateAndTheNextWebhooksMeasureItAgain() {
        serverClockAheadBy(30);
        webhooks(WINDOW);
        assertEquals(503, ready().statusCode(), () -> ready().body());

        var cleared = Http.admin("DELETE", base.resolve("api/status/clock"), null);
        assertEquals(204, cleared.statusCode(), cleared::body);
        var ready = ready();
        assertEquals(200, ready.statusCode(), () -> "ready again once cleared: " + ready.body());
        assertFalse(check(Http.object(ready), "clock").getJsonObject("data").containsKey("offsetSeconds"),
                ready::body);
        assertFalse(status().getBoolean("tooFar"));

        // the clock was not fixed after all: three signed webhooks say so again
        webhooks(3);
        var again = ready();
        assertEquals(503, again.statusCode(), again::body);
        assertEquals("DOWN", check(Http.object(again), "clock").getString("status"), again::body);
    }

    @Test
    void aServerClockEightSecondsBehindWarnsButStaysReady() {
        serverClockAheadBy(-8);
        webhooks(WINDOW);

        var ready = ready();
        assertEquals(200, ready.statusCode(), ready::body);
        var clock = check(Http.object(ready), "clock");
        assertEquals("UP", clock.getString("status"));
        assertTrue(clock.getJsonObject("data").getString("warning").contains("behind"), clock::toString);

        var status = status();
        assertTrue(status.getBoolean("warning"), status::toString);
        assertFalse(status.getBoolean("tooFar"), status::toString);
        assertTrue(status.getJsonNumber("offsetSeconds").doubleValue() < -5, status::toString);
    }

    @Test
    void aRightClockIsReadyWithoutWarning() {
        webhooks(WINDOW);
        var clock = check(Http.object(ready()), "clock");
        assertEquals("UP", clock.getString("status"));
        assertFalse(clock.getJsonObject("data").containsKey("warning"), clock::toString);
        var offset = Double.parseDouble(clock.getJsonObject("data").getString("offsetSeconds"));
        assertTrue(Math.abs(offset) < 5, clock::toString);
        assertFalse(status().getBoolean("warning"));
    }

    /** Only the server's clock moves; the signer (Vonage) keeps the true time. */
    private void serverClockAheadBy(long seconds) {
        var response = Http.send("PUT", base.resolve("test-support/clock/"
                + Instant.now().plusSeconds(seconds).getEpochSecond()), null, null, null);
        assertEquals(204, response.statusCode(), response::body);
    }

    private void webhooks(int count) {
        for (int i = 0; i < count; i++) {
            var call = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460000");
            assertFalse(call.heard().isEmpty(), "each webhook was accepted and answered");
        }
    }

    /** MicroProfile Health is the server's, at its root, whatever the WAR's context root. */
    private java.net.http.HttpResponse<String> ready() {
        return Http.send("GET", base.resolve("/health/ready"), null, null, null);
    }

    private JsonObject status() {
        var response = Http.admin("GET", base.resolve("api/status"), null);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response).getJsonObject("clock");
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + ": " + health));
    }
}
