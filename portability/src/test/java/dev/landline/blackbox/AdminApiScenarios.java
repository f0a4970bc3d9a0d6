package dev.landline.blackbox;

import static dev.landline.testkit.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.AdminClient;
import dev.landline.testkit.Http;
import dev.landline.testkit.TestCredentials;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API on whatever server runs the WAR: the server's own users and role mapping, JSON, problem+json. */
abstract class AdminApiScenarios extends RunningServer {

    @Test
    void withoutCredentialsItIs401AndWithoutTheAdminRoleItIs403() {
        var anonymous = Http.send("GET", base.resolve("api/callers"), null, null, null);
        assertProblem(401, anonymous);
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                anonymous.headers().map()::toString);
        var wrongPassword = Http.send("GET", base.resolve("api/callers"), null, null,
                ADMIN.substring(0, ADMIN.indexOf(':')) + ":not-the-password");
        assertEquals(401, wrongPassword.statusCode());
        var viewer = Http.send("GET", base.resolve("api/callers"), null, null, VIEWER);
        assertProblem(403, viewer);
        var viewerWrite = Http.send("POST", base.resolve("api/callers"), "application/json",
                AdminClient.callerJson("Mallory", uniqueAccountNumber(), "480261", List.of()), VIEWER);
        assertEquals(403, viewerWrite.statusCode(), viewerWrite::body);
    }

    /**
     * MicroProfile OpenAPI: every server generates the description from the WAR's resources and serves it, without
     * sign-in, at {@code /openapi} on its HTTP port (outside the WAR's context root), each path under its own
     * JAX-RS application ({@code /api} or {@code /webhooks}).
     */
    @Test
    void theApiDescriptionIsServedAtOpenapiAndListsTheAdminAndWebhookPaths() {
        var description = Http.send("GET", base.resolve("/openapi"), null, null, null);
        assertEquals(200, description.statusCode(), description::body);
        assertTrue(description.body().matches("(?s)(.*\n)?openapi: 3\\..*"), description::body);
        for (var path : List.of("/api/callers:", "/api/callers/{callerId}/enrolments:", "/api/locked-callers:",
                "/webhooks/answer:", "/webhooks/event:")) {
            assertTrue(description.body().contains(path), () -> path + " in\n" + description.body());
        }
    }

    @Test
    void theStatusSaysWebhooksAreSignedWithTheSecretConfiguredTheServersWay() {
        var status = Http.admin("GET", base.resolve("api/status"), null);
        assertEquals(200, status.statusCode(), status::body);
        assertEquals("signed", Http.object(status).getString("webhooks"));
        assertTrue(Http.object(status).getBoolean("webhooksAuthenticated"));
        assertFalse(status.body().contains(TestCredentials.VONAGE_SIGNATURE_SECRET));
        assertProblem(403, Http.send("GET", base.resolve("api/status"), null, null, VIEWER));
    }

    /**
     * Each server was given both providers' webhook secrets the way its recipe says (Payara: password aliases;
     * WildFly: the CLI's properties file; Liberty: variables): readiness reports each provider signed, never a
     * secret. A secret that did not reach the WAR shows here as {@code refusing-no-secret}.
     */
    @Test
    void readinessSaysVonageAndTwilioWebhooksAreBothSignedWithTheSecretsConfiguredTheServersWay() {
        var ready = Http.send("GET", readiness, null, null, null);
        var checks = Http.object(ready).getJsonArray("checks").getValuesAs(JsonObject.class);
        var signed = checks.stream().filter(c -> c.getString("name").equals("signed-webhooks")).findFirst()
                .orElseThrow(() -> new AssertionError("no signed-webhooks check in " + checks));
        assertEquals("UP", signed.getString("status"), signed::toString);
        var data = signed.getJsonObject("data");
        assertEquals("signed", data.getString("vonage"), signed::toString);
        assertEquals("signed", data.getString("twilio"), signed::toString);
        assertEquals("signed", data.getString("mode"), signed::toString);
        assertFalse(ready.body().contains(TestCredentials.TWILIO_AUTH_TOKEN), "never the token");
        assertFalse(ready.body().contains(TestCredentials.VONAGE_SIGNATURE_SECRET), "never the secret");
    }

    @Test
    void aCreatedCallerAndAccountAreListedWithoutPinOrSecret() {
        var account = uniqueAccountNumber();
        var phone = uniquePhone();
        var created = Http.admin("POST", base.resolve("api/callers"),
                AdminClient.callerJson("Ada Lovelace", account, "480261", List.of("+" + phone)));
        assertEquals(201, created.statusCode(), created::body);
        var location = URI.create(created.headers().firstValue("Location").orElseThrow());
        var id = Http.object(created).getJsonNumber("id").longValue();

        var shown = Http.admin("GET", location, null);
        assertEquals(200, shown.statusCode(), shown::body);
        assertEquals(account, Http.object(shown).getString("accountNumber"));
        assertEquals(List.of(phone), Http.object(shown).getJsonArray("phoneNumbers").getValuesAs(JsonString::getString));
        var listed = Http.admin("GET", base.resolve("api/callers"), null);
        assertTrue(Http.array(listed).stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("accountNumber").equals(account)), listed.body());
        for (var body : List.of(created.body(), shown.body(), listed.body())) {
            assertFalse(body.contains("480261") || body.toLowerCase().contains("pin"), "no PIN, not even its hash");
        }

        var secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        var accounts = base.resolve("api/callers/" + id + "/accounts");
        var added = Http.admin("POST", accounts,
                "{\"uri\":\"otpauth://totp/ACME%20Co:ada@example.com?secret=" + secret + "&issuer=ACME%20Co\"}");
        assertEquals(201, added.statusCode(), added::body);
        assertTrue(added.headers().firstValue("Location").isPresent());
        var list = Http.admin("GET", accounts, null);
        assertEquals(200, list.statusCode(), list::body);
        assertEquals(List.of("ACME Co"), Http.array(list).stream().map(JsonObject.class::cast)
                .map(a -> a.getString("issuer")).toList());
        assertFalse(list.body().contains(secret) || list.body().contains("secret"), list.body());
    }

    /**
     * The audit trail says who changed what: the actor of an admin change is the user the server signed the request
     * in as (the container's caller principal), whichever way the server keeps its users (Payara's file realm,
     * WildFly's properties files, Liberty's basic registry). Only administrators read the trail.
     */
    @Test
    void anAdminChangeIsInTheAuditTrailUnderTheAdministratorsUserName() {
        var created = Http.send("POST", base.resolve("api/callers"), "application/json",
                AdminClient.callerJson("Grace Hopper", uniqueAccountNumber(), "480261", List.of()), ADMIN);
        assertEquals(201, created.statusCode(), created::body);
        var id = Http.object(created).getJsonNumber("id").longValue();

        var trail = Http.send("GET", base.resolve("api/audit?callerId=" + id), null, null, ADMIN);
        assertEquals(200, trail.statusCode(), trail::body);
        var changes = Http.object(trail).getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("kind").equals("ADMIN")).toList();
        assertEquals(List.of("caller.created"), changes.stream().map(e -> e.getString("outcome")).toList(),
                trail::body);
        assertEquals(ADMIN.substring(0, ADMIN.indexOf(':')), changes.get(0).getString("actor"), trail::body);
        assertFalse(trail.body().contains("480261"), "no PIN in the audit trail");
        assertProblem(403, Http.send("GET", base.resolve("api/audit?callerId=" + id), null, null, VIEWER));
    }

    @Test
    void badInputIsRefusedAsProblemsAndNothingIsStored() {
        var account = uniqueAccountNumber();
        var weak = Http.admin("POST", base.resolve("api/callers"), AdminClient.callerJson("Bo", account, "123456", List.of()));
        assertProblem(400, weak);
        assertTrue(Http.object(weak).getJsonArray("violations").stream().map(JsonObject.class::cast)
                .anyMatch(v -> v.getString("field").equals("pin")), weak.body());
        assertFalse(weak.body().contains("123456"), "the refused PIN is not echoed");
        assertProblem(400, Http.admin("POST", base.resolve("api/callers"), "{\"name\": "));
        assertProblem(415, Http.send("POST", base.resolve("api/callers"), "text/plain", "name=x", ADMIN));
        assertProblem(404, Http.admin("GET", base.resolve("api/callers/999999999"), null));
        assertFalse(listed(account), "the refused caller was not stored");

        assertEquals(201, Http.admin("POST", base.resolve("api/callers"),
                AdminClient.callerJson("Bo", account, "480261", List.of())).statusCode());
        HttpResponse<String> duplicate = Http.admin("POST", base.resolve("api/callers"),
                AdminClient.callerJson("Bo again", account, "591372", List.of()));
        assertProblem(409, duplicate);
    }

    /**
     * Each server was given its keys as docs/key-rotation.md tells its deployers (Payara: password aliases;
     * WildFly: CLI system properties; Liberty: variables in configDropins/overrides), each ring with two earlier
     * keys in one comma-separated value. The service must have received every key intact and in order: the ids it
     * reports are the documented fingerprints of exactly the configured keys, and the node is ready (every check UP).
     */
    @Test
    void theServerHandsBothKeyRingsWithTheirEarlierKeysToTheService() throws InterruptedException {
        // the keys the build gave every test server (it.* in pom.xml)
        var seedKey = TestCredentials.SEED_KEY;
        var previousSeedKeys = TestCredentials.SEED_KEY_PREVIOUS;
        var pepper = TestCredentials.PIN_PEPPER;
        var previousPeppers = TestCredentials.PIN_PEPPER_PREVIOUS;
        // readiness first: on WildFly the checks run on a management thread, and must not depend on a request
        // having created the beans they use
        var health = readiness;
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        var ready = Http.send("GET", health, null, null, null);
        while (ready.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            ready = Http.send("GET", health, null, null, null);
        }
        assertEquals(200, ready.statusCode(), ready::body);
        var checks = Http.object(ready).getJsonArray("checks").getValuesAs(JsonObject.class);
        assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("server-keys")
                && c.getString("status").equals("UP")), () -> "server-keys UP in " + checks);
        // counted, not merely UP because the rows could not be asked (Payara gives the data as strings)
        assertTrue(checks.stream().anyMatch(c -> c.getString("name").equals("stored-keys")
                && c.getString("status").equals("UP") && c.containsKey("data")
                && String.valueOf(c.getJsonObject("data").get("seedsUnderMissingKeys")).replace("\"", "").equals("0")),
                () -> "stored-keys counted and UP in " + checks);
        var keys = Http.admin("GET", base.resolve("api/keys"), null);
        assertEquals(200, keys.statusCode(), keys::body);
        var ring = Http.object(keys);
        assertRing("seed key", ring.getJsonArray("seedKeys").getValuesAs(JsonObject.class), seedKey, previousSeedKeys);
        assertRing("pepper", ring.getJsonArray("peppers").getValuesAs(JsonObject.class), pepper, previousPeppers);
        assertEquals(0, ring.getJsonNumber("seedsUnderMissingKeys").longValue(), keys::body);
        assertEquals(0, ring.getJsonNumber("pinsUnderMissingPeppers").longValue(), keys::body);
        for (var key : (seedKey + "," + previousSeedKeys + "," + pepper + "," + previousPeppers).split(",")) {
            assertFalse(keys.body().contains(key.strip()), "ids only, never a key");
        }
        assertProblem(403, Http.send("GET", base.resolve("api/keys"), null, null, VIEWER));
    }

    /** The ring's configured keys are exactly these, current first, then the earlier ones in the order given. */
    private static void assertRing(String what, List<JsonObject> reported, String current, String previous) {
        var expected = new ArrayList<String>();
        expected.add(keyId(current));
        Arrays.stream(previous.split(",")).map(String::strip).map(AdminApiScenarios::keyId).forEach(expected::add);
        var configured = reported.stream().filter(k -> k.getBoolean("configured")).toList();
        assertEquals(expected, configured.stream().map(k -> k.getString("id")).toList(), what + " ids: " + reported);
        assertTrue(configured.get(0).getBoolean("current"), what + ": the first is current");
        for (var earlier : configured.subList(1, configured.size())) {
            assertFalse(earlier.getBoolean("current"), () -> what + " " + earlier);
            // these test-only keys were never current on this server, so no row needs them
            assertTrue(earlier.getBoolean("removable"), () -> what + " " + earlier);
        }
    }

    /** A key's public id as docs/key-rotation.md defines it: SHA-256 of "landline key id" and the key's bytes. */
    private static String keyId(String base64) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update("landline key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(Base64.getDecoder().decode(base64)), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean listed(String account) {
        return Http.array(Http.admin("GET", base.resolve("api/callers"), null)).stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("accountNumber").equals(account));
    }
}
