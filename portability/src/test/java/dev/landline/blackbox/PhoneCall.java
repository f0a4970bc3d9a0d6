package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.boundary.CodesHeard;
import dev.landline.calls.boundary.NccoRules;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One call played the way Vonage plays it: the answer webhook, then each NCCO's own {@code eventUrl} with what the
 * caller typed, every webhook signed. Every NCCO is checked against Vonage's schema and rules. Remembers when the
 * last webhook was sent and answered, for checking time-dependent codes without a settable clock.
 */
final class PhoneCall {

    private static final Pattern SPOKEN_DIGITS = Pattern.compile("<say-as interpret-as='digits'>([0-9]+)</say-as>");

    final String uuid = UUID.randomUUID().toString();
    private final String conversationUuid = "CON-" + UUID.randomUUID();
    private final URI base;
    private final String from;
    private final String to;
    private final List<JsonArray> transcript = new ArrayList<>();
    private JsonArray current;
    private Instant sentAt;
    private Instant answeredAt;

    private PhoneCall(URI base, String from, String to) {
        this.base = base;
        this.from = from;
        this.to = to;
    }

    /** Dials in: the answer webhook as a GET, Vonage's default. */
    static PhoneCall dial(URI base, String from, String to) {
        var call = new PhoneCall(base, from, to);
        var query = "uuid=" + call.uuid + "&conversation_uuid=" + call.conversationUuid
                + "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=" + to;
        call.receive(() -> Http.webhook("GET", base.resolve("webhooks/answer?" + query), null, null));
        return call;
    }

    /** Types digits ('#' included where the caller presses it). */
    PhoneCall press(String digits) {
        var dtmf = Json.createObjectBuilder().add("digits", digits).add("timed_out", !digits.endsWith("#"));
        var body = Json.createObjectBuilder().add("uuid", uuid).add("conversation_uuid", conversationUuid)
                .add("from", from).add("to", to).add("dtmf", dtmf).build().toString();
        var url = URI.create(eventUrl());
        assertEquals(base.getAuthority(), url.getAuthority(), "the eventUrl points at this server");
        receive(() -> Http.webhook("POST", url, "application/json", body));
        return this;
    }

    /** Vonage's final status event: the caller hung up. */
    void hangUp() {
        var body = Json.createObjectBuilder().add("uuid", uuid).add("conversation_uuid", conversationUuid)
                .add("status", "completed").add("from", from).add("to", to).build().toString();
        var response = Http.webhook("POST", base.resolve("webhooks/event"), "application/json", body);
        assertEquals(204, response.statusCode(), response::body);
    }

    String eventUrl() {
        var input = input();
        assertTrue(input != null, () -> "the NCCO waits for no input; it said: " + heard());
        return input.getJsonArray("eventUrl").getString(0);
    }

    /** Everything the last NCCO says, SSML included. */
    String heard() {
        return current.stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("talk"))
                .map(a -> a.getString("text")).collect(Collectors.joining(" "));
    }

    /** The codes read out digit by digit in the last NCCO. */
    List<String> spokenCodes() {
        var codes = new ArrayList<String>();
        var matcher = SPOKEN_DIGITS.matcher(heard());
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /**
     * Fails if any code of this seed was said anywhere in the call so far, by any algorithm, length, period or
     * counter a call could use (see {@link CodesHeard#codesOf}), around now (the server under test keeps the system
     * clock).
     */
    void assertNoCodeHeard(String base32Secret) {
        var speech = transcript.stream().flatMap(JsonArray::stream).map(JsonObject.class::cast)
                .filter(a -> a.getString("action").equals("talk")).map(a -> a.getString("text"))
                .collect(Collectors.joining(" "));
        CodesHeard.assertNoneSaid(codesOf(base32Secret), speech);
    }

    /** Fails if any code of this seed is in this answer (an NCCO, a problem, anything a client is given). */
    static void assertNoCodeIn(HttpResponse<String> response, String base32Secret) {
        CodesHeard.assertNoneSaid(codesOf(base32Secret), response.body());
    }

    /** Every code of this seed a call around the server's time could have said: {@link CodesHeard#codesOf}. */
    private static Set<String> codesOf(String base32Secret) {
        var key = ReferenceOtp.base32(base32Secret);
        return CodesHeard.codesOf((counter, digits, mac) -> ReferenceOtp.hotp(key, counter, digits, mac),
                Instant.now().getEpochSecond());
    }

    boolean ended() {
        return input() == null;
    }

    List<JsonArray> transcript() {
        return List.copyOf(transcript);
    }

    /** When the last webhook left the client. */
    Instant sentAt() {
        return sentAt;
    }

    /** When its answer arrived. */
    Instant answeredAt() {
        return answeredAt;
    }

    private JsonObject input() {
        return current.stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("input"))
                .findFirst().orElse(null);
    }

    private void receive(java.util.function.Supplier<HttpResponse<String>> webhook) {
        sentAt = Instant.now();
        var response = webhook.get();
        answeredAt = Instant.now();
        assertEquals(200, response.statusCode(), () -> "webhook answered " + response.statusCode() + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "an NCCO is application/json");
        assertTrue(String.join(",", response.headers().allValues("Cache-Control")).contains("no-store"),
                () -> "an NCCO may speak a live code: Cache-Control no-store, not " + response.headers().map());
        var problems = NccoRules.problems(response.body());
        assertTrue(problems.isEmpty(), () -> "invalid NCCO " + response.body() + ": " + problems);
        current = Http.array(response);
        transcript.add(current);
    }
}
