package dev.landline.it;

import static dev.landline.testkit.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.CodesHeard;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.WebhookSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A smoke test of Twilio's webhooks on the deployed WAR: signed form posts (and a GET) as Twilio sends them, answered
 * with TwiML, read back with the JDK's DOM parser; unsigned and forged ones refused. The full Twilio call suite
 * plays calls with the test kit's Twilio player; this only shows the wire works end to end.
 */
class TwilioWebhooksIT extends OnPayaraMicro {

    private static final String TO = "+442079460000";
    private static final String PIN = "258036";
    /** 2026-01-01T00:00:10Z: 20 seconds left in its 30-second step. */
    private static final Instant MID_STEP = Instant.parse("2026-01-01T00:00:10Z");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void standAtAFixedInstant() {
        fixtures.clockAt(MID_STEP);
    }

    @Test
    void aSignedCallIsAnsweredWithTwimlAndReadsTheRightCodeDigitByDigit() throws Exception {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ada", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "ada", ReferenceOtp.RFC_SECRET);
        var sid = callSid();

        var answer = post("webhooks/twilio/voice", Map.of("CallSid", sid, "AccountSid", "AC" + "0".repeat(32),
                "From", "+" + phone, "To", TO, "CallStatus", "ringing", "Direction", "inbound"));
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("application/xml;charset=UTF-8", answer.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertTrue(answer.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        var gather = gatherOf(answer);
        assertTrue(said(gather).contains("PIN") && !said(gather).contains("account number"), answer.body());
        assertEquals("#", gather.getAttribute("finishOnKey"));
        var action = gather.getAttribute("action");
        assertTrue(action.startsWith(base.resolve("webhooks/twilio/gather/").toString()), action);

        var code = post(URI.create(action), Map.of("CallSid", sid, "Digits", PIN + "#"));
        assertEquals(200, code.statusCode(), code::body);
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        var menu = gatherOf(code);
        var heard = said(menu);
        assertTrue(heard.contains(String.join(", ", expected.split(""))), heard);
        assertEquals(List.of(expected, expected), CodesHeard.numbersIn(heard).stream()
                .filter(number -> number.length() == 6).toList(), heard);
        assertEquals("", menu.getAttribute("finishOnKey"), "a one-key menu");

        var replayed = post(URI.create(action), Map.of("CallSid", sid, "Digits", PIN + "#"));
        assertProblem(403, replayed);
        CodesHeard.assertNoneSaid(List.of(expected), replayed.body());

        var timedOut = post(URI.create(redirectOf(code)), Map.of("CallSid", sid));
        assertEquals(200, timedOut.statusCode(), timedOut::body);
        assertTrue(said(gatherOf(timedOut)).contains("did not get that"), "the Redirect is nothing typed: "
                + timedOut.body());

        var over = post("webhooks/twilio/status", Map.of("CallSid", sid, "CallStatus", "completed"));
        assertEquals(204, over.statusCode(), over::body);
        assertProblem(403, post(URI.create(gatherOf(timedOut).getAttribute("action")),
                Map.of("CallSid", sid, "Digits", "1")));
        assertEquals("ENDED", fixtures.call(sid).getJsonArray("values").getString(0));
    }

    @Test
    void aGermanCallerHearsGermanInAGermanVoiceAndTheRightCodeDigitByDigit() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.callerSpeaking("de-DE", "Dora", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "Sparkasse", "dora", ReferenceOtp.RFC_SECRET);
        var sid = callSid();

        var answer = post("webhooks/twilio/voice", Map.of("CallSid", sid, "From", "+" + phone, "To", TO));
        var gather = gatherOf(answer);
        assertEquals("Willkommen bei Landline Authenticator. Bitte geben Sie Ihre PIN ein und drücken Sie dann die"
                + " Rautetaste. ", said(gather));
        assertEquals(List.of("de-DE"), languages(gather));

        var code = gatherOf(post(URI.create(gather.getAttribute("action")), Map.of("CallSid", sid, "Digits", PIN)));
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        var digits = String.join(", ", expected.split(""));
        assertEquals("Sparkasse. Ihr Code lautet " + digits + ". Noch einmal: " + digits + ". Er ist 20 Sekunden"
                + " gültig. Drücken Sie die 1, um ihn noch einmal zu hören, oder legen Sie einfach auf. ", said(code));
        assertEquals(List.of("de-DE"), languages(code));
    }

    /** The languages of the Says of an element. */
    private static List<String> languages(Element parent) {
        var says = parent.getElementsByTagName("Say");
        var languages = new ArrayList<String>();
        for (int i = 0; i < says.getLength(); i++) {
            var language = ((Element) says.item(i)).getAttribute("language");
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        return languages;
    }

    @Test
    void aCallerWithoutAPhoneNumberIsAskedForTheAccountNumberAlsoByGet() {
        for (var from : List.of("anonymous", "client:alice", "sip:alice@example.com", "", "client:" + "a".repeat(100),
                "+266696687")) {
            var query = form(Map.of("CallSid", callSid(), "From", from, "To", TO));
            var url = base.resolve("webhooks/twilio/voice?" + query);
            var answer = send("GET", url, null, null, WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN,
                    url.toString(), Map.of()));
            assertEquals(200, answer.statusCode(), answer::body);
            assertTrue(said(gatherOf(answer)).contains("account number"), from + ": " + answer.body());
        }
    }

    @Test
    void aKnownCallerCallingByGetIsAskedForThePinAndHearsTheCode() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Cy", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "cy", ReferenceOtp.RFC_SECRET);
        var sid = callSid();
        var url = base.resolve("webhooks/twilio/voice?" + form(Map.of("CallSid", sid, "From", "+" + phone, "To", TO,
                "CallStatus", "ringing")));
        var answer = send("GET", url, null, null, WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN,
                url.toString(), Map.of()));
        assertEquals(200, answer.statusCode(), answer::body);
        var gather = gatherOf(answer);
        assertTrue(said(gather).contains("PIN"), answer.body());
        var code = post(URI.create(gather.getAttribute("action")), Map.of("CallSid", sid, "Digits", PIN + "#"));
        assertEquals(200, code.statusCode(), code::body);
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        assertTrue(said(gatherOf(code)).contains(String.join(", ", expected.split(""))), code::body);
    }

    @Test
    void theFirstGatherWithAnotherCallsSidIsRefusedAndChangesNothing() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Dee", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "dee", ReferenceOtp.RFC_SECRET);
        var sid = callSid();
        var other = callSid();
        var answer = post("webhooks/twilio/voice", Map.of("CallSid", sid, "From", "+" + phone, "To", TO));
        var action = URI.create(gatherOf(answer).getAttribute("action"));
        var before = fixtures.counts();

        assertProblem(403, post(action, Map.of("CallSid", other, "Digits", PIN + "#")));
        assertProblem(403, post(action, Map.of("CallSid", other)));
        assertEquals(before, fixtures.counts(), "no call row, no PIN charged, nothing audited");
        assertEquals(0, fixtures.call(sid).size(), "nothing stored for the call whose token it is");
        assertEquals(0, fixtures.call(other).size(), "nor for the other call");

        var code = post(action, Map.of("CallSid", sid, "Digits", PIN + "#"));
        assertEquals(200, code.statusCode(), code::body);
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        assertTrue(said(gatherOf(code)).contains(String.join(", ", expected.split(""))),
                "the token still opens its own call: " + code.body());
    }

    @Test
    void aBodyOverSixteenKilobytesIsRefusedWith413() {
        var padding = "x".repeat(16 * 1024);
        assertProblem(413, post("webhooks/twilio/voice", Map.of("CallSid", callSid(), "Padding", padding)));
        assertProblem(413, post("webhooks/twilio/status", Map.of("CallSid", callSid(), "CallStatus", "completed",
                "Padding", padding)));
    }

    @Test
    void unsignedForgedOrAlteredWebhooksAreRefusedWith403() {
        var params = Map.of("CallSid", callSid(), "From", "+" + Fixtures.uniquePhone(), "To", TO);
        var url = base.resolve("webhooks/twilio/voice");
        var type = "application/x-www-form-urlencoded";
        assertProblem(403, send("POST", url, type, form(params), null));
        assertProblem(403, send("POST", url, type, form(params),
                WebhookSigner.twilio("0".repeat(32), url.toString(), params)));
        var altered = new LinkedHashMap<>(params);
        altered.put("From", "+447700900999");
        assertProblem(403, send("POST", url, type, form(altered),
                WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN, url.toString(), params)));
        var status = base.resolve("webhooks/twilio/status");
        assertProblem(403, send("POST", status, type, form(Map.of("CallSid", callSid(), "CallStatus", "completed")),
                null));
    }

    @Test
    void malformedSignedRequestsAreProblemsNeverServerErrors() {
        assertProblem(400, post("webhooks/twilio/voice", Map.of("From", "+447700900123")));
        assertProblem(400, post("webhooks/twilio/voice", Map.of("CallSid", "CA-not-a-sid")));
        assertProblem(400, post("webhooks/twilio/status", Map.of("CallStatus", "completed")));
        var url = base.resolve("webhooks/twilio/voice");
        var json = "{\"CallSid\":\"CA1\"}";
        // signed as Twilio's validator reads any body: as a form (here one parameter named by the whole JSON)
        assertProblem(415, send("POST", url, "application/json", json,
                WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN, url.toString(), Map.of(json, ""))));
    }

    private static String callSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private HttpResponse<String> post(String path, Map<String, String> params) {
        return post(base.resolve(path), params);
    }

    /** A form POST signed as Twilio signs it, with the test servers' auth token. */
    private static HttpResponse<String> post(URI url, Map<String, String> params) {
        return send("POST", url, "application/x-www-form-urlencoded", form(params),
                WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN, url.toString(), params));
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(String method, URI url, String type, String body, String signature) {
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The verbs of a TwiML reply, which must be Gather then Redirect to its action. */
    private static List<Element> verbs(HttpResponse<String> response) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    response.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertEquals("Response", root.getTagName(), response::body);
            var verbs = new ArrayList<Element>();
            for (var node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    verbs.add(element);
                }
            }
            return verbs;
        } catch (Exception e) {
            throw new AssertionError("not TwiML: " + response.body(), e);
        }
    }

    private static Element gatherOf(HttpResponse<String> response) {
        var verbs = verbs(response);
        assertEquals(List.of("Gather", "Redirect"), verbs.stream().map(Element::getTagName).toList(),
                response::body);
        assertEquals(verbs.get(0).getAttribute("action"), verbs.get(1).getTextContent(), response::body);
        return verbs.get(0);
    }

    private static String redirectOf(HttpResponse<String> response) {
        return verbs(response).get(1).getTextContent();
    }

    /** What the Says of an element say, one after the other. */
    private static String said(Element parent) {
        var says = parent.getElementsByTagName("Say");
        var text = new StringBuilder();
        for (int i = 0; i < says.getLength(); i++) {
            text.append(says.item(i).getTextContent()).append(' ');
        }
        return text.toString();
    }
}
