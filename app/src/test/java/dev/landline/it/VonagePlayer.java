package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.boundary.CodesHeard;
import dev.landline.calls.boundary.NccoRules;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a call the way Vonage does: GET (or POST) the answer webhook, run the NCCO, and POST what the caller typed
 * to the {@code eventUrl} the NCCO itself names. Every NCCO is checked against Vonage's schema and rules.
 */
final class VonagePlayer {

    private static final Pattern SPOKEN_DIGITS = Pattern.compile("<say-as interpret-as='digits'>([0-9]+)</say-as>");

    final String uuid = UUID.randomUUID().toString();
    final String conversationUuid = "CON-" + UUID.randomUUID();
    private final URI base;
    private final String from;
    private final String to;
    private final List<JsonArray> transcript = new ArrayList<>();
    private JsonArray current;

    private VonagePlayer(URI base, String from, String to) {
        this.base = base;
        this.from = from;
        this.to = to;
    }

    /** Dials in with the answer webhook as a GET, Vonage's default. */
    static VonagePlayer dial(URI base, String from, String to) {
        var player = new VonagePlayer(base, from, to);
        var query = "uuid=" + player.uuid + "&conversation_uuid=" + player.conversationUuid
                + (from == null ? "" : "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8))
                + "&to=" + to;
        player.receive(Http.webhook("GET", base.resolve("webhooks/answer?" + query), null, null));
        return player;
    }

    /** Dials in with the answer webhook as a POST with a JSON body (answer_method POST). */
    static VonagePlayer dialWithPost(URI base, String from, String to) {
        var player = new VonagePlayer(base, from, to);
        var body = Json.createObjectBuilder().add("uuid", player.uuid).add("conversation_uuid", player.conversationUuid)
                .add("from", from).add("to", to).build().toString();
        player.receive(Http.webhook("POST", base.resolve("webhooks/answer"), "application/json", body));
        return player;
    }

    /** The answer webhook again for this same call (as Vonage retries it, or as a forger would). */
    VonagePlayer answerAgain() {
        var query = "uuid=" + uuid + "&conversation_uuid=" + conversationUuid + "&to=" + to
                + (from == null ? "" : "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
        receive(Http.webhook("GET", base.resolve("webhooks/answer?" + query), null, null));
        return this;
    }

    /** Types digits (with '#' where the caller presses it), sent in the current webhook shape. */
    VonagePlayer press(String digits) {
        var dtmf = Json.createObjectBuilder().add("digits", digits).add("timed_out", !digits.endsWith("#"));
        return post(common().add("dtmf", dtmf).build());
    }

    /**
     * Types digits, but the webhook goes to another node of the same service (the eventUrl's path on that node), as
     * a load balancer without sticky sessions would send it.
     */
    VonagePlayer pressOn(URI node, String digits) {
        var dtmf = Json.createObjectBuilder().add("digits", digits).add("timed_out", !digits.endsWith("#"));
        var url = node.resolve(URI.create(eventUrl()).getRawPath());
        receive(Http.webhook("POST", url, "application/json", common().add("dtmf", dtmf).build().toString()));
        return this;
    }

    /**
     * Types digits into the current step {@code copies} times at the same instant: every copy signed on its own (as
     * a provider's retry or a racing replay would be), the threads released together by a barrier. The call goes on
     * with the one answer that is an NCCO, if there is one; every answer is returned, in no particular order, for
     * the test to judge (the race's losers are not NCCOs).
     */
    List<HttpResponse<String>> pressAtOnce(String digits, int copies) {
        var dtmf = Json.createObjectBuilder().add("digits", digits).add("timed_out", !digits.endsWith("#"));
        var body = common().add("dtmf", dtmf).build().toString();
        var url = URI.create(eventUrl());
        var barrier = new CyclicBarrier(copies);
        var pool = Executors.newFixedThreadPool(copies);
        try {
            var sent = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < copies; i++) {
                var signature = VonageSigner.bearer(body);
                sent.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return Http.send("POST", url, "application/json", body, null, signature);
                }));
            }
            var responses = new ArrayList<HttpResponse<String>>();
            for (var response : sent) {
                responses.add(response.get(120, TimeUnit.SECONDS));
            }
            responses.stream().filter(r -> r.statusCode() == 200).findFirst().ifPresent(this::receive);
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a copy of the webhook failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Types digits, sent in the legacy shape: "dtmf" a string, "timed_out" at the top level. */
    VonagePlayer pressLegacy(String digits) {
        return post(common().add("dtmf", digits).add("timed_out", false).build());
    }

    /** Says nothing until the input times out. */
    VonagePlayer silence() {
        var dtmf = Json.createObjectBuilder().add("digits", "").add("timed_out", true);
        return post(common().add("dtmf", dtmf).build());
    }

    String eventUrl() {
        var input = input();
        assertTrue(input != null, "the NCCO waits for no input; it said: " + heard());
        return input.getJsonArray("eventUrl").getString(0);
    }

    /** Everything the last NCCO says, SSML included. */
    String heard() {
        return speechIn(current);
    }

    /** Everything this NCCO (a webhook's answer as sent) says, SSML included. */
    static String speechIn(String ncco) {
        return speechIn(Json.createReader(new StringReader(ncco)).readArray());
    }

    private static String speechIn(JsonArray ncco) {
        return ncco.stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("talk"))
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
     * Asserts that the last NCCO read one code twice, and that it is this seed's (SHA-1, 6 digits, 30 s) by the
     * independent oracle, in the server's current step or one next to it.
     */
    void assertHeardCodeOf(String base32Secret) {
        var key = ReferenceOtp.base32(base32Secret);
        var now = VonageSigner.serverNow();
        var possible = List.of(ReferenceOtp.totp(key, now.minusSeconds(30), 30, 6, "HmacSHA1"),
                ReferenceOtp.totp(key, now, 30, 6, "HmacSHA1"), ReferenceOtp.totp(key, now.plusSeconds(30), 30, 6,
                        "HmacSHA1"));
        var spoken = spokenCodes();
        assertEquals(2, spoken.size(), heard());
        assertEquals(spoken.get(0), spoken.get(1), "the same code twice: " + heard());
        assertTrue(possible.contains(spoken.get(0)), () -> "not this seed's code at " + now + ": " + heard());
    }

    /**
     * Fails if any code of this seed was said anywhere in the call so far, by any algorithm, length, period or
     * counter a call could use (see {@link CodesHeard#codesOf}), around the server's clock.
     */
    void assertNoCodeHeard(String base32Secret) {
        var speech = transcript.stream().map(VonagePlayer::speechIn).collect(Collectors.joining(" "));
        CodesHeard.assertNoneSaid(codesOf(base32Secret), speech);
    }

    /** Fails if any code of this seed is in this answer (an NCCO, a problem, anything a client is given). */
    static void assertNoCodeIn(HttpResponse<String> response, String base32Secret) {
        CodesHeard.assertNoneSaid(codesOf(base32Secret), response.body());
    }

    /** Every code of this seed a call around the server's time could have said: {@link CodesHeard#codesOf}. */
    static Set<String> codesOf(String base32Secret) {
        var key = ReferenceOtp.base32(base32Secret);
        return CodesHeard.codesOf((counter, digits, mac) -> ReferenceOtp.hotp(key, counter, digits, mac),
                VonageSigner.serverNow().getEpochSecond());
    }

    boolean ended() {
        return input() == null;
    }

    List<JsonArray> transcript() {
        return List.copyOf(transcript);
    }

    JsonArray ncco() {
        return current;
    }

    private JsonObject input() {
        return current.stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("input"))
                .findFirst().orElse(null);
    }

    private jakarta.json.JsonObjectBuilder common() {
        var body = Json.createObjectBuilder().add("uuid", uuid).add("conversation_uuid", conversationUuid)
                .add("to", to).add("timestamp", "2026-01-01T00:00:00.000Z");
        if (from != null) {
            body.add("from", from);
        }
        return body;
    }

    private VonagePlayer post(JsonObject body) {
        var url = URI.create(eventUrl());
        assertEquals(base.getAuthority(), url.getAuthority(), "the eventUrl points at this server");
        receive(Http.webhook("POST", url, "application/json", body.toString()));
        return this;
    }

    private void receive(HttpResponse<String> response) {
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
