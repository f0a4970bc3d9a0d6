package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a call the way Vonage does: GET (or POST) the answer webhook, run the NCCO, and POST what the caller typed
 * to the {@code eventUrl} the NCCO itself names, every webhook signed ({@link WebhookSigner}).
 *
 * <p>Checked mode ({@link #dial}): one call; every answer must be a 200 NCCO, {@code application/json},
 * {@code no-store}, valid by Vonage's schema and rules ({@link NccoRules}); the transcript is kept for the
 * "no code heard" oracle ({@link CodesHeard}). Remembers when the last webhook was sent and answered.
 *
 * <p>Lean mode ({@link #lean}): for load, no checks and no state, each webhook's answer timed send to last byte.
 *
 * <p>What is the same for every provider (the codes heard, three wrong PINs) is in {@link CallPlayer}; Twilio's
 * calls are played by {@link TwilioPlayer}.
 */
public final class VonagePlayer implements CallPlayer {

    /** How the service reads a code out: digit by digit. */
    static final Pattern SPOKEN_DIGITS = Pattern.compile("<say-as interpret-as='digits'>([0-9]+)</say-as>");
    private static final Pattern EVENT_URL = Pattern.compile("\"eventUrl\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");

    public final String uuid = UUID.randomUUID().toString();
    public final String conversationUuid = "CON-" + UUID.randomUUID();
    private final URI base;
    private final String from;
    private final String to;
    private final List<JsonArray> transcript = new ArrayList<>();
    private JsonArray current;
    private Instant sentAt;
    private Instant answeredAt;

    private VonagePlayer(URI base, String from, String to) {
        this.base = base;
        this.from = from;
        this.to = to;
    }

    /** Dials in with the answer webhook as a GET, Vonage's default ({@code from} null: a withheld number). */
    public static VonagePlayer dial(URI base, String from, String to) {
        var player = new VonagePlayer(base, from, to);
        var query = answerQuery(player.uuid, player.conversationUuid, from, to);
        player.receive(() -> Http.webhook("GET", base.resolve("webhooks/answer?" + query), null, null));
        return player;
    }

    /** Dials in with the answer webhook as a POST with a JSON body (answer_method POST). */
    public static VonagePlayer dialWithPost(URI base, String from, String to) {
        var player = new VonagePlayer(base, from, to);
        var body = Json.createObjectBuilder().add("uuid", player.uuid).add("conversation_uuid", player.conversationUuid)
                .add("from", from).add("to", to).build().toString();
        player.receive(() -> Http.webhook("POST", base.resolve("webhooks/answer"), "application/json", body));
        return player;
    }

    /** The answer webhook again for this same call (as Vonage retries it, or as a forger would). */
    public VonagePlayer answerAgain() {
        var query = answerQuery(uuid, conversationUuid, from, to);
        receive(() -> Http.webhook("GET", base.resolve("webhooks/answer?" + query), null, null));
        return this;
    }

    /** Types digits (with '#' where the caller presses it), sent in the current webhook shape. */
    @Override
    public VonagePlayer press(String digits) {
        return post(inputBody(uuid, conversationUuid, from, to, digits, !digits.endsWith("#")));
    }

    /**
     * Types digits, but the webhook goes to another node of the same service (the eventUrl's path on that node), as
     * a load balancer without sticky sessions would send it.
     */
    public VonagePlayer pressOn(URI node, String digits) {
        var url = node.resolve(URI.create(eventUrl()).getRawPath());
        var body = inputBody(uuid, conversationUuid, from, to, digits, !digits.endsWith("#"));
        receive(() -> Http.webhook("POST", url, "application/json", body));
        return this;
    }

    /**
     * Types digits into the current step {@code copies} times at the same instant: every copy signed on its own (as
     * a provider's retry or a racing replay would be), the threads released together by a barrier. The call goes on
     * with the one answer that is an NCCO, if there is one; every answer is returned, in no particular order, for
     * the test to judge (the race's losers are not NCCOs).
     */
    public List<HttpResponse<String>> pressAtOnce(String digits, int copies) {
        var body = inputBody(uuid, conversationUuid, from, to, digits, !digits.endsWith("#"));
        var url = URI.create(eventUrl());
        var barrier = new CyclicBarrier(copies);
        var copiesSent = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < copies; i++) {
            var signature = WebhookSigner.forTests().bearer(body);
            copiesSent.add(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return Http.send("POST", url, "application/json", body, null, signature);
            });
        }
        var responses = Parallel.run(copies, copiesSent);
        responses.stream().filter(r -> r.statusCode() == 200).findFirst().ifPresent(r -> receive(() -> r));
        return responses;
    }

    /**
     * Each of these calls types its digits into its current step, all at once from {@code threads} client threads:
     * call {@code i}'s webhook goes to {@code nodes.get(i % nodes.size())} (the eventUrl's path on that node, as a
     * load balancer would send it), or to the eventUrl itself when {@code nodes} is empty. The calls do not move on;
     * every answer (each asserted to be a 200) is returned in the calls' order, for the test to judge.
     */
    public static List<HttpResponse<String>> pressConcurrently(List<VonagePlayer> calls, List<String> digits,
            int threads, List<URI> nodes) {
        var presses = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < calls.size(); i++) {
            var call = calls.get(i);
            var eventUrl = URI.create(call.eventUrl());
            var url = nodes.isEmpty() ? eventUrl : nodes.get(i % nodes.size()).resolve(eventUrl.getRawPath());
            var body = inputBody(call.uuid, call.conversationUuid, call.from, call.to, digits.get(i),
                    !digits.get(i).endsWith("#"));
            presses.add(() -> Http.webhook("POST", url, "application/json", body));
        }
        var responses = Parallel.run(threads, presses);
        responses.forEach(answer -> assertEquals(200, answer.statusCode(), answer::body));
        return responses;
    }

    /** Types digits, sent in the legacy shape: "dtmf" a string, "timed_out" at the top level. */
    public VonagePlayer pressLegacy(String digits) {
        return post(common(uuid, conversationUuid, from, to).add("dtmf", digits).add("timed_out", false).build()
                .toString());
    }

    /** Says nothing until the input times out. */
    @Override
    public VonagePlayer silence() {
        return post(inputBody(uuid, conversationUuid, from, to, "", true));
    }

    /** Vonage's final status event: the caller hung up. */
    @Override
    public void hangUp() {
        var response = Http.webhook("POST", base.resolve("webhooks/event"), "application/json",
                eventBody(uuid, conversationUuid, from, to, "completed"));
        assertEquals(204, response.statusCode(), response::body);
    }

    public String eventUrl() {
        var input = input();
        assertTrue(input != null, () -> "the NCCO waits for no input; it said: " + heard());
        return input.getJsonArray("eventUrl").getString(0);
    }

    /** Everything the last NCCO says, SSML included. */
    @Override
    public String heard() {
        return speechIn(current);
    }

    /** Everything every NCCO of this call said, SSML included. */
    @Override
    public String heardSoFar() {
        return transcript.stream().map(VonagePlayer::speechIn).collect(Collectors.joining(" "));
    }

    /** Everything this NCCO (a webhook's answer as sent) says, SSML included. */
    public static String speechIn(String ncco) {
        return speechIn(Json.createReader(new StringReader(ncco)).readArray());
    }

    private static String speechIn(JsonArray ncco) {
        return ncco.stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("talk"))
                .map(a -> a.getString("text")).collect(Collectors.joining(" "));
    }

    /** The codes read out digit by digit in the last NCCO. */
    @Override
    public List<String> spokenCodes() {
        return spokenCodesIn(heard());
    }

    @Override
    public VonagePlayer assertThreeWrongPinsEndTheCallPolitely(String base32Secret) {
        CallPlayer.super.assertThreeWrongPinsEndTheCallPolitely(base32Secret);
        return this;
    }

    /** Fails if any code of this seed is in this answer (an NCCO, a problem, anything a client is given). */
    public static void assertNoCodeIn(HttpResponse<String> response, String base32Secret) {
        CodesHeard.assertNoneSaid(codesOf(base32Secret), response.body());
    }

    /** Every code of this seed a call around the server's time could have said: {@link CodesHeard#codesOf}. */
    public static Set<String> codesOf(String base32Secret) {
        return CodesHeard.codesOf(base32Secret, ServerClock.now().getEpochSecond());
    }

    @Override
    public boolean ended() {
        return input() == null;
    }

    public List<JsonArray> transcript() {
        return List.copyOf(transcript);
    }

    /** The last NCCO. */
    public JsonArray ncco() {
        return current;
    }

    @Override
    public Instant sentAt() {
        return sentAt;
    }

    @Override
    public Instant answeredAt() {
        return answeredAt;
    }

    private JsonObject input() {
        return current.stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("input"))
                .findFirst().orElse(null);
    }

    private VonagePlayer post(String body) {
        var url = URI.create(eventUrl());
        assertEquals(base.getAuthority(), url.getAuthority(), "the eventUrl points at this server");
        receive(() -> Http.webhook("POST", url, "application/json", body));
        return this;
    }

    private void receive(Supplier<HttpResponse<String>> webhook) {
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

    // the webhooks' shapes, shared by both modes

    private static String answerQuery(String uuid, String conversationUuid, String from, String to) {
        return "uuid=" + uuid + "&conversation_uuid=" + conversationUuid
                + (from == null ? "" : "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8)) + "&to=" + to;
    }

    private static JsonObjectBuilder common(String uuid, String conversationUuid, String from, String to) {
        var body = Json.createObjectBuilder().add("uuid", uuid).add("conversation_uuid", conversationUuid)
                .add("to", to).add("timestamp", ServerClock.now().toString());
        if (from != null) {
            body.add("from", from);
        }
        return body;
    }

    private static String inputBody(String uuid, String conversationUuid, String from, String to, String digits,
            boolean timedOut) {
        var dtmf = Json.createObjectBuilder().add("digits", digits).add("timed_out", timedOut);
        return common(uuid, conversationUuid, from, to).add("dtmf", dtmf)
                .add("speech", Json.createObjectBuilder().add("results", Json.createArrayBuilder())).build().toString();
    }

    private static String eventBody(String uuid, String conversationUuid, String from, String to, String status) {
        return common(uuid, conversationUuid, from, to).add("status", status).add("direction", "inbound").build()
                .toString();
    }

    private static List<String> spokenCodesIn(String speech) {
        var codes = new ArrayList<String>();
        var matcher = SPOKEN_DIGITS.matcher(speech);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /** Lean mode, signed with this secret: see {@link Lean}. */
    public static Lean lean(String signatureSecret) {
        return new Lean(new WebhookSigner(signatureSecret));
    }

    /**
     * Webhooks for load (the benchmark): the same shapes, client and signatures as a checked call, but nothing is
     * checked and nothing kept; a webhook that cannot be sent is an answer with status -1. Thread-safe.
     */
    public static final class Lean {

        private final WebhookSigner signer;

        private Lean(WebhookSigner signer) {
            this.signer = signer;
        }

        /** The answer webhook as Vonage sends it by default: a GET with the call's fields in the query. */
        public Answer answer(URI base, String uuid, String from, String to) {
            return send("GET", base.resolve("webhooks/answer?" + answerQuery(uuid, "CON-" + uuid, from, to)), null);
        }

        /** What the caller typed, in the current input payload shape, to the URL the last NCCO named. */
        public Answer input(URI eventUrl, String uuid, String from, String to, String digits) {
            return send("POST", eventUrl, inputBody(uuid, "CON-" + uuid, from, to, digits, false));
        }

        /** A call status event (e.g. completed when the caller hangs up). */
        public Answer event(URI base, String uuid, String from, String to, String status) {
            return send("POST", base.resolve("webhooks/event"), eventBody(uuid, "CON-" + uuid, from, to, status));
        }

        private Answer send(String method, URI uri, String body) {
            var authorization = signer.bearer(body);
            return Http.timed(() -> Http.send(method, uri, body == null ? null : "application/json", body, null,
                    authorization), Answer::new);
        }
    }

    /** One lean webhook's answer and how long it took, send to last byte. */
    public record Answer(int status, String body, long nanos) {

        public boolean ok() {
            return status == 200 && body.startsWith("[");
        }

        /** The NCCO's input eventUrl, or null when the NCCO ends the call. */
        public URI eventUrl() {
            var m = EVENT_URL.matcher(body);
            return m.find() ? URI.create(m.group(1)) : null;
        }

        public List<String> spokenCodes() {
            return spokenCodesIn(body);
        }

        public boolean says(String words) {
            return body.contains(words);
        }
    }
}
