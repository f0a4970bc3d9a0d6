package dev.landline.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import jakarta.enterprise.event.Startup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens are minted by an independent library (auth0 java-jwt), the way Vonage's own Java SDK verifies them. */
class VonageSignatureTest {

    static final String SECRET = "landline-unit-test-signature-secret-4f1c";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final String BODY = "{\"uuid\":\"call-1\",\"dtmf\":{\"digits\":\"480261\",\"timed_out\":false}}";
    static final String QUERY = "uuid=call-1&conversation_uuid=CON-1&from=447700900123&to=442079460000";
    /** sha256sum of {"uuid":"call-1","conversation_uuid":"CON-1","from":"447700900123","to":"442079460000"} */
    static final String QUERY_HASH = "88f1ac8b49b449d1ac89a94cce4d3dd9f03daa5f3ef07fb6223a8e97fe0b5caa";

    private final VonageSignature check = VonageSignature.of(SECRET, 300);

    @Test
    void aSignedPostWhoseHashMatchesTheRawBodyIsValid() {
        assertEquals(Verdict.VALID, verify(bearer(vonage(NOW, sha256(BODY))), post(BODY)));
    }

    @Test
    void aSignedGetWithTheHashOfItsQueryAsOrderedJsonIsValid() {
        assertEquals(Verdict.VALID, verify(bearer(vonage(NOW, QUERY_HASH)), Payload.query(QUERY)));
    }

    @Test
    void aSignedGetWithoutPayloadHashIsValidBecauseCheckingItIsOptional() {
        assertEquals(Verdict.VALID, verify(bearer(vonage(NOW, null)), Payload.query(QUERY)));
    }

    @Test
    void aGetWhoseQueryWasReorderedOrChangedDoesNotMatchItsHash() {
        var token = bearer(vonage(NOW, QUERY_HASH));
        assertEquals(Verdict.HASH_MISMATCH, verify(token,
                Payload.query("conversation_uuid=CON-1&uuid=call-1&from=447700900123&to=442079460000")));
        assertEquals(Verdict.HASH_MISMATCH, verify(token,
                Payload.query("uuid=call-1&conversation_uuid=CON-1&from=447700900999&to=442079460000")));
    }

    @Test
    void aPostWithoutPayloadHashIsRefused() {
        assertEquals(Verdict.MISSING_HASH, verify(bearer(vonage(NOW, null)), post(BODY)));
    }

    @Test
    void aBodyWithOneByteChangedDoesNotMatchItsHash() {
        var altered = BODY.replace("480261", "480262");
        assertEquals(Verdict.HASH_MISMATCH, verify(bearer(vonage(NOW, sha256(BODY))), post(altered)));
    }

    @Test
    void theHashIsOverTheRawBytesSoReformattedJsonDoesNotMatch() {
        var spaced = BODY.replace(",", ", ");
        assertEquals(Verdict.HASH_MISMATCH, verify(bearer(vonage(NOW, sha256(BODY))), post(spaced)));
    }

    @Test
    void theHashMustBeLowercaseHexOfSha256() {
        assertEquals(Verdict.HASH_MISMATCH,
                verify(bearer(vonage(NOW, sha256(BODY).toUpperCase())), post(BODY)));
        var numeric = JWT.create().withIssuedAt(NOW).withClaim("payload_hash", 42).sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.HASH_MISMATCH, verify(bearer(numeric), post(BODY)));
    }

    @Test
    void anEmptyPostBodyIsHashedToo() {
        var emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertEquals(Verdict.VALID, verify(bearer(vonage(NOW, emptyHash)), post("")));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        var forged = vonageClaims(NOW, sha256(BODY)).sign(Algorithm.HMAC256("another-accounts-signature-secret"));
        assertEquals(Verdict.BAD_SIGNATURE, verify(bearer(forged), post(BODY)));
    }

    @Test
    void theSecretIsUsedAsItsUtf8Bytes() {
        var secret = "sécret-ключ-🔑-0123456789abcdef";
        var token = vonageClaims(NOW, sha256(BODY)).sign(Algorithm.HMAC256(secret));
        assertEquals(Verdict.VALID, VonageSignature.of(secret, 300).verify(bearer(token), post(BODY), NOW));
    }

    @Test
    void algNoneWithAnEmptySignatureIsRefused() {
        var token = part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + part(claims(NOW, sha256(BODY))) + ".";
        assertEquals(Verdict.WRONG_ALGORITHM, verify(bearer(token), post(BODY)));
    }

    @Test
    void anHs512TokenIsRefusedEvenWhenSignedWithTheRightSecret() {
        var token = vonageClaims(NOW, sha256(BODY)).sign(Algorithm.HMAC512(SECRET));
        assertEquals(Verdict.WRONG_ALGORITHM, verify(bearer(token), post(BODY)));
    }

    @Test
    void anHs256HeaderOverAnHs512SignatureIsRefused() {
        var hs512 = vonageClaims(NOW, sha256(BODY)).sign(Algorithm.HMAC512(SECRET)).split("\\.");
        var token = part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + hs512[1] + "." + hs512[2];
        assertEquals(Verdict.BAD_SIGNATURE, verify(bearer(token), post(BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"HS384\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
            "{\"typ\":\"JWT\"}", "{\"alg\":\"hs256\"}", "{\"alg\":\"HS256 \"}", "{\"alg\":null}", "{\"alg\":256}",
            "{\"alg\":[\"HS256\"]}", "{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}"})
    void anyHeaderButPlainHs256IsRefusedThoughTheSignatureIsRight(String header) {
        var token = handMade(header, claims(NOW, sha256(BODY)), SECRET);
        assertEquals(Verdict.WRONG_ALGORITHM, verify(bearer(token), post(BODY)));
    }

    @Test
    void aHandMadeHs256TokenWithTheRightSecretIsValid() {
        var token = handMade("{\"alg\":\"HS256\"}", claims(NOW, sha256(BODY)), SECRET);
        assertEquals(Verdict.VALID, verify(bearer(token), post(BODY)));
    }

    @Test
    void aTruncatedOrMissingSignatureIsRefused() {
        var token = vonage(NOW, sha256(BODY));
        assertEquals(Verdict.BAD_SIGNATURE, verify(bearer(token.substring(0, token.lastIndexOf('.') + 1)), post(BODY)));
        // 43 characters of Base64url carry 32 bytes; 40 carry 30
        assertEquals(Verdict.BAD_SIGNATURE, verify(bearer(token.substring(0, token.length() - 3)), post(BODY)));
    }

    @Test
    void aTokenIssuedMoreThanFiveMinutesAgoIsStale() {
        assertEquals(Verdict.STALE, verify(bearer(vonage(NOW.minusSeconds(301), sha256(BODY))), post(BODY)));
        assertEquals(Verdict.VALID, verify(bearer(vonage(NOW.minusSeconds(300), sha256(BODY))), post(BODY)));
    }

    @Test
    void aTokenIssuedMoreThanFiveMinutesAheadIsRefused() {
        assertEquals(Verdict.FUTURE, verify(bearer(vonage(NOW.plusSeconds(301), sha256(BODY))), post(BODY)));
        assertEquals(Verdict.VALID, verify(bearer(vonage(NOW.plusSeconds(300), sha256(BODY))), post(BODY)));
    }

    @Test
    void theAllowedAgeIsConfigurable() {
        var strict = VonageSignature.of(SECRET, 60);
        var token = bearer(vonage(NOW.minusSeconds(61), sha256(BODY)));
        assertEquals(Verdict.STALE, strict.verify(token, post(BODY), NOW));
        assertEquals(Verdict.VALID, check.verify(token, post(BODY), NOW));
    }

    @Test
    void expAndNbfAreHonouredWhenPresent() {
        var expired = vonageClaims(NOW, sha256(BODY)).withExpiresAt(NOW.minusSeconds(31))
                .sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.EXPIRED, verify(bearer(expired), post(BODY)));
        var early = vonageClaims(NOW, sha256(BODY)).withNotBefore(NOW.plusSeconds(31)).sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.NOT_YET_VALID, verify(bearer(early), post(BODY)));
        var current = vonageClaims(NOW, sha256(BODY)).withNotBefore(NOW.minusSeconds(5))
                .withExpiresAt(NOW.plusSeconds(60)).sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.VALID, verify(bearer(current), post(BODY)));
    }

    @Test
    void expAndNbfAllowThirtySecondsOfClockSkew() {
        var justExpired = vonageClaims(NOW, sha256(BODY)).withExpiresAt(NOW.minusSeconds(29))
                .sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.VALID, verify(bearer(justExpired), post(BODY)));
        var almostValid = vonageClaims(NOW, sha256(BODY)).withNotBefore(NOW.plusSeconds(29))
                .sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.VALID, verify(bearer(almostValid), post(BODY)));
    }

    @Test
    void aTokenWithoutIatIsRefused() {
        var token = JWT.create().withIssuer("Vonage").withJWTId(UUID.randomUUID().toString())
                .withClaim("payload_hash", sha256(BODY)).sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.BAD_TIME_CLAIM, verify(bearer(token), post(BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1748779200\"", "null", "true", "[1748779200]", "{\"seconds\":1748779200}"})
    void anIatThatIsNotANumberIsRefused(String iat) {
        var token = handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"iat\":" + iat + ",\"payload_hash\":\"" + sha256(BODY) + "\"}", SECRET);
        assertEquals(Verdict.BAD_TIME_CLAIM, verify(bearer(token), post(BODY)));
    }

    @Test
    void anExpOrNbfThatIsNotANumberIsRefused() {
        var exp = vonageClaims(NOW, sha256(BODY)).withClaim("exp", "tomorrow").sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.BAD_TIME_CLAIM, verify(bearer(exp), post(BODY)));
        var nbf = vonageClaims(NOW, sha256(BODY)).withClaim("nbf", "now").sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.BAD_TIME_CLAIM, verify(bearer(nbf), post(BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1e9999999999", "99999999999999999999999",
            "1748779200.5e400"})
    void absurdIatNumbersAreRefusedWithoutFailing(String iat) {
        var token = handMade("{\"alg\":\"HS256\"}", "{\"iat\":" + iat + ",\"payload_hash\":\"" + sha256(BODY) + "\"}",
                SECRET);
        assertFalse(verify(bearer(token), post(BODY)).passes(), iat);
    }

    @Test
    void aFractionalIatIsReadAsSeconds() {
        var token = handMade("{\"alg\":\"HS256\"}", "{\"iat\":" + NOW.getEpochSecond() + ".25,\"payload_hash\":\""
                + sha256(BODY) + "\"}", SECRET);
        assertEquals(Verdict.VALID, verify(bearer(token), post(BODY)));
    }

    @Test
    void noAuthorizationHeaderIsMissing() {
        assertEquals(Verdict.MISSING, verify(null, post(BODY)));
        assertEquals(Verdict.MISSING, verify("", post(BODY)));
        assertEquals(Verdict.MISSING, verify("   ", post(BODY)));
    }

    @Test
    void anotherSchemeThanBearerIsMissing() {
        assertEquals(Verdict.MISSING, verify("Basic YWRtaW46c2VjcmV0", post(BODY)));
        assertEquals(Verdict.MISSING, verify(vonage(NOW, sha256(BODY)), post(BODY)));
        assertEquals(Verdict.MISSING, verify("Token " + vonage(NOW, sha256(BODY)), post(BODY)));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertEquals(Verdict.VALID, verify("bearer " + vonage(NOW, sha256(BODY)), post(BODY)));
        assertEquals(Verdict.VALID, verify("BEARER  " + vonage(NOW, sha256(BODY)) + " ", post(BODY)));
    }

    @Test
    void spacesAndTabsSeparateTheSchemeFromTheTokenButNothingElseDoes() {
        assertEquals(Verdict.VALID, verify("Bearer\t \t" + vonage(NOW, sha256(BODY)), post(BODY)));
        assertEquals(Verdict.MALFORMED, verify("Bearer \n" + vonage(NOW, sha256(BODY)), post(BODY)));
        assertEquals(Verdict.MISSING, verify("Bearer\n" + vonage(NOW, sha256(BODY)), post(BODY)));
        assertEquals(Verdict.MISSING, verify("Bearer," + vonage(NOW, sha256(BODY)), post(BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a.b", "Bearer ...", "Bearer a.b.c.d", "Bearer ..",
            "Bearer e30.e30", "Bearer %%%.e30.AAAA", "Bearer e30=.e30.AAAA", "Bearer e30.e30.AAAA AAAA",
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA,eyJhbGciOiJIUzI1NiJ9.e30.AAAA"})
    void garbageTokensAreMalformed(String header) {
        assertEquals(Verdict.MALFORMED, verify(header, post(BODY)));
    }

    @Test
    void tenKilobytesOfJunkAreMalformed() {
        assertEquals(Verdict.MALFORMED, verify("Bearer " + "x".repeat(10 * 1024), post(BODY)));
        var shaped = "Bearer " + "A".repeat(5 * 1024) + "." + "B".repeat(5 * 1024) + ".CCCC";
        assertEquals(Verdict.MALFORMED, verify(shaped, post(BODY)));
    }

    @Test
    void aCorrectlySignedTokenOverEightKilobytesIsMalformed() {
        var big = vonageClaims(NOW, sha256(BODY)).withClaim("padding", "p".repeat(7 * 1024))
                .sign(Algorithm.HMAC256(SECRET));
        assertTrue(big.length() > 8 * 1024);
        assertEquals(Verdict.MALFORMED, verify(bearer(big), post(BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"alg\",\"HS256\"]", "[{\"alg\":\"HS256\"}]", "\"HS256\"", "42", "null",
            "", "{\"alg\":\"HS256\"", "{\"alg\":\"HS256\"} {}", "{'alg':'HS256'}"})
    void aHeaderThatIsNotOneJsonObjectIsMalformed(String header) {
        var token = handMade(header, claims(NOW, sha256(BODY)), SECRET);
        assertEquals(Verdict.MALFORMED, verify(bearer(token), post(BODY)));
    }

    @Test
    void aDeeplyNestedOrNonUtf8HeaderIsMalformed() {
        var nested = part("[".repeat(5000)) + "." + part(claims(NOW, sha256(BODY))) + ".AAAA";
        assertEquals(Verdict.MALFORMED, verify(bearer(nested), post(BODY)));
        var deepObject = part("{\"a\":".repeat(1500) + "1" + "}".repeat(1500)) + "." + part("{}") + ".AAAA";
        assertEquals(Verdict.MALFORMED, verify(bearer(deepObject), post(BODY)));
        var deepClaims = handMade("{\"alg\":\"HS256\"}", "{\"a\":".repeat(1500) + "1" + "}".repeat(1500), SECRET);
        assertEquals(Verdict.MALFORMED, verify(bearer(deepClaims), post(BODY)));
        var latin1 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"x\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Verdict.MALFORMED, verify(bearer(latin1 + "." + part("{}") + ".AAAA"), post(BODY)));
    }

    @Test
    void nonCanonicalBase64IsMalformed() {
        var token = vonage(NOW, sha256(BODY));
        var signature = token.substring(token.lastIndexOf('.') + 1);
        // 32 bytes encode to 43 characters; the last one carries 2 unused bits that must be zero
        var last = signature.charAt(signature.length() - 1);
        var sibling = (char) (last + 1);
        var tweaked = token.substring(0, token.length() - 1) + sibling;
        assertEquals(Verdict.MALFORMED, verify(bearer(tweaked), post(BODY)));
    }

    @Test
    void signedClaimsThatAreNotAnObjectAreMalformed() {
        var token = handMade("{\"alg\":\"HS256\"}", "[1,2,3]", SECRET);
        assertEquals(Verdict.MALFORMED, verify(bearer(token), post(BODY)));
    }

    @Test
    void withoutASecretEveryRequestIsRefusedEvenOneSignedLikeVonage() {
        var vonage = bearer(vonage(NOW, sha256(BODY)));
        for (var secret : new String[] {null, "", "   "}) {
            var closed = VonageSignature.of(secret, 300);
            assertFalse(closed.enforced());
            assertEquals(WebhookMode.REFUSING, closed.mode());
            assertEquals(Verdict.NOT_CONFIGURED, closed.verify(null, post(BODY), NOW));
            assertEquals(Verdict.NOT_CONFIGURED, closed.verify(vonage, post(BODY), NOW));
            assertEquals(Verdict.NOT_CONFIGURED, closed.verify("Bearer a.b", Payload.query(QUERY), NOW));
            assertFalse(Verdict.NOT_CONFIGURED.passes());
        }
        assertTrue(check.enforced());
        assertEquals(WebhookMode.SIGNED, check.mode());
    }

    @Test
    void onlyAnExplicitAllowUnsignedLetsUncheckedRequestsThrough() {
        var open = VonageSignature.of(null, 300, true, null);
        assertEquals(WebhookMode.UNSIGNED_ALLOWED, open.mode());
        assertEquals(Verdict.UNSIGNED_ALLOWED, open.verify(null, post(BODY), NOW));
        assertEquals(Verdict.UNSIGNED_ALLOWED, open.verify("Bearer a.b", Payload.query(QUERY), NOW));
    }

    @Test
    void withASecretAllowUnsignedChangesNothing() {
        var both = VonageSignature.of(SECRET, 300, true, null);
        assertEquals(WebhookMode.SIGNED, both.mode());
        assertEquals(Verdict.MISSING, both.verify(null, post(BODY), NOW));
        assertEquals(Verdict.VALID, both.verify(bearer(vonage(NOW, sha256(BODY))), post(BODY), NOW));
    }

    @Test
    void withAnApplicationConfiguredATokenForAnotherApplicationOfTheAccountIsRefused() {
        var ours = VonageSignature.of(SECRET, 300, false, "aaaaaaaa-0000-4000-8000-000000000001");
        var forUs = vonageClaims(NOW, sha256(BODY)).withClaim("application_id", "aaaaaaaa-0000-4000-8000-000000000001")
                .sign(Algorithm.HMAC256(SECRET));
        var forAnother = vonageClaims(NOW, sha256(BODY))
                .withClaim("application_id", "bbbbbbbb-0000-4000-8000-000000000002").sign(Algorithm.HMAC256(SECRET));
        var forNone = JWT.create().withIssuedAt(NOW).withJWTId(UUID.randomUUID().toString()).withIssuer("Vonage")
                .withClaim("api_key", "a1b2c3d4").withClaim("payload_hash", sha256(BODY)).sign(Algorithm.HMAC256(SECRET));
        var numeric = vonageClaims(NOW, sha256(BODY)).withClaim("application_id", 1).sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.VALID, ours.verify(bearer(forUs), post(BODY), NOW));
        assertEquals(Verdict.WRONG_APPLICATION, ours.verify(bearer(forAnother), post(BODY), NOW));
        assertEquals(Verdict.WRONG_APPLICATION, ours.verify(bearer(forNone), post(BODY), NOW));
        assertEquals(Verdict.WRONG_APPLICATION, ours.verify(bearer(numeric), post(BODY), NOW));
        assertEquals(Verdict.VALID, check.verify(bearer(forAnother), post(BODY), NOW),
                "without landline.vonage.application-id the claim is not checked");
        assertEquals(Verdict.VALID, ours.verify(bearer(ours.sign(post(BODY), NOW, java.time.Duration.ofSeconds(60))
                .orElseThrow()), post(BODY), NOW), "the browser phone's tokens are this server's own");
    }

    @Test
    void aPostWithAnEmptyBodyStillNeedsTheHashOfNothing() {
        assertEquals(Verdict.MISSING_HASH, verify(bearer(vonage(NOW, null)), post("")));
        assertEquals(Verdict.HASH_MISMATCH, verify(bearer(vonage(NOW, sha256(BODY))), post("")));
    }

    @Test
    void surroundingWhitespaceInTheConfiguredSecretIsIgnored() {
        var token = bearer(vonage(NOW, sha256(BODY)));
        assertEquals(Verdict.VALID, VonageSignature.of(" " + SECRET + "\n", 300).verify(token, post(BODY), NOW));
    }

    @Test
    void onlyValidAndUnsignedAllowedLetARequestThrough() {
        for (var verdict : Verdict.values()) {
            assertEquals(verdict == Verdict.VALID || verdict == Verdict.UNSIGNED_ALLOWED, verdict.passes(),
                    verdict.name());
        }
    }

    @Test
    void startupWarnsOnceWhenWebhooksAreUnsignedAndSaysHowToSignThem() {
        var records = startupLog(VonageSignature.of(null, 300, true, null));
        assertEquals(1, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("NOT authenticated"));
        assertTrue(records.get(0).getMessage().contains(VonageSignature.SECRET));
        assertTrue(records.get(0).getMessage().contains(VonageSignature.ALLOW_UNSIGNED));
    }

    @Test
    void startupSaysOnceThatEveryWebhookIsRefusedAndNamesTheMissingSetting() {
        var records = startupLog(VonageSignature.of(null, 300));
        assertEquals(1, records.size());
        assertEquals(Level.SEVERE, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("refused"));
        assertTrue(records.get(0).getMessage().contains(VonageSignature.SECRET + " is not set"));
    }

    @Test
    void startupSaysOnceThatSignaturesAreEnforcedWithoutTheSecret() {
        var records = startupLog(check);
        assertEquals(1, records.size());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("enforced"));
        assertFalse(records.get(0).getMessage().contains(SECRET));
        assertFalse(records.get(0).getMessage().contains(SECRET.substring(0, 8)));
    }

    private static List<LogRecord> startupLog(VonageSignature signature) {
        var records = new ArrayList<LogRecord>();
        var capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var log = Logger.getLogger(VonageSignature.class.getName());
        log.setUseParentHandlers(false);
        log.addHandler(capture);
        try {
            signature.reportAtStartup(new Startup());
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }
        return records;
    }

    @Test
    void aBrowserPhoneTokenIsVonageShapedAndCoversOnlyItsOwnPayload() {
        var token = check.sign(post(BODY), NOW, java.time.Duration.ofSeconds(60)).orElseThrow();
        assertEquals(Verdict.VALID, verify(bearer(token), post(BODY)));
        assertEquals(Verdict.HASH_MISMATCH, verify(bearer(token), post(BODY.replace("480261", "480262"))));
        var decoded = JWT.decode(token);
        assertEquals("HS256", decoded.getAlgorithm());
        assertEquals(VonageSignature.BROWSER_PHONE_KEY_ID, decoded.getKeyId());
        assertEquals(NOW, decoded.getIssuedAtAsInstant());
        assertEquals(NOW.plusSeconds(60), decoded.getExpiresAtAsInstant());
        assertEquals(sha256(BODY), decoded.getClaim("payload_hash").asString());
        assertTrue(decoded.getId() != null && decoded.getId().length() >= 32, "a random jti");
    }

    @Test
    void aBrowserPhoneTokenIsNoVonageWebhookTokenAnywhereElse() {
        // Vonage's signature secret is account-wide: any other service of the account that checks signed webhooks
        // verifies HS256 with it. The browser phone's tokens must not pass there (no signing oracle for admins).
        var token = check.sign(post(BODY), NOW, java.time.Duration.ofSeconds(60)).orElseThrow();
        assertThrows(SignatureVerificationException.class,
                () -> Algorithm.HMAC256(SECRET).verify(JWT.decode(token)));
        var parts = token.split("\\.");
        var withoutKeyId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Verdict.BAD_SIGNATURE, verify(bearer(withoutKeyId + "." + parts[1] + "." + parts[2]), post(BODY)),
                "its signature is good only together with its key id");
        var vonageSignedAsPhone = vonageClaims(NOW, sha256(BODY)).withKeyId(VonageSignature.BROWSER_PHONE_KEY_ID)
                .sign(Algorithm.HMAC256(SECRET));
        assertEquals(Verdict.BAD_SIGNATURE, verify(bearer(vonageSignedAsPhone), post(BODY)),
                "the Vonage secret itself does not make browser-phone tokens");
        var otherServer = VonageSignature.of("another-accounts-signature-secret", 300);
        assertEquals(Verdict.BAD_SIGNATURE, otherServer.verify(bearer(token), post(BODY), NOW));
    }

    @Test
    void aBrowserPhoneTokenForAGetCoversItsQueryAndExpiresAfterItsLifetimeAndLeeway() {
        var token = check.sign(Payload.query(QUERY), NOW, java.time.Duration.ofSeconds(60)).orElseThrow();
        assertEquals(Verdict.VALID, verify(bearer(token), Payload.query(QUERY)));
        assertEquals(QUERY_HASH, JWT.decode(token).getClaim("payload_hash").asString());
        assertEquals(Verdict.VALID, check.verify(bearer(token), Payload.query(QUERY), NOW.plusSeconds(89)));
        assertEquals(Verdict.EXPIRED, check.verify(bearer(token), Payload.query(QUERY), NOW.plusSeconds(90)));
    }

    @Test
    void withoutASecretNothingIsSignedBecauseNothingCouldBeChecked() {
        for (var signature : List.of(VonageSignature.of(null, 300), VonageSignature.of(null, 300, true, null))) {
            assertTrue(signature.sign(post(BODY), NOW, java.time.Duration.ofSeconds(60)).isEmpty());
        }
    }

    /** Verifies at {@link #NOW} and checks that what comes back gives nothing away. */
    private Verdict verify(String authorization, Payload payload) {
        var verdict = check.verify(authorization, payload, NOW);
        Consumer<String> absent = text -> {
            assertFalse(verdict.reason().contains(text));
            assertFalse(verdict.toString().contains(text));
        };
        absent.accept(SECRET);
        if (authorization != null && authorization.length() > 12) {
            absent.accept(authorization.substring(7));
        }
        return verdict;
    }

    static Payload post(String body) {
        return Payload.body(body.getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A token shaped like Vonage's, minted by java-jwt; a null hash leaves payload_hash out. */
    static String vonage(Instant issuedAt, String payloadHash) {
        return vonageClaims(issuedAt, payloadHash).sign(Algorithm.HMAC256(SECRET));
    }

    static JWTCreator.Builder vonageClaims(Instant issuedAt, String payloadHash) {
        var builder = JWT.create().withIssuedAt(issuedAt).withJWTId(UUID.randomUUID().toString())
                .withClaim("api_key", "a1b2c3d4").withClaim("application_id", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab")
                .withIssuer("Vonage");
        return payloadHash == null ? builder : builder.withClaim("payload_hash", payloadHash);
    }

    static String claims(Instant issuedAt, String payloadHash) {
        return "{\"iat\":" + issuedAt.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"iss\":\"Vonage\",\"payload_hash\":\"" + payloadHash + "\",\"api_key\":\"a1b2c3d4\"}";
    }

    /** A token built by hand: any header, any claims, signed HMAC-SHA256 with the given secret. */
    static String handMade(String header, String claims, String secret) {
        try {
            var signingInput = part(header) + "." + part(claims);
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
