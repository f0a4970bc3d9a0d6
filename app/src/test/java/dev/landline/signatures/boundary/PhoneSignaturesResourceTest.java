package dev.landline.signatures.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.BadRequest;
import dev.landline.signatures.control.Payload;
import dev.landline.signatures.control.TwilioSignature;
import dev.landline.signatures.control.Verdict;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookRequest;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The browser phone's signatures: a Vonage token for exactly the webhook it will send, a Twilio signature the
 * server's own check accepts for exactly that path and form body, or none when none is needed; bad requests are
 * refused.
 */
class PhoneSignaturesResourceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String BODY = "{\"uuid\":\"call-1\",\"dtmf\":{\"digits\":\"1\",\"timed_out\":false}}";
    static final String SECRET = "browser-phone-test-secret";
    static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    /** The admin API's base as a request to it sees it; the webhooks are one level up. */
    static final URI API = URI.create("http://127.0.0.1:8080/landline/api/");
    static final String FORM = "CallSid=CA0123456789abcdef0123456789abcdef&From=%2B447700900123&To=%2B442079460000"
            + "&Digits=480261&CallStatus=in-progress";

    private static PhoneSignaturesResource resource(String secret) {
        return resource(secret, AUTH_TOKEN, null);
    }

    private static PhoneSignaturesResource resource(String secret, String authToken, String publicBaseUrl) {
        var resource = new PhoneSignaturesResource();
        resource.signature = VonageSignature.of(secret, 300);
        resource.twilio = TwilioSignature.of(authToken, false, publicBaseUrl);
        resource.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return resource;
    }

    private static PhoneSigningRequest vonage(String method, String query, String body) {
        return new PhoneSigningRequest(null, method, query, body, null);
    }

    private static PhoneSigningRequest twilio(String path, String body) {
        return new PhoneSigningRequest("twilio", "POST", null, body, path);
    }

    /** A Twilio webhook as the signed-webhook filter hands it to the check: its URI, its body, the webhooks' base. */
    private static WebhookRequest received(String path, String body) {
        return new WebhookRequest(URI.create("http://127.0.0.1:8080/landline/" + path),
                body.getBytes(StandardCharsets.UTF_8), URI.create("http://127.0.0.1:8080/landline/webhooks/"));
    }

    @Test
    void withASecretThePostBodyIsSignedForAMinuteAndTheServerAcceptsIt() {
        var signed = resource(SECRET).sign(vonage("POST", null, BODY), API);
        assertTrue(signed.signed());
        assertEquals(NOW.plusSeconds(60), signed.expiresAt());
        assertTrue(signed.authorization().startsWith("Bearer "));
        assertNull(signed.twilioSignature());
        var check = VonageSignature.of(SECRET, 300);
        assertEquals(Verdict.VALID, check.verify(signed.authorization(),
                Payload.body(BODY.getBytes(StandardCharsets.UTF_8)), NOW));
        assertFalse(signed.toString().contains(signed.authorization().substring(7)), "toString hides the token");
    }

    @Test
    void withASecretTheGetQueryIsSigned() {
        var query = "uuid=call-1&conversation_uuid=CON-1&from=447700900123&to=442079460000";
        var signed = resource(SECRET).sign(vonage("GET", query, null), API);
        var check = VonageSignature.of(SECRET, 300);
        assertEquals(Verdict.VALID, check.verify(signed.authorization(), Payload.query(query), NOW));
    }

    @Test
    void withoutASecretNothingIsSignedAndThePhoneSendsNoToken() {
        var unsigned = resource(null).sign(vonage("POST", null, BODY), API);
        assertFalse(unsigned.signed());
        assertNull(unsigned.authorization());
        assertNull(unsigned.expiresAt());
    }

    @Test
    void aPostWithoutItsBodyIsABadRequest() {
        var error = assertThrows(BadRequest.class, () -> resource(SECRET).sign(vonage("POST", null, null), API));
        assertEquals("body", error.field());
    }

    @Test
    void aVonageWebhookIsNotSignedWithAPath() {
        var request = new PhoneSigningRequest("vonage", "POST", null, BODY, "webhooks/twilio/voice");
        assertEquals("path", assertThrows(BadRequest.class, () -> resource(SECRET).sign(request, API)).field());
    }

    @Test
    void aTwilioFormIsSignedSoThatTheServersOwnCheckAcceptsItAtThatPathOnly() {
        var signed = resource(SECRET).sign(twilio("webhooks/twilio/gather/tok-EN_1", FORM), API);
        assertTrue(signed.signed());
        assertNull(signed.authorization(), "not a Vonage token");
        assertNull(signed.expiresAt(), "Twilio's signatures carry no time");
        var check = TwilioSignature.of(AUTH_TOKEN, false, null);
        assertEquals(Verdict.VALID, check.verify(signed.twilioSignature(),
                received("webhooks/twilio/gather/tok-EN_1", FORM), NOW));
        assertEquals(Verdict.BAD_SIGNATURE, check.verify(signed.twilioSignature(),
                received("webhooks/twilio/gather/tok-EN_2", FORM), NOW), "the path is signed");
        assertEquals(Verdict.BAD_SIGNATURE, check.verify(signed.twilioSignature(),
                received("webhooks/twilio/gather/tok-EN_1", FORM.replace("480261", "480262")), NOW),
                "every parameter is signed");
        assertEquals(Verdict.BAD_SIGNATURE, TwilioSignature.of("another-token", false, null)
                .verify(signed.twilioSignature(), received("webhooks/twilio/gather/tok-EN_1", FORM), NOW));
        assertFalse(signed.toString().contains(signed.twilioSignature()), "toString hides the signature");
    }

    @Test
    void behindAProxyTheTwilioSignatureCoversThePublicUrlAsTheCheckRebuildsIt() {
        var publicBase = "https://calls.example.org/landline";
        var signed = resource(SECRET, AUTH_TOKEN, publicBase).sign(twilio("webhooks/twilio/voice", FORM), API);
        assertEquals(Verdict.VALID, TwilioSignature.of(AUTH_TOKEN, false, publicBase)
                .verify(signed.twilioSignature(), received("webhooks/twilio/voice", FORM), NOW));
        assertEquals(Verdict.BAD_SIGNATURE, TwilioSignature.of(AUTH_TOKEN, false, null)
                .verify(signed.twilioSignature(), received("webhooks/twilio/voice", FORM), NOW),
                "not the address the server was reached at");
        var direct = resource(SECRET).sign(twilio("webhooks/twilio/voice", FORM), API);
        assertNotEquals(direct.twilioSignature(), signed.twilioSignature());
    }

    @Test
    void withoutAnAuthTokenNoTwilioSignatureIsMade() {
        var unsigned = resource(SECRET, null, null).sign(twilio("webhooks/twilio/voice", FORM), API);
        assertFalse(unsigned.signed());
        assertNull(unsigned.twilioSignature());
    }

    @Test
    void aTwilioRequestNeedsAPostAPathAndAFormBodyAndNoQuery() {
        var resource = resource(SECRET);
        assertEquals("method", assertThrows(BadRequest.class, () -> resource.sign(
                new PhoneSigningRequest("twilio", "GET", null, FORM, "webhooks/twilio/voice"), API)).field());
        assertEquals("path", assertThrows(BadRequest.class, () -> resource.sign(
                new PhoneSigningRequest("twilio", "POST", null, FORM, null), API)).field());
        assertEquals("query", assertThrows(BadRequest.class, () -> resource.sign(
                new PhoneSigningRequest("twilio", "POST", "CallSid=CA1", FORM, "webhooks/twilio/voice"), API)).field());
        assertEquals("body", assertThrows(BadRequest.class, () -> resource.sign(
                twilio("webhooks/twilio/voice", null), API)).field());
    }

    @Test
    void aTwilioBodyThatIsNoFormOrNamesAParameterTwiceIsABadRequestThatRepeatsNoDigits() {
        var resource = resource(SECRET);
        var repeated = assertThrows(BadRequest.class,
                () -> resource.sign(twilio("webhooks/twilio/voice", FORM + "&Digits=999999"), API));
        assertEquals("body", repeated.field());
        assertFalse(repeated.getMessage().contains("480261") || repeated.getMessage().contains("999999"));
        var broken = assertThrows(BadRequest.class,
                () -> resource.sign(twilio("webhooks/twilio/voice", "Digits=48%zz61"), API));
        assertEquals("body", broken.field());
        assertFalse(broken.getMessage().contains("48"), broken.getMessage());
    }

    @Test
    void onlyPathsUnderTheTwilioWebhooksMayBeNamed() throws ReflectiveOperationException {
        for (var allowed : new String[] {"webhooks/twilio/voice", "webhooks/twilio/status",
                "webhooks/twilio/gather/Zm9v_YmFy-42"}) {
            assertTrue(matches("path", allowed), allowed);
        }
        for (var refused : new String[] {"webhooks/answer", "webhooks/input/abc", "webhooks/twilio",
                "webhooks/twilio/", "webhooks/twilio/../answer", "webhooks/twilio/%2e%2e/answer",
                "webhooks/twilio/voice?From=1", "webhooks/twilio//voice", "/webhooks/twilio/voice",
                "https://elsewhere.example/webhooks/twilio/voice", "webhooks/twilio/voice/", "api/callers",
                "webhooks/twilio/voice\n"}) {
            assertFalse(matches("path", refused), refused);
        }
        assertTrue(matches("provider", "vonage"));
        assertTrue(matches("provider", "twilio"));
        assertFalse(matches("provider", "Twilio"));
        assertFalse(matches("provider", ""));
    }

    @Test
    void theRequestsToStringShowsNeitherBodyNorPath() {
        var text = twilio("webhooks/twilio/gather/secret-token", FORM).toString();
        assertFalse(text.contains("480261") || text.contains("secret-token"), text);
        assertTrue(text.contains("twilio"), text);
    }

    /** Whether Bean Validation's {@code @Pattern} on the record's component accepts the value (whole-string match). */
    private static boolean matches(String component, String value) throws ReflectiveOperationException {
        var pattern = PhoneSigningRequest.class.getDeclaredField(component).getAnnotation(Pattern.class);
        return java.util.regex.Pattern.compile(pattern.regexp()).matcher(value).matches();
    }
}
