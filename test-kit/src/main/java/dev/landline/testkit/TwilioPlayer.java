package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a call the way Twilio does: POST (or GET) the Voice URL {@code webhooks/twilio/voice}, run the TwiML, and
 * POST what the caller typed to the {@code <Gather action>} the TwiML itself names; when nothing is typed, Twilio goes
 * on with the next verb, the {@code <Redirect>}, and so does {@link #silence()}. Every request is form-encoded with
 * Twilio's usual parameters ({@code CallSid}, {@code AccountSid}, {@code From}, {@code To}, {@code CallStatus},
 * {@code Direction}, {@code ApiVersion}, {@code Caller}, {@code Called}) and signed with {@code X-Twilio-Signature}
 * over the URL requested and the parameters ({@link WebhookSigner#twilio}).
 *
 * <p>Checked mode ({@link #dial}): one call; every answer must be a 200 TwiML reply, {@code application/xml},
 * {@code no-store}, valid by {@link TwimlRules}; the transcript is kept for the "no code heard" oracle
 * ({@link CodesHeard}). What is the same for every provider is in {@link CallPlayer}. Keys are sent as Twilio sends
 * them: up to the Gather's {@code finishOnKey} (not included) or its {@code numDigits}, whichever comes first; when
 * that leaves nothing (only '#' pressed), Twilio does not call the action and runs the Redirect instead.
 *
 * <p>Lean mode ({@link #lean}): for load, no checks and no state, each webhook's answer timed send to last byte.
 */
public final class TwilioPlayer implements CallPlayer {

    /** The webhook header Twilio signs with. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    /** How the service reads a code out on Twilio: the digits one by one, ", " between them (no SSML). */
    /** The contract's {@code application/xml;charset=UTF-8} (case and spaces around ';' aside), nothing else. */
    private static final Pattern CONTENT_TYPE = Pattern.compile("(?i)application/xml\\s*;\\s*charset=\"?UTF-8\"?");
    static final Pattern SPOKEN_DIGITS = Pattern.compile("(?<![0-9])[0-9](?:, [0-9])+(?![0-9])");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ACCOUNT_SID = "AC" + "17e57".repeat(6) + "17";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** This call's id, as Twilio makes them: "CA" and 32 hex digits. */
    public final String callSid = newCallSid();
    private final URI base;
    private final String authToken;
    private final String from;
    private final String to;
    private final List<String> transcript = new ArrayList<>();
    private TwimlRules.Twiml current;
    private Request last;
    private Instant sentAt;
    private Instant answeredAt;

    /** A webhook as it was sent: where, what and signed how (for sending it again). */
    private record Request(String method, URI url, String body, String signature) {

        HttpResponse<String> send() {
            return Http.sendWithHeader(method, url, body == null ? null : FORM, body, SIGNATURE_HEADER, signature);
        }
    }

    private TwilioPlayer(URI base, String authToken, String from, String to) {
        this.base = base;
        this.authToken = authToken;
        this.from = from;
        this.to = to;
    }

    /**
     * Dials in: the Voice URL as a POST, Twilio's default, signed with the test servers' token. {@code from} and
     * {@code to} as Twilio writes them: "+447700900123", or "anonymous", "client:alice", "sip:…" for callers without
     * a phone number; {@code from} null sends no From at all.
     */
    public static TwilioPlayer dial(URI base, String from, String to) {
        return dial(base, TestCredentials.TWILIO_AUTH_TOKEN, from, to);
    }

    /** {@link #dial(URI, String, String)}, signed with this auth token. */
    public static TwilioPlayer dial(URI base, String authToken, String from, String to) {
        var player = new TwilioPlayer(base, authToken, from, to);
        player.receive(player.signedPost(base.resolve("webhooks/twilio/voice"), player.params("ringing")));
        return player;
    }

    /** Dials in with the Voice URL as a GET (the number's method set to HTTP GET): the parameters in the query. */
    public static TwilioPlayer dialWithGet(URI base, String from, String to) {
        var player = new TwilioPlayer(base, TestCredentials.TWILIO_AUTH_TOKEN, from, to);
        var url = URI.create(base.resolve("webhooks/twilio/voice") + "?" + form(player.params("ringing")));
        player.receive(new Request("GET", url, null, WebhookSigner.twilio(player.authToken, url.toString(), Map.of())));
        return player;
    }

    /**
     * Types these keys as Twilio gathers them: up to the Gather's finishOnKey or numDigits, POSTed to its action as
     * {@code Digits}; nothing before the finishOnKey ('#' alone) runs the Redirect, as Twilio does.
     */
    @Override
    public TwilioPlayer press(String keys) {
        var gather = gather();
        var finishOnKey = gather.get("finishOnKey");
        int numDigits = Integer.parseInt(gather.get("numDigits"));
        var digits = new StringBuilder();
        for (var key : keys.toCharArray()) {
            if (!finishOnKey.isEmpty() && key == finishOnKey.charAt(0)) {
                break;
            }
            digits.append(key);
            if (digits.length() == numDigits) {
                break;
            }
        }
        if (digits.isEmpty()) {
            return silence();
        }
        var params = params("in-progress");
        params.put("Digits", digits.toString());
        receive(signedPost(ownUrl(current.action()), params));
        return this;
    }

    /** Types nothing until the Gather times out: Twilio goes on with the Redirect (a POST without Digits). */
    @Override
    public TwilioPlayer silence() {
        gather();
        receive(signedPost(ownUrl(current.redirect()), params("in-progress")));
        return this;
    }

    /** Twilio's status callback with CallStatus completed: the caller hung up. Must be answered 204. */
    @Override
    public void hangUp() {
        hangUp("completed");
    }

    /** Twilio's status callback with this final CallStatus (busy, failed, no-answer, canceled, completed). */
    public void hangUp(String callStatus) {
        var response = status(callStatus);
        assertEquals(204, response.statusCode(), response::body);
    }

    /** Twilio's status callback with this CallStatus, answered as it is (not checked). */
    public HttpResponse<String> status(String callStatus) {
        var params = params(callStatus);
        params.put("CallDuration", "12");
        return signedPost(base.resolve("webhooks/twilio/status"), params).send();
    }

    /**
     * Sends the last webhook again exactly as it was sent, same URL, body and signature (as Twilio's retry or an
     * eavesdropper's replay would); the call does not move on. The answer is returned unchecked.
     */
    public HttpResponse<String> replay() {
        assertNotNull(last, "nothing sent yet");
        return last.send();
    }

    /**
     * POSTs these parameters to this URL as a Twilio webhook, signed with {@code signature} (null: unsigned), for
     * tests of what Twilio would never send (forged, altered, garbled); the call does not move on and the answer is
     * returned unchecked. {@link #params} and {@link #sign} make the parts.
     */
    public static HttpResponse<String> post(URI url, Map<String, String> params, String signature) {
        return new Request("POST", url, form(params), signature).send();
    }

    /** POSTs these parameters to this URL signed rightly with the test servers' token; the answer unchecked. */
    public HttpResponse<String> postSigned(URI url, Map<String, String> params) {
        return signedPost(url, params).send();
    }

    /** The X-Twilio-Signature of these parameters POSTed to this URL, with this call's auth token. */
    public String sign(URI url, Map<String, String> params) {
        return WebhookSigner.twilio(authToken, url.toString(), params);
    }

    /** The parameters Twilio sends with every webhook of this call, with this CallStatus (a copy to change). */
    public Map<String, String> params(String callStatus) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", callStatus);
        params.put("Direction", "inbound");
        if (from != null) {
            params.put("From", from);
            params.put("Caller", from);
        }
        params.put("To", to);
        params.put("Called", to);
        return params;
    }

    /** The Gather's action: where the caller's keys go next. */
    public URI actionUrl() {
        gather();
        return URI.create(current.action());
    }

    /** A call id as Twilio makes them: "CA" and 32 lower-case hex digits. */
    public static String newCallSid() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "CA" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Each of these calls types its digits into its current step, all at once from {@code threads} client threads:
     * call {@code i}'s webhook goes to {@code nodes.get(i % nodes.size())} (the action's path on that node, as a load
     * balancer would send it, signed for the URL requested), or to the action itself when {@code nodes} is empty.
     * The calls do not move on; every answer (each asserted to be a 200) is returned in the calls' order.
     */
    public static List<HttpResponse<String>> pressConcurrently(List<TwilioPlayer> calls, List<String> digits,
            int threads, List<URI> nodes) {
        var presses = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < calls.size(); i++) {
            var call = calls.get(i);
            var action = call.actionUrl();
            var url = nodes.isEmpty() ? action : nodes.get(i % nodes.size()).resolve(action.getRawPath());
            var params = call.params("in-progress");
            params.put("Digits", digits.get(i));
            var request = call.signedPost(url, params);
            presses.add(request::send);
        }
        var responses = Parallel.run(threads, presses);
        responses.forEach(answer -> assertEquals(200, answer.statusCode(), answer::body));
        return responses;
    }

    @Override
    public String heard() {
        return current.speech();
    }

    @Override
    public String heardSoFar() {
        return transcript.stream().map(CodesHeard::saidInTwiml).collect(Collectors.joining(" "));
    }

    @Override
    public List<String> spokenCodes() {
        return spokenCodesIn(heard());
    }

    @Override
    public TwilioPlayer assertThreeWrongPinsEndTheCallPolitely(String base32Secret) {
        CallPlayer.super.assertThreeWrongPinsEndTheCallPolitely(base32Secret);
        return this;
    }

    /** Fails if any code of this seed is in this answer (TwiML, a problem, anything a client is given). */
    public static void assertNoCodeIn(HttpResponse<String> response, String base32Secret) {
        CodesHeard.assertNoneSaid(CodesHeard.codesOf(base32Secret, ServerClock.now().getEpochSecond()),
                response.body());
    }

    @Override
    public boolean ended() {
        return !current.listens();
    }

    /** The last TwiML reply, parsed. */
    public TwimlRules.Twiml twiml() {
        return current;
    }

    /** Every TwiML reply of this call, as sent. */
    public List<String> transcript() {
        return List.copyOf(transcript);
    }

    @Override
    public Instant sentAt() {
        return sentAt;
    }

    @Override
    public Instant answeredAt() {
        return answeredAt;
    }

    private Map<String, String> gather() {
        assertTrue(current.listens(), () -> "the TwiML gathers nothing; it said: " + heard());
        return current.gather();
    }

    /** A URL the TwiML named, which must be this server's. */
    private URI ownUrl(String url) {
        var uri = URI.create(url);
        assertEquals(base.getAuthority(), uri.getAuthority(), "the TwiML's URLs point at this server");
        return uri;
    }

    private Request signedPost(URI url, Map<String, String> params) {
        return new Request("POST", url, form(params), sign(url, params));
    }

    private void receive(Request request) {
        last = request;
        sentAt = Instant.now();
        var response = request.send();
        answeredAt = Instant.now();
        assertEquals(200, response.statusCode(),
                () -> "webhook answered " + response.statusCode() + ": " + response.body());
        var contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(CONTENT_TYPE.matcher(contentType).matches(),
                () -> "TwiML is application/xml;charset=UTF-8, not " + contentType);
        assertTrue(String.join(",", response.headers().allValues("Cache-Control")).contains("no-store"),
                () -> "TwiML may speak a live code: Cache-Control no-store, not " + response.headers().map());
        var problems = TwimlRules.problems(response.body());
        assertTrue(problems.isEmpty(), () -> "invalid TwiML " + response.body() + ": " + problems);
        current = TwimlRules.read(response.body());
        transcript.add(response.body());
    }

    // the webhooks' shapes, shared by both modes

    /** These parameters form-encoded (UTF-8), as Twilio sends them in a POST body or a GET's query. */
    public static String form(Map<String, String> params) {
        return params.entrySet().stream().map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static List<String> spokenCodesIn(String speech) {
        var codes = new ArrayList<String>();
        var matcher = SPOKEN_DIGITS.matcher(speech);
        while (matcher.find()) {
            codes.add(matcher.group().replace(", ", ""));
        }
        return codes;
    }

    /** Lean mode, signed with this auth token: see {@link Lean}. */
    public static Lean lean(String authToken) {
        return new Lean(authToken);
    }

    /**
     * Webhooks for load (the benchmark): the same shapes, client and signatures as a checked call, but nothing is
     * checked and nothing kept; a webhook that cannot be sent is an answer with status -1. Thread-safe.
     */
    public static final class Lean {

        private final String authToken;

        private Lean(String authToken) {
            this.authToken = authToken;
        }

        /** The Voice URL as Twilio calls it by default: a form POST ({@code callSid} from {@link #newCallSid}). */
        public Answer voice(URI base, String callSid, String from, String to) {
            return send(base.resolve("webhooks/twilio/voice"), params(callSid, from, to, "ringing"));
        }

        /**
         * What the caller typed, POSTed to the action the last TwiML named ({@link Answer#action()}); null or empty
         * {@code digits}: nothing typed, as Twilio's Redirect after a Gather timeout sends it.
         */
        public Answer gather(URI action, String callSid, String from, String to, String digits) {
            var params = params(callSid, from, to, "in-progress");
            if (digits != null && !digits.isEmpty()) {
                params.put("Digits", digits);
            }
            return send(action, params);
        }

        /** A status callback (e.g. completed when the caller hangs up). */
        public Answer status(URI base, String callSid, String from, String to, String callStatus) {
            return send(base.resolve("webhooks/twilio/status"), params(callSid, from, to, callStatus));
        }

        private static Map<String, String> params(String callSid, String from, String to, String callStatus) {
            var params = new LinkedHashMap<String, String>();
            params.put("AccountSid", ACCOUNT_SID);
            params.put("CallSid", callSid);
            params.put("CallStatus", callStatus);
            params.put("Direction", "inbound");
            if (from != null) {
                params.put("From", from);
            }
            params.put("To", to);
            return params;
        }

        private Answer send(URI url, Map<String, String> params) {
            var request = new Request("POST", url, form(params),
                    WebhookSigner.twilio(authToken, url.toString(), params));
            return Http.timed(request::send, Answer::new);
        }
    }

    /** One lean webhook's answer and how long it took, send to last byte. */
    public record Answer(int status, String body, long nanos) {

        /** A 200 with TwiML (a status callback's 204 is not ok here: check its status). */
        public boolean ok() {
            return status == 200 && body.contains("<Response>");
        }

        /** The Gather's action URL, or null when the TwiML ends the call (or the answer is no TwiML). */
        public URI action() {
            var twiml = twiml();
            return twiml == null || twiml.action() == null ? null : URI.create(twiml.action());
        }

        /** The codes read out in the Say texts (none when the answer is no TwiML). */
        public List<String> spokenCodes() {
            var twiml = twiml();
            return twiml == null ? List.of() : spokenCodesIn(twiml.speech());
        }

        /** The body read as XML by {@link TwimlRules#read}, or null when it is none (an error, a problem+json). */
        private TwimlRules.Twiml twiml() {
            if (status != 200 || body == null) {
                return null;
            }
            try {
                return TwimlRules.read(body);
            } catch (IllegalArgumentException notXml) {
                return null;
            }
        }

        public boolean says(String words) {
            return body.contains(words);
        }
    }

    /** For a test's failure message: never more than the call's id. */
    @Override
    public String toString() {
        return "TwilioPlayer[" + callSid + "]";
    }
}
