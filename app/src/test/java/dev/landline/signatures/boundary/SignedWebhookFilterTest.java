package dev.landline.signatures.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.landline.signatures.control.ConsoleWebhook;
import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.TwilioSignature;
import dev.landline.signatures.control.Verdict;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookMode;
import dev.landline.signatures.control.WebhookRequest;
import dev.landline.testkit.WebhookSigner;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter against a hand-made request context, at a fixed instant; tokens minted by auth0 java-jwt. */
class SignedWebhookFilterTest {

    static final String SECRET = "landline-unit-test-signature-secret-4f1c";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String BODY = "{\"uuid\":\"call-1\",\"dtmf\":{\"digits\":\"480261\",\"timed_out\":false}}";
    static final String ANSWER = "http://127.0.0.1:8080/webhooks/answer"
            + "?uuid=call-1&conversation_uuid=CON-1&from=447700900123&to=442079460000";
    static final VonageSignature VONAGE = VonageSignature.of(SECRET, 300);
    static final String INPUT = "http://127.0.0.1:8080/webhooks/input/Zm9yLXRoaXMtc3RlcC1vbmx5";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(SignedWebhookFilter.class.getName());
    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = log.getLevel();
        log.setLevel(Level.ALL);
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
        log.setLevel(previousLevel);
    }

    @Test
    void aSignedPostGoesOnWithItsBodyIntact() throws IOException {
        var request = new Request("POST", INPUT, bearer(token(NOW, sha256(BODY))), BODY);
        assertEquals(Optional.empty(), filter(SECRET).check(request.context()));
        assertArrayEquals(BODY.getBytes(StandardCharsets.UTF_8), request.entity.readAllBytes());
    }

    @Test
    void aSignedAnswerGetGoesOnWhenItsQueryMatchesTheHash() {
        var json = "{\"uuid\":\"call-1\",\"conversation_uuid\":\"CON-1\","
                + "\"from\":\"447700900123\",\"to\":\"442079460000\"}";
        var request = new Request("GET", ANSWER, bearer(token(NOW, sha256(json))), null);
        assertEquals(Optional.empty(), filter(SECRET).check(request.context()));
        var tampered = new Request("GET", ANSWER.replace("447700900123", "447700900999"),
                bearer(token(NOW, sha256(json))), null);
        assertEquals(Optional.of(Response.Status.FORBIDDEN), filter(SECRET).check(tampered.context()));
    }

    @Test
    void aBodyOfExactlySixteenKilobytesIsCheckedAndHandedOn() throws IOException {
        var body = "{\"pad\":\"" + "x".repeat(SignedWebhookFilter.MAX_BODY_BYTES - 10) + "\"}";
        assertEquals(SignedWebhookFilter.MAX_BODY_BYTES, body.length());
        var request = new Request("POST", INPUT, bearer(token(NOW, sha256(body))), body);
        assertEquals(Optional.empty(), filter(SECRET).check(request.context()));
        assertEquals(body, new String(request.entity.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aLargerBodyIsRefusedAsTooLargeBeforeAnythingElse() {
        var body = "x".repeat(SignedWebhookFilter.MAX_BODY_BYTES + 1);
        var request = new Request("POST", INPUT, bearer(token(NOW, sha256(body))), body);
        assertEquals(Optional.of(Response.Status.REQUEST_ENTITY_TOO_LARGE), filter(SECRET).check(request.context()));
    }

    @Test
    void anUnsignedPostIsRefusedWith401AndLoggedByReasonAndPathOnly() {
        var request = new Request("POST", INPUT + "?secret-looking=query", null, BODY);
        assertEquals(Optional.of(Response.Status.UNAUTHORIZED), filter(SECRET).check(request.context()));
        assertEquals(1, logged.size());
        assertEquals(Level.INFO, logged.get(0).getLevel());
        assertEquals("vonage webhook rejected: no bearer token (POST /webhooks/input/{token})",
                logged.get(0).getMessage());
    }

    @Test
    void aForgedTokenIsRefusedWith403AndNeitherTokenNorSecretIsLogged() {
        var forged = JWT.create().withIssuedAt(NOW).withClaim("payload_hash", sha256(BODY))
                .sign(Algorithm.HMAC256("not-the-secret"));
        var request = new Request("POST", "http://127.0.0.1:8080/webhooks/event", bearer(forged), BODY);
        assertEquals(Optional.of(Response.Status.FORBIDDEN), filter(SECRET).check(request.context()));
        assertEquals("vonage webhook rejected: bad signature (POST /webhooks/event)", logged.get(0).getMessage());
        for (var record : logged) {
            var secrets = List.of(forged, forged.split("\\.")[2], SECRET, "not-the-secret", sha256(BODY), "480261");
            for (var secret : secrets) {
                assertFalse(record.getMessage().contains(secret));
            }
        }
    }

    @Test
    void aStaleTokenIsRefusedWith403() {
        var request = new Request("POST", INPUT, bearer(token(NOW.minusSeconds(301), sha256(BODY))), BODY);
        assertEquals(Optional.of(Response.Status.FORBIDDEN), filter(SECRET).check(request.context()));
        assertEquals("vonage webhook rejected: stale iat (POST /webhooks/input/{token})", logged.get(0).getMessage());
    }

    @Test
    void withoutASecretEveryWebhookIsRefusedWith401BeforeItsBodyIsRead() {
        for (var authorization : new String[] {null, bearer(token(NOW, sha256(BODY)))}) {
            var request = new Request("POST", INPUT, authorization, BODY);
            request.entity = unreadable();
            assertEquals(Optional.of(Response.Status.UNAUTHORIZED), filter(null).check(request.context()));
            var get = new Request("GET", ANSWER, authorization, null);
            assertEquals(Optional.of(Response.Status.UNAUTHORIZED), filter(null).check(get.context()));
        }
        assertEquals("vonage webhook rejected: no signature secret configured: every webhook is refused"
                + " (POST /webhooks/input/{token})", logged.get(0).getMessage());
        var unconfigured = VonageSignature.of(null, 300);
        assertTrue(SignedWebhookFilter.detail(Response.Status.UNAUTHORIZED, unconfigured)
                .contains(VonageSignature.SECRET));
    }

    @Test
    void aFloodOfRefusalsWritesOneLineAMinutePerReasonWithACount() {
        var filter = filter(null);
        var nanos = new long[] {0};
        filter.refusals.nanoTime = () -> nanos[0];
        for (int i = 0; i < 1000; i++) {
            var request = new Request("POST", INPUT, null, BODY);
            assertEquals(Optional.of(Response.Status.UNAUTHORIZED), filter.check(request.context()));
        }
        assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.INFO).count(), () -> messages());
        nanos[0] = RefusalLog.INTERVAL.minusSeconds(1).toNanos();
        filter.check(new Request("POST", INPUT, null, BODY).context());
        assertEquals(1, logged.stream().filter(r -> r.getLevel() == Level.INFO).count(), "not before a minute");
        nanos[0] = RefusalLog.INTERVAL.plusSeconds(1).toNanos();
        filter.check(new Request("POST", INPUT, null, BODY).context());
        assertEquals(2, logged.stream().filter(r -> r.getLevel() == Level.INFO).count(), () -> messages());
        assertTrue(logged.get(1).getMessage().startsWith("vonage webhook rejected: no signature secret configured"),
                logged.get(1).getMessage());
        assertTrue(logged.get(1).getMessage().contains("1000 more refused for this reason"),
                logged.get(1).getMessage());
    }

    @Test
    void forgedAndMisshapenWebhooksAtRequestRateAreLoggedOncePerReason() {
        var filter = filter(SECRET);
        for (int i = 0; i < 500; i++) {
            filter.check(new Request("POST", INPUT, bearer(token(NOW, sha256(BODY)).replace('a', 'b')), BODY)
                    .context());
            filter.check(new Request("POST", INPUT, null, BODY).context());
            filter.check(new Request("GET", ANSWER + "&from=447700900999", null, null).context());
        }
        var lines = logged.stream().filter(r -> r.getLevel() == Level.INFO).map(LogRecord::getMessage).toList();
        assertEquals(3, lines.size(), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("no bearer token")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("repeated query parameter")), lines::toString);
    }

    @Test
    void withUnsignedWebhooksExplicitlyAllowedNothingIsReadOrRefused() {
        var request = new Request("POST", INPUT, null, BODY);
        request.entity = unreadable();
        assertEquals(Optional.empty(), filter(null, true).check(request.context()));
        assertEquals(Optional.empty(), filter(null, true).check(new Request("GET", ANSWER, null, null).context()));
        assertTrue(logged.isEmpty());
    }

    @Test
    void aRepeatedFromIsRefusedEvenWhenTheTokenCoversTheQueryVonageWouldHash() {
        // Vonage hashes the query as a JSON object (the last "from" wins); JAX-RS reads the first "from"
        var json = "{\"uuid\":\"call-1\",\"conversation_uuid\":\"CON-1\","
                + "\"from\":\"447700900123\",\"to\":\"442079460000\"}";
        var smuggled = "http://127.0.0.1:8080/webhooks/answer?uuid=call-1&conversation_uuid=CON-1"
                + "&from=447700900999&to=442079460000&from=447700900123";
        var request = new Request("GET", smuggled, bearer(token(NOW, sha256(json))), null);
        assertEquals(Optional.of(Response.Status.BAD_REQUEST), filter(SECRET).check(request.context()));
        assertEquals(Optional.of(Response.Status.BAD_REQUEST), filter(null, true).check(request.context()));
        var encoded = new Request("GET", ANSWER + "&fr%6Fm=447700900999", bearer(tokenWithoutHash(NOW)), null);
        assertEquals(Optional.of(Response.Status.BAD_REQUEST), filter(SECRET).check(encoded.context()),
                "names are compared decoded");
        assertEquals("vonage webhook rejected: a repeated query parameter (GET /webhooks/answer)",
                logged.get(0).getMessage());
    }

    @Test
    void anUnexpectedQueryParameterIsRefusedButVonagesOwnFieldsAreRead() {
        var unexpected = new Request("GET", ANSWER + "&debug=1", bearer(tokenWithoutHash(NOW)), null);
        assertEquals(Optional.of(Response.Status.BAD_REQUEST), filter(SECRET).check(unexpected.context()));
        var vonage = new Request("GET", ANSWER + "&region_url=https%3A%2F%2Fapi-eu-1.vonage.com&endpoint_type=phone"
                + "&SipHeader_X-UserId=1938ND9", bearer(tokenWithoutHash(NOW)), null);
        assertEquals(Optional.empty(), filter(SECRET).check(vonage.context()));
    }

    @Test
    void aGetThatCarriesABodyIsRefusedBecauseNoHashCoversIt() {
        var request = new Request("GET", ANSWER, bearer(tokenWithoutHash(NOW)), null);
        request.contentLength = "12";
        assertEquals(Optional.of(Response.Status.BAD_REQUEST), filter(SECRET).check(request.context()));
        request.contentLength = "0";
        assertEquals(Optional.empty(), filter(SECRET).check(request.context()));
    }

    @Test
    void aTokenForAnotherApplicationIsRefusedWith403() {
        var filter = filter(SECRET);
        filter.providers = List.of(VonageSignature.of(SECRET, 300, false, "our-application"));
        var request = new Request("POST", INPUT, bearer(token(NOW, sha256(BODY))), BODY);
        assertEquals(Optional.of(Response.Status.FORBIDDEN), filter.check(request.context()));
        assertEquals("vonage webhook rejected: application_id missing or another application's"
                + " (POST /webhooks/input/{token})", logged.get(0).getMessage());
    }

    @Test
    void aWebhookUnderAnotherProvidersPrefixIsCheckedByThatProviderAndTheRestByVonage() {
        var filter = filter(SECRET);
        filter.providers = List.of(VONAGE, new OtherProvider());
        var other = "http://127.0.0.1:8080/webhooks/other/answer";
        assertEquals(Optional.empty(), filter.check(new Request("POST", other, "other-ok", BODY).context()));
        assertEquals(Optional.of(Response.Status.FORBIDDEN),
                filter.check(new Request("POST", other, bearer(token(NOW, sha256(BODY))), BODY).context()),
                "a Vonage token means nothing under another provider's prefix");
        assertEquals(Optional.of(Response.Status.UNAUTHORIZED),
                filter.check(new Request("POST", INPUT, "other-ok", BODY).context()));
        assertEquals(Optional.empty(),
                filter.check(new Request("POST", INPUT, bearer(token(NOW, sha256(BODY))), BODY).context()));
    }

    static final String TWILIO_TOKEN = "0123456789abcdef0123456789abcdef";
    static final String TWILIO_VOICE = "http://127.0.0.1:8080/webhooks/twilio/voice";
    static final String TWILIO_FORM = "CallSid=CA1&From=%2B447700900123&To=%2B442079460000";

    /** The test kit's Twilio signer (the one signer), with this test's auth token. */
    static String twilioSignature(String url, Map<String, String> params) {
        return WebhookSigner.twilio(TWILIO_TOKEN, url, params);
    }

    private static Request twilio(String method, String url, String signature, String body) {
        var request = new Request(method, url, signature, body);
        request.signatureHeader = "X-Twilio-Signature";
        return request;
    }

    private SignedWebhookFilter withTwilio(String twilioToken, String publicBaseUrl) {
        var filter = filter(SECRET);
        filter.providers = List.of(VONAGE, TwilioSignature.of(twilioToken, false, publicBaseUrl));
        return filter;
    }

    @Test
    void aSignedTwilioPostGoesOnWithItsBodyIntact() throws IOException {
        var signature = twilioSignature(TWILIO_VOICE,
                new TreeMap<>(Map.of("CallSid", "CA1", "From", "+447700900123",
                        "To", "+442079460000")));
        var request = twilio("POST", TWILIO_VOICE, signature, TWILIO_FORM);
        assertEquals(Optional.empty(), withTwilio(TWILIO_TOKEN, null).check(request.context()));
        assertArrayEquals(TWILIO_FORM.getBytes(StandardCharsets.UTF_8), request.entity.readAllBytes());
    }

    @Test
    void unsignedForgedOrAlteredTwilioWebhooksAreRefusedWith403() {
        var signature = twilioSignature(TWILIO_VOICE,
                new TreeMap<>(Map.of("CallSid", "CA1", "From", "+447700900123",
                        "To", "+442079460000")));
        var filter = withTwilio(TWILIO_TOKEN, null);
        var forbidden = Optional.of(Response.Status.FORBIDDEN);
        assertEquals(forbidden, filter.check(twilio("POST", TWILIO_VOICE, null, TWILIO_FORM).context()),
                "unsigned: 403, as Twilio expects, not 401");
        assertEquals(forbidden, filter.check(twilio("POST", TWILIO_VOICE, signature,
                TWILIO_FORM.replace("900123", "900124")).context()), "altered");
        assertEquals(forbidden, filter.check(twilio("POST", TWILIO_VOICE, "Zm9yZ2VkLXNpZ25hdHVyZQ==",
                TWILIO_FORM).context()), "forged");
        assertEquals(forbidden, filter.check(new Request("POST", TWILIO_VOICE, bearer(token(NOW, sha256(TWILIO_FORM))),
                TWILIO_FORM).context()), "a Vonage token means nothing under /webhooks/twilio/");
        assertFalse(messages().contains(signature), messages());
        assertFalse(messages().contains(TWILIO_TOKEN), messages());
        assertEquals("The webhook's signature was not accepted.",
                SignedWebhookFilter.detail(Response.Status.FORBIDDEN, TwilioSignature.of(TWILIO_TOKEN, false, null)));
    }

    @Test
    void withoutATwilioTokenTwilioWebhooksAreRefusedWith403NamingTheSettingWhileVonageGoesOn() {
        var filter = withTwilio(null, null);
        var request = twilio("POST", TWILIO_VOICE, "anything", TWILIO_FORM);
        request.entity = unreadable();
        assertEquals(Optional.of(Response.Status.FORBIDDEN), filter.check(request.context()));
        assertTrue(SignedWebhookFilter.detail(Response.Status.FORBIDDEN, TwilioSignature.of(null, false, null))
                .contains(TwilioSignature.AUTH_TOKEN));
        assertEquals(Optional.empty(),
                filter.check(new Request("POST", INPUT, bearer(token(NOW, sha256(BODY))), BODY).context()),
                "Vonage webhooks do not need the Twilio token");
    }

    @Test
    void whatARefusedTwilioWebhookProducesNeverContainsTheTokenOrTheRightSignature() {
        var form = new TreeMap<>(Map.of("CallSid", "CA1", "From", "+447700900123",
                "To", "+442079460000"));
        var right = twilioSignature(TWILIO_VOICE, form);
        var filter = withTwilio(TWILIO_TOKEN, null);
        var twilio = filter.providers.get(1);
        var refused = List.of(
                twilio("POST", TWILIO_VOICE, null, TWILIO_FORM),
                twilio("POST", TWILIO_VOICE, right, TWILIO_FORM.replace("900123", "900124")),
                twilio("POST", TWILIO_VOICE, right + "x".repeat(500), TWILIO_FORM),
                twilio("POST", TWILIO_VOICE, right, TWILIO_FORM + "&CallSid=CA2"),
                twilio("GET", TWILIO_VOICE + "?CallSid=CA1&CallSid=CA2", right, null));
        var said = new ArrayList<String>();
        for (var request : refused) {
            var status = filter.check(request.context()).orElseThrow(() -> new AssertionError("not refused"));
            said.add(SignedWebhookFilter.detail(status, twilio));
        }
        assertEquals(Optional.empty(), filter.check(twilio("POST", TWILIO_VOICE, right, TWILIO_FORM).context()));
        var unconfigured = withTwilio(null, null);
        unconfigured.check(twilio("POST", TWILIO_VOICE, right, TWILIO_FORM).context());
        said.add(SignedWebhookFilter.detail(Response.Status.FORBIDDEN, unconfigured.providers.get(1)));
        said.addAll(logged.stream().map(LogRecord::getMessage).toList());
        // each refusal's detail and log line (one reason each), the accepted one's line, the unconfigured refusal's two
        assertEquals(refused.size() * 2 + 3, said.size(), said::toString);
        for (var text : said) {
            assertFalse(text.contains(TWILIO_TOKEN), text);
            assertFalse(text.contains(right), text);
        }
    }

    @Test
    void behindAProxyATwilioSignatureOverThePublicUrlIsAccepted() {
        var publicUrl = "https://calls.example.org/webhooks/twilio/voice";
        var signature = twilioSignature(publicUrl,
                new TreeMap<>(Map.of("CallSid", "CA1", "From", "+447700900123",
                        "To", "+442079460000")));
        assertEquals(Optional.empty(), withTwilio(TWILIO_TOKEN, "https://calls.example.org")
                .check(twilio("POST", TWILIO_VOICE, signature, TWILIO_FORM).context()));
        assertEquals(Optional.of(Response.Status.FORBIDDEN), withTwilio(TWILIO_TOKEN, null)
                .check(twilio("POST", TWILIO_VOICE, signature, TWILIO_FORM).context()));
    }

    @Test
    void aRefusedTwilioGatherIsLoggedWithItsTokenMasked() {
        var token = "AbCdEf0123456789-sealed-start-token_XYZ";
        var url = "http://127.0.0.1:8080/webhooks/twilio/gather/" + token;
        var forged = twilioSignature(url, Map.of("CallSid", "CA2", "Digits", "1234"));
        assertEquals(Optional.of(Response.Status.FORBIDDEN), withTwilio(TWILIO_TOKEN, null)
                .check(twilio("POST", url, forged, "CallSid=CA1&Digits=1234").context()));
        assertEquals(1, logged.size());
        assertEquals("twilio webhook rejected: bad signature (POST /webhooks/twilio/gather/{token})",
                logged.get(0).getMessage());
        assertFalse(logged.get(0).getMessage().contains(token));
    }

    @Test
    void aSignedTwilioGetIsCheckedOverItsWholeUrl() {
        var url = TWILIO_VOICE + "?CallSid=CA1&From=%2B447700900123";
        var signature = twilioSignature(url, Map.of());
        var filter = withTwilio(TWILIO_TOKEN, null);
        assertEquals(Optional.empty(), filter.check(twilio("GET", url, signature, null).context()));
        assertEquals(Optional.of(Response.Status.FORBIDDEN),
                filter.check(twilio("GET", url + "&Digits=1", signature, null).context()));
        assertEquals(Optional.of(Response.Status.BAD_REQUEST),
                filter.check(twilio("GET", url + "&CallSid=CA2", signature, null).context()), "a repeated name");
    }

    @Test
    void theProviderIsChosenByTheWholeFirstPathSegmentWithoutItsMatrixParameters() {
        var filter = withTwilio(TWILIO_TOKEN, null);
        var chosen = (java.util.function.Function<String, String>) url -> filter
                .providerOf(new Request("POST", url, null, TWILIO_FORM).context())
                .map(ProviderSignature::name).orElse("none");
        assertEquals("twilio", chosen.apply("http://127.0.0.1:8080/webhooks/twilio"));
        assertEquals("twilio", chosen.apply(TWILIO_VOICE));
        assertEquals("twilio", chosen.apply("http://127.0.0.1:8080/webhooks/twilio;x=1/voice"),
                "JAX-RS matches /twilio;x=1/voice as /twilio/voice, so Twilio's check must take it");
        assertEquals("vonage", chosen.apply("http://127.0.0.1:8080/webhooks/twilioX/voice"),
                "a segment that only starts with twilio is not Twilio's");
        assertEquals("vonage", chosen.apply("http://127.0.0.1:8080/webhooks/answer;x=1"));
        assertEquals("vonage", chosen.apply(INPUT));
        assertEquals(Optional.of(Response.Status.FORBIDDEN), filter.check(
                twilio("POST", "http://127.0.0.1:8080/webhooks/twilio;x=1/voice", null, TWILIO_FORM).context()),
                "refused as Twilio refuses (403), not as Vonage (401)");
        assertEquals(Optional.of(Response.Status.UNAUTHORIZED), filter.check(
                new Request("POST", "http://127.0.0.1:8080/webhooks/twilioX/voice", null, TWILIO_FORM).context()));
        var onlyTwilio = filter(SECRET);
        onlyTwilio.providers = List.of(TwilioSignature.of(TWILIO_TOKEN, false, null));
        assertEquals(Optional.empty(), onlyTwilio.providerOf(new Request("POST", INPUT, null, BODY).context()),
                "without a provider for the rest, nothing takes the other paths");
        assertEquals(Optional.of(Response.Status.NOT_FOUND),
                onlyTwilio.check(new Request("POST", INPUT, null, BODY).context()));
    }

    @Test
    void refusalsAreLoggedPerProviderSoATwilioFloodDoesNotHideVonagesLines() {
        var filter = withTwilio(TWILIO_TOKEN, null);
        for (int i = 0; i < 100; i++) {
            filter.check(twilio("POST", TWILIO_VOICE, null, TWILIO_FORM).context());
        }
        filter.check(new Request("POST", INPUT, null, BODY).context());
        var lines = logged.stream().filter(r -> r.getLevel() == Level.INFO).map(LogRecord::getMessage).toList();
        assertEquals(List.of("twilio webhook rejected: no X-Twilio-Signature (POST /webhooks/twilio/voice)",
                "vonage webhook rejected: no bearer token (POST /webhooks/input/{token})"), lines);
    }

    /** A second provider at {@code /webhooks/other/}: accepts exactly the header value "other-ok". */
    private static final class OtherProvider implements ProviderSignature {
        @Override
        public String name() {
            return "other";
        }

        @Override
        public String displayName() {
            return "Other";
        }

        @Override
        public String signatureName() {
            return "other signature";
        }

        @Override
        public List<ConsoleWebhook> consoleWebhooks() {
            return List.of(new ConsoleWebhook("Call URL", "other/call", "POST"));
        }

        @Override
        public String secretSetting() {
            return "other.secret";
        }

        @Override
        public String firstSegment() {
            return "other";
        }

        @Override
        public WebhookMode mode() {
            return WebhookMode.SIGNED;
        }

        @Override
        public String header() {
            return HttpHeaders.AUTHORIZATION;
        }

        @Override
        public Optional<String> queryProblem(String rawQuery) {
            return Optional.empty();
        }

        @Override
        public Verdict verify(String signature, WebhookRequest request, Instant now) {
            return "other-ok".equals(signature) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
        }

        @Override
        public String challenge() {
            return "Other";
        }

        @Override
        public String signatureRequired() {
            return "other signature required";
        }

        @Override
        public String notConfigured() {
            return "other secret missing";
        }

        @Override
        public String queryRule() {
            return "other query rule";
        }
    }

    private static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
    }

    @Test
    void missingOrUnreadableTokensAre401AndEverythingElseIs403() {
        for (var verdict : Verdict.values()) {
            var expected = switch (verdict) {
                case VALID, UNSIGNED_ALLOWED -> null;
                case MISSING, MALFORMED, NOT_CONFIGURED -> Response.Status.UNAUTHORIZED;
                default -> Response.Status.FORBIDDEN;
            };
            assertEquals(expected, SignedWebhookFilter.refusal(verdict).orElse(null), verdict.name());
        }
    }

    @Test
    void theProblemDetailIsGenericAndGivesNothingAway() {
        var forbidden = SignedWebhookFilter.detail(Response.Status.FORBIDDEN, VONAGE);
        assertEquals("The webhook's signature was not accepted.", forbidden);
        assertTrue(SignedWebhookFilter.detail(Response.Status.UNAUTHORIZED, VONAGE).contains("Bearer"));
        assertTrue(SignedWebhookFilter.detail(Response.Status.REQUEST_ENTITY_TOO_LARGE, VONAGE).contains("16384"));
        for (var status : List.of(Response.Status.FORBIDDEN, Response.Status.UNAUTHORIZED)) {
            assertFalse(SignedWebhookFilter.detail(status, VONAGE).contains(SECRET));
            assertFalse(SignedWebhookFilter.detail(status, VONAGE).contains("eyJ"));
        }
    }

    @Test
    void loggedPathsMaskInputTokensAndAreCut() {
        assertEquals("/webhooks/input/{token}", LoggedPath.of("/webhooks/input/abc-DEF_123"));
        assertEquals("/webhooks/twilio/gather/{token}", LoggedPath.of("/webhooks/twilio/gather/abc"));
        assertEquals("/webhooks/twilio/gather;x=1/{token}", LoggedPath.of("/webhooks/twilio/gather;x=1/abc"));
        assertEquals("/webhooks/twilio;x=1/gather/{token}", LoggedPath.of("/webhooks/twilio;x=1/gather/abc"));
        assertEquals("/webhooks/twilio/voice", LoggedPath.of("/webhooks/twilio/voice"));
        assertEquals("/webhooks/answer", LoggedPath.of("/webhooks/answer"));
        assertEquals("", LoggedPath.of(null));
        assertEquals(201, LoggedPath.of("/" + "a".repeat(500)).length());
    }

    private static SignedWebhookFilter filter(String secret) {
        return filter(secret, false);
    }

    private static SignedWebhookFilter filter(String secret, boolean allowUnsigned) {
        var filter = new SignedWebhookFilter();
        filter.providers = List.of(VonageSignature.of(secret, 300, allowUnsigned, null));
        filter.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return filter;
    }

    static String token(Instant issuedAt, String payloadHash) {
        return JWT.create().withIssuedAt(issuedAt).withJWTId("jti-1").withIssuer("Vonage")
                .withClaim("api_key", "a1b2c3d4")
                .withClaim("payload_hash", payloadHash).sign(Algorithm.HMAC256(SECRET));
    }

    /** A Vonage token without payload_hash (optional for a GET). */
    static String tokenWithoutHash(Instant issuedAt) {
        return JWT.create().withIssuedAt(issuedAt).withJWTId("jti-1").withIssuer("Vonage")
                .withClaim("api_key", "a1b2c3d4").sign(Algorithm.HMAC256(SECRET));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough of a JAX-RS request for the filter: method, URI, Authorization and a replaceable body. */
    static final class Request {
        final String method;
        final URI uri;
        final String authorization;
        InputStream entity;
        String contentLength;
        /** The header that carries {@code authorization}. */
        String signatureHeader = HttpHeaders.AUTHORIZATION;

        Request(String method, String uri, String authorization, String body) {
            this.method = method;
            this.uri = URI.create(uri);
            this.authorization = authorization;
            this.entity = new ByteArrayInputStream(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        }

        /** The path under /webhooks in segments, each without its matrix parameters (as JAX-RS gives them). */
        List<PathSegment> segments() {
            var path = uri.getPath().substring(uri.getPath().indexOf("/webhooks/") + "/webhooks/".length());
            return java.util.Arrays.stream(path.split("/", -1)).map(segment -> (PathSegment) new PathSegment() {
                @Override
                public String getPath() {
                    return segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
                }

                @Override
                public MultivaluedMap<String, String> getMatrixParameters() {
                    throw new UnsupportedOperationException("matrix parameters");
                }
            }).toList();
        }

        ContainerRequestContext context() {
            var uriInfo = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getRequestUri" -> uri;
                        case "getBaseUri" -> URI.create(uri.toString().substring(0,
                                uri.toString().indexOf("/webhooks/") + "/webhooks/".length()));
                        case "getPathSegments" -> segments();
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getUriInfo" -> uriInfo;
                        case "getHeaderString" -> signatureHeader.equalsIgnoreCase((String) args[0])
                                ? authorization
                                : HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase((String) args[0]) ? contentLength : null;
                        case "getEntityStream" -> entity;
                        case "setEntityStream" -> {
                            entity = (InputStream) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private String messages() {
        return logged.stream().map(LogRecord::getMessage).toList().toString();
    }
}
