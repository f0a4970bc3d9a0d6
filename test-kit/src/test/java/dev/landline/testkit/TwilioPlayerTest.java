package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The player does on the wire what Twilio does, against a fake service written from the contract: form POSTs signed
 * over URL and sorted parameters (checked here with javax.crypto directly), keys sent to the Gather's action up to
 * finishOnKey or numDigits, the Redirect when nothing is typed, the status callback on hang-up, every reply checked.
 */
class TwilioPlayerTest {

    private static final String TOKEN = TestCredentials.TWILIO_AUTH_TOKEN;
    private static final String CODE_SAID = "GitHub. Your code is 2, 8, 7, 0, 8, 2. Again: 2, 8, 7, 0, 8, 2."
            + " It is valid for 17 seconds.";

    /** One webhook the fake received, its signature already checked. */
    record Received(String method, String path, Map<String, String> params, String signature, String body) {
    }

    private final List<Received> received = new ArrayList<>();
    private HttpServer server;
    private URI base;
    private String voiceReply;
    private String voiceContentType = "application/xml;charset=UTF-8";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks/twilio/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        voiceReply = listening("t1", "16", "#", "Please enter your PIN, then press the hash key.");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String listening(String token, String numDigits, String finishOnKey, String said) {
        var action = base + "webhooks/twilio/gather/" + token;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather input=\"dtmf\" numDigits=\"" + numDigits
                + "\" finishOnKey=\"" + finishOnKey + "\" timeout=\"10\" action=\"" + action + "\" method=\"POST\">"
                + "<Say language=\"en-GB\">" + said + "</Say></Gather><Redirect method=\"POST\">" + action
                + "</Redirect></Response>";
    }

    private static String ending(String said) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"en-GB\">" + said
                + "</Say><Hangup/></Response>";
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var uri = exchange.getRequestURI();
        var url = "http://127.0.0.1:" + server.getAddress().getPort() + uri;
        var params = new TreeMap<String, String>();
        for (var pair : (exchange.getRequestMethod().equals("GET") ? "" : body).split("&")) {
            if (!pair.isEmpty()) {
                var equals = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        var signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
        if (!expectedSignature(url, params).equals(signature)) {
            reply(exchange, 403, "application/problem+json", "{\"status\":403}");
            return;
        }
        received.add(new Received(exchange.getRequestMethod(), uri.getPath(), params, signature, body));
        var path = uri.getPath();
        var digits = params.get("Digits");
        if (path.equals("/webhooks/twilio/voice")) {
            reply(exchange, 200, voiceContentType, voiceReply);
        } else if (path.equals("/webhooks/twilio/gather/t1")) {
            reply(exchange, 200, "application/xml;charset=UTF-8", digits == null
                    ? listening("t1", "16", "#", "Sorry, I did not get that. Please enter your PIN.")
                    : listening("t2", "1", "", "For GitHub, press 1."));
        } else if (path.equals("/webhooks/twilio/gather/t2")) {
            reply(exchange, 200, "application/xml;charset=UTF-8", ending(CODE_SAID));
        } else if (path.equals("/webhooks/twilio/status")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            reply(exchange, 404, "application/problem+json", "{\"status\":404}");
        }
    }

    /** Twilio's algorithm written out again, so the player's signatures are checked by other code than its own. */
    private static String expectedSignature(String url, TreeMap<String, String> params) {
        try {
            var data = new StringBuilder(url);
            params.forEach((name, value) -> data.append(name).append(value));
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Received last() {
        return received.get(received.size() - 1);
    }

    @Test
    void aCallPostsSignedFormsToTheVoiceUrlThenToEachGatherActionAndHangsUpWithAStatusCallback() {
        var call = TwilioPlayer.dial(base, TOKEN, "+447700900123", "+442079460000");
        var answer = last();
        assertEquals("POST", answer.method());
        assertEquals("/webhooks/twilio/voice", answer.path());
        assertTrue(answer.params().get("CallSid").matches("CA[0-9a-f]{32}"), answer.params()::toString);
        assertEquals(call.callSid, answer.params().get("CallSid"));
        assertEquals("+447700900123", answer.params().get("From"));
        assertEquals("+442079460000", answer.params().get("To"));
        assertEquals("ringing", answer.params().get("CallStatus"));
        assertFalse(answer.params().containsKey("Digits"));
        assertTrue(call.heard().contains("PIN"), call.heard());

        call.press("123456#");
        assertEquals("/webhooks/twilio/gather/t1", last().path());
        assertEquals("123456", last().params().get("Digits"), "Twilio leaves the finishOnKey out");
        assertEquals(call.callSid, last().params().get("CallSid"));
        assertFalse(call.ended());

        call.press("1");
        assertEquals("/webhooks/twilio/gather/t2", last().path());
        assertEquals("1", last().params().get("Digits"));
        assertTrue(call.ended());
        assertEquals(List.of("287082", "287082"), call.spokenCodes());
        assertThrows(AssertionFailedError.class, () -> call.assertNoCodeHeard("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                "287082 is counter 1 of RFC 4226's seed: heard");

        call.hangUp();
        assertEquals("/webhooks/twilio/status", last().path());
        assertEquals("completed", last().params().get("CallStatus"));
        assertEquals(4, received.size());
    }

    @Test
    void silenceOrAHashAloneFollowsTheRedirectWithoutDigits() {
        var call = TwilioPlayer.dial(base, TOKEN, "+447700900123", "+442079460000");
        call.silence();
        assertEquals("/webhooks/twilio/gather/t1", last().path());
        assertNull(last().params().get("Digits"));
        assertTrue(call.heard().startsWith("Sorry, I did not get that."), call.heard());
        call.press("#");
        assertEquals("/webhooks/twilio/gather/t1", last().path());
        assertNull(last().params().get("Digits"), "nothing before the finishOnKey: Twilio runs the Redirect");
        assertEquals(3, received.size());
    }

    @Test
    void keysBeyondNumDigitsAreNotSentAndAOneKeyMenuSendsAHashAsAKey() {
        var call = TwilioPlayer.dial(base, TOKEN, "+447700900123", "+442079460000");
        call.press("12345678901234567890");
        assertEquals("1234567890123456", last().params().get("Digits"), "numDigits=16");
        call.press("#5");
        assertEquals("#", last().params().get("Digits"), "finishOnKey=\"\": '#' is a key like any other");
    }

    @Test
    void aGetDialPutsTheParametersInTheSignedUrl() {
        var call = TwilioPlayer.dial(base, TOKEN, "+447700900123", "+442079460000");
        assertEquals("POST", last().method());
        var get = TwilioPlayer.dialWithGet(base, "+447700900123", "+442079460000");
        assertEquals("GET", last().method());
        assertEquals(List.of(), List.copyOf(last().params().keySet()), "no parameters outside the URL");
        assertTrue(get.heard().contains("PIN"));
        assertFalse(call.callSid.equals(get.callSid));
    }

    @Test
    void aReplayIsTheSameRequestAgainAndTheCallStaysWhereItWas() {
        var call = TwilioPlayer.dial(base, TOKEN, "+447700900123", "+442079460000").press("123456#");
        var first = last();
        assertEquals(200, call.replay().statusCode());
        var again = last();
        assertEquals(first.path(), again.path());
        assertEquals(first.body(), again.body());
        assertEquals(first.signature(), again.signature());
        assertTrue(call.heard().contains("For GitHub"), "the call did not move on: " + call.heard());
    }

    @Test
    void aForgedOrAlteredWebhookIsWhatTheTestSendsAndAnotherTokenIsNotTwilios() {
        var call = TwilioPlayer.dial(base, TOKEN, "+447700900123", "+442079460000");
        var params = call.params("in-progress");
        params.put("Digits", "123456");
        var action = call.actionUrl();
        var signature = call.sign(action, params);
        assertEquals(200, TwilioPlayer.post(action, params, signature).statusCode());
        params.put("Digits", "123457");
        assertEquals(403, TwilioPlayer.post(action, params, signature).statusCode(), "altered");
        assertEquals(403, TwilioPlayer.post(action, params, null).statusCode(), "unsigned");
        assertThrows(AssertionFailedError.class, () -> TwilioPlayer.dial(base, "not-the-token", "+447700900123",
                "+442079460000"), "a 403 fails a checked call");
    }

    @Test
    void aReplyBreakingTheContractFailsTheCall() {
        voiceReply = ending(CODE_SAID).replace("<Hangup/>", "<Pause length=\"1\"/><Hangup/>");
        assertThrows(AssertionFailedError.class, () -> TwilioPlayer.dial(base, TOKEN, "+447700900123", "+44207946"));
        voiceReply = ending(CODE_SAID);
        voiceContentType = "text/xml";
        assertThrows(AssertionFailedError.class, () -> TwilioPlayer.dial(base, TOKEN, "+447700900123", "+44207946"));
    }

    @Test
    void theProviderNeutralDialWritesNumbersAsTwilioDoes() {
        CallPlayer.Provider.TWILIO.dial(base, "447700900123", "442079460000");
        assertEquals("+447700900123", last().params().get("From"));
        assertEquals("+442079460000", last().params().get("To"));
        CallPlayer.Provider.TWILIO.dial(base, null, "442079460000");
        assertEquals("anonymous", last().params().get("From"));
        CallPlayer.Provider.TWILIO.dial(base, "client:alice", "442079460000");
        assertEquals("client:alice", last().params().get("From"));
    }

    @Test
    void leanModeSendsTheSameSignedShapesAndReadsTheActionAndCodes() {
        var lean = TwilioPlayer.lean(TOKEN);
        var callSid = TwilioPlayer.newCallSid();
        var answer = lean.voice(base, callSid, "+447700900123", "+442079460000");
        assertTrue(answer.ok(), answer.body());
        assertEquals(URI.create(base + "webhooks/twilio/gather/t1"), answer.action());
        var menu = lean.gather(answer.action(), callSid, "+447700900123", "+442079460000", "123456");
        assertEquals("123456", last().params().get("Digits"));
        var code = lean.gather(menu.action(), callSid, "+447700900123", "+442079460000", "1");
        assertNull(code.action());
        assertEquals(List.of("287082", "287082"), code.spokenCodes());
        assertEquals(204, lean.status(base, callSid, "+447700900123", "+442079460000", "completed").status());
        assertEquals(callSid, last().params().get("CallSid"));
    }
}
