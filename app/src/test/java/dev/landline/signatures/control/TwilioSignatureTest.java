package dev.landline.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Twilio's X-Twilio-Signature, against Twilio's published vector and an oracle written here with javax.crypto. */
class TwilioSignatureTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String TOKEN = "12345";
    static final String VECTOR_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final Map<String, String> VECTOR_PARAMS = vectorParams();
    static final String VECTOR_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    static final String VOICE = "https://landline.example.org/webhooks/twilio/voice";
    static final String REAL_TOKEN = "0123456789abcdef0123456789abcdef";

    private static Map<String, String> vectorParams() {
        // deliberately not in name order
        var params = new LinkedHashMap<String, String>();
        params.put("To", "+18005551212");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("From", "+14158675309");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        return params;
    }

    /** The oracle: Twilio's rule written out again with javax.crypto, not with the class under test. */
    static String oracle(String token, String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form body as Twilio posts it, in the order given. */
    static byte[] form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
    }

    static WebhookRequest post(String url, Map<String, String> params) {
        return new WebhookRequest(URI.create(url), form(params));
    }

    static Map<String, String> call(String digits) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("CallSid", "CA11111111111111111111111111111111");
        params.put("From", "+447700900123");
        params.put("To", "+442079460000");
        params.put("Digits", digits);
        return params;
    }

    @Test
    void twiliosPublishedTestVectorIsAccepted() {
        var twilio = TwilioSignature.of(TOKEN, false, null);
        assertEquals(VECTOR_SIGNATURE, oracle(TOKEN, VECTOR_URL, VECTOR_PARAMS), "the oracle agrees with Twilio");
        assertEquals(Verdict.VALID, twilio.verify(VECTOR_SIGNATURE, post(VECTOR_URL, VECTOR_PARAMS), NOW));
    }

    @Test
    void aSignatureMadeByTheOracleIsAcceptedWithEncodedValues() {
        var params = call("480261#");
        params.put("From", "client:alice smith");
        params.put("CallerName", "Zoë & Co=1");
        var twilio = TwilioSignature.of(REAL_TOKEN, false, null);
        assertEquals(Verdict.VALID, twilio.verify(oracle(REAL_TOKEN, VOICE, params), post(VOICE, params), NOW));
    }

    @Test
    void signingGivesWhatTwilioSendsAndWhatTheCheckAccepts() {
        var twilio = TwilioSignature.of(TOKEN, false, null);
        assertEquals(java.util.Optional.of(VECTOR_SIGNATURE), twilio.sign(post(VECTOR_URL, VECTOR_PARAMS)),
                "Twilio's published vector");
        var params = call("480261");
        params.put("From", "client:alice smith");
        var real = TwilioSignature.of(REAL_TOKEN, false, null);
        var signature = real.sign(post(VOICE, params)).orElseThrow();
        assertEquals(oracle(REAL_TOKEN, VOICE, params), signature);
        assertEquals(Verdict.VALID, real.verify(signature, post(VOICE, params), NOW));
    }

    @Test
    void signingBehindAProxyCoversThePublicUrlAndNothingIsSignedWithoutAToken() {
        var params = call("2");
        var asReceived = new WebhookRequest(URI.create("http://127.0.0.1:8080/webhooks/twilio/voice"), form(params),
                URI.create("http://127.0.0.1:8080/webhooks/"));
        var behindProxy = TwilioSignature.of(REAL_TOKEN, false, "https://calls.example.org/landline/");
        assertEquals(oracle(REAL_TOKEN, "https://calls.example.org/landline/webhooks/twilio/voice", params),
                behindProxy.sign(asReceived).orElseThrow());
        assertEquals(java.util.Optional.empty(), TwilioSignature.of(null, true, null).sign(asReceived));
        assertEquals(java.util.Optional.empty(), TwilioSignature.of(" ", false, null).sign(asReceived));
    }

    @Test
    void aFormThatTheCheckWouldRefuseIsNotSigned() {
        var twilio = TwilioSignature.of(REAL_TOKEN, false, null);
        assertThrows(IllegalArgumentException.class, () -> twilio.sign(new WebhookRequest(URI.create(VOICE),
                "Digits=1&Digits=2".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IllegalArgumentException.class, () -> twilio.sign(new WebhookRequest(URI.create(VOICE),
                "Digits=%zz".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void tamperedParametersAreRefused() {
        var twilio = TwilioSignature.of(TOKEN, false, null);
        var changed = new LinkedHashMap<>(VECTOR_PARAMS);
        changed.put("Digits", "1235");
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(VECTOR_SIGNATURE, post(VECTOR_URL, changed), NOW));
        var added = new LinkedHashMap<>(VECTOR_PARAMS);
        added.put("Extra", "1");
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(VECTOR_SIGNATURE, post(VECTOR_URL, added), NOW));
        var dropped = new LinkedHashMap<>(VECTOR_PARAMS);
        dropped.remove("Caller");
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(VECTOR_SIGNATURE, post(VECTOR_URL, dropped), NOW));
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(VECTOR_SIGNATURE,
                post("https://mycompany.com/myapp.php?foo=1&bar=3", VECTOR_PARAMS), NOW), "the URL is signed too");
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(VECTOR_SIGNATURE,
                post("https://mycompany.com/other.php?foo=1&bar=2", VECTOR_PARAMS), NOW));
    }

    @Test
    void aMissingSignatureIsRefused() {
        var twilio = TwilioSignature.of(TOKEN, false, null);
        assertEquals(Verdict.MISSING, twilio.verify(null, post(VECTOR_URL, VECTOR_PARAMS), NOW));
        assertEquals(Verdict.MISSING, twilio.verify(" ", post(VECTOR_URL, VECTOR_PARAMS), NOW));
        assertEquals(403, twilio.refusalStatus(Verdict.MISSING), "Twilio expects 403, not 401");
    }

    @Test
    void aSignatureMadeWithAnotherTokenIsRefused() {
        var twilio = TwilioSignature.of("54321", false, null);
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(VECTOR_SIGNATURE, post(VECTOR_URL, VECTOR_PARAMS), NOW));
        assertEquals(Verdict.MALFORMED, twilio.verify("A".repeat(200), post(VECTOR_URL, VECTOR_PARAMS), NOW));
    }

    @Test
    void theUrlIsAcceptedWithItsDefaultPortAddedOrRemovedButNotWithAnother() {
        var params = call("1");
        var twilio = TwilioSignature.of(REAL_TOKEN, false, null);
        var signedWithoutPort = oracle(REAL_TOKEN, VOICE, params);
        var withPort = "https://landline.example.org:443/webhooks/twilio/voice";
        assertEquals(Verdict.VALID, twilio.verify(signedWithoutPort, post(withPort, params), NOW));
        assertEquals(Verdict.VALID, twilio.verify(oracle(REAL_TOKEN, withPort, params), post(VOICE, params), NOW));
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(signedWithoutPort,
                post("https://landline.example.org:8443/webhooks/twilio/voice", params), NOW));
        var http = "http://127.0.0.1/webhooks/twilio/voice?step=2";
        assertEquals(Verdict.VALID, twilio.verify(oracle(REAL_TOKEN, "http://127.0.0.1:80/webhooks/twilio/voice?step=2",
                params), post(http, params), NOW));
        assertEquals(Set.of("https://h/p?q=1", "https://h:443/p?q=1"), TwilioSignature.urlVariants("https://h/p?q=1"));
        assertEquals(Set.of("http://h:8080/p"), TwilioSignature.urlVariants("http://h:8080/p"));
    }

    @Test
    void aGetIsSignedOverItsUrlWithTheParametersInTheQuery() {
        var url = VOICE + "?AccountSid=AC0&CallSid=CA1&From=%2B447700900123&To=%2B442079460000";
        var twilio = TwilioSignature.of(REAL_TOKEN, false, null);
        var get = new WebhookRequest(URI.create(url), null);
        assertEquals(Verdict.VALID, twilio.verify(oracle(REAL_TOKEN, url, Map.of()), get, NOW));
        var altered = new WebhookRequest(URI.create(url.replace("900123", "900124")), null);
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(oracle(REAL_TOKEN, url, Map.of()), altered, NOW));
        assertEquals(Verdict.BAD_SIGNATURE, twilio.verify(oracle(REAL_TOKEN, VOICE, Map.of("AccountSid", "AC0",
                "CallSid", "CA1", "From", "+447700900123", "To", "+442079460000")), get, NOW),
                "a GET's parameters are not appended as a POST's are");
    }

    @Test
    void behindAProxyTheUrlIsRebuiltFromThePublicBaseUrl() {
        var params = call("2");
        var signature = oracle(REAL_TOKEN, "https://calls.example.org/landline/webhooks/twilio/input/abc?x=1", params);
        var asReceived = new WebhookRequest(URI.create("http://127.0.0.1:8080/webhooks/twilio/input/abc?x=1"),
                form(params), URI.create("http://127.0.0.1:8080/webhooks/"));
        var behindProxy = TwilioSignature.of(REAL_TOKEN, false, "https://calls.example.org/landline/");
        assertEquals(Verdict.VALID, behindProxy.verify(signature, asReceived, NOW));
        var direct = TwilioSignature.of(REAL_TOKEN, false, null);
        assertEquals(Verdict.BAD_SIGNATURE, direct.verify(signature, asReceived, NOW),
                "without the setting the server's own address is what must have been signed");
        var unusable = TwilioSignature.of(REAL_TOKEN, false, "calls.example.org");
        assertEquals(Verdict.VALID, unusable.verify(oracle(REAL_TOKEN, asReceived.uri().toString(), params),
                asReceived, NOW), "an unusable public base URL is ignored");
    }

    @Test
    void aRepeatedFormParameterIsRefusedWhateverItsSignature() {
        var body = "Digits=1234&CallSid=CA1&Digits=9999".getBytes(StandardCharsets.UTF_8);
        var twilio = TwilioSignature.of(REAL_TOKEN, false, null);
        assertEquals(Verdict.REPEATED_PARAMETER, twilio.verify(oracle(REAL_TOKEN, VOICE,
                Map.of("Digits", "1234", "CallSid", "CA1")), new WebhookRequest(URI.create(VOICE), body), NOW));
        assertEquals(Verdict.MALFORMED, twilio.verify("abc", new WebhookRequest(URI.create(VOICE),
                "Digits=%zz".getBytes(StandardCharsets.UTF_8)), NOW), "a broken escape");
        assertEquals(java.util.Optional.of("a repeated query parameter"), twilio.queryProblem("a=1&b=2&a=3"));
        assertEquals(java.util.Optional.empty(), twilio.queryProblem("AccountSid=AC0&Whatever=1"));
    }

    @Test
    void withoutATokenEveryTwilioWebhookIsRefusedUnlessUnsignedOnesAreAllowed() {
        for (var token : new String[] {null, "", "  "}) {
            var closed = TwilioSignature.of(token, false, null);
            assertEquals(WebhookMode.REFUSING, closed.mode());
            assertEquals(Verdict.NOT_CONFIGURED, closed.verify(VECTOR_SIGNATURE, post(VECTOR_URL, VECTOR_PARAMS), NOW));
            assertEquals(403, closed.refusalStatus(Verdict.NOT_CONFIGURED));
            assertTrue(closed.notConfigured().contains("landline.twilio.auth-token"));
        }
        var open = TwilioSignature.of(null, true, null);
        assertEquals(WebhookMode.UNSIGNED_ALLOWED, open.mode());
        assertEquals(Verdict.UNSIGNED_ALLOWED, open.verify(null, post(VECTOR_URL, VECTOR_PARAMS), NOW));
        var both = TwilioSignature.of(TOKEN, true, null);
        assertEquals(WebhookMode.SIGNED, both.mode(), "a configured token wins over allow-unsigned");
        assertEquals(Verdict.MISSING, both.verify(null, post(VECTOR_URL, VECTOR_PARAMS), NOW));
    }
}
