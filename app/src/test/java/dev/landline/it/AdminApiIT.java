package dev.landline.it;

import static dev.landline.testkit.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API over HTTP on Payara Micro: BASIC auth with role admin, JSON in, problem+json for errors. */
class AdminApiIT extends OnPayaraMicro {


    private String callerJson(String accountNumber, String pin) {
        return Json.createObjectBuilder().add("name", "Ada Lovelace").add("accountNumber", accountNumber)
                .add("pin", pin).add("phoneNumbers", Json.createArrayBuilder().add("+44 7700 900001"))
                .add("language", "en-GB").build().toString();
    }

    @Test
    void aCreatedCallerIsShownWithoutAnyTraceOfThePin() {
        var account = Fixtures.uniqueAccountNumber();
        var created = Http.admin("POST", base.resolve("api/callers"), callerJson(account, "480261"));
        assertEquals(201, created.statusCode(), created::body);
        var location = URI.create(created.headers().firstValue("Location").orElseThrow());

        var shown = Http.admin("GET", location, null);
        assertEquals(200, shown.statusCode());
        var caller = Http.object(shown);
        assertEquals("Ada Lovelace", caller.getString("name"));
        assertEquals(account, caller.getString("accountNumber"));
        assertEquals(List.of("447700900001"), caller.getJsonArray("phoneNumbers").getValuesAs(
                jakarta.json.JsonString::getString));
        for (var body : List.of(shown.body(), created.body(), Http.admin("GET", base.resolve("api/callers"), null).body())) {
            assertFalse(body.contains("480261"), "the PIN is never shown");
            assertFalse(body.toLowerCase().contains("pin"), "no PIN field, not even the hash: " + body);
        }
    }

    @Test
    void weakOrMalformedCallersAreRefusedNamingTheField() {
        assertField("pin", Http.admin("POST", base.resolve("api/callers"), callerJson(Fixtures.uniqueAccountNumber(), "123456")));
        assertField("pin", Http.admin("POST", base.resolve("api/callers"), callerJson(Fixtures.uniqueAccountNumber(), "777777")));
        assertField("pin", Http.admin("POST", base.resolve("api/callers"), callerJson(Fixtures.uniqueAccountNumber(), "4826")));
        assertField("pin", Http.admin("POST", base.resolve("api/callers"), callerJson(Fixtures.uniqueAccountNumber(), "48a261")));
        assertField("accountNumber", Http.admin("POST", base.resolve("api/callers"), callerJson("12ab", "480261")));
        assertField("name", Http.admin("POST", base.resolve("api/callers"),
                callerJson(Fixtures.uniqueAccountNumber(), "480261").replace("Ada Lovelace", " ")));
        assertField("phoneNumbers", Http.admin("POST", base.resolve("api/callers"),
                callerJson(Fixtures.uniqueAccountNumber(), "480261").replace("+44 7700 900001", "call me")));
        assertField("language", Http.admin("POST", base.resolve("api/callers"),
                callerJson(Fixtures.uniqueAccountNumber(), "480261").replace("en-GB", "klingon")));
        assertField("language", Http.admin("POST", base.resolve("api/callers"),
                callerJson(Fixtures.uniqueAccountNumber(), "480261").replace("en-GB", "ko-KR")));

        var weak = Http.admin("POST", base.resolve("api/callers"), callerJson(Fixtures.uniqueAccountNumber(), "123456"));
        assertFalse(weak.body().contains("123456"), "the refused PIN is not echoed");

        var account = Fixtures.uniqueAccountNumber();
        assertEquals(201, Http.admin("POST", base.resolve("api/callers"), callerJson(account, "480261")).statusCode());
        var duplicate = Http.admin("POST", base.resolve("api/callers"), callerJson(account, "591372"));
        assertEquals(409, duplicate.statusCode(), duplicate::body);
        assertProblem(duplicate);
    }

    @Test
    void theLanguagesOfferedAreThoseWithPromptsAndACallerCanBeGivenEach() {
        var languages = Http.admin("GET", base.resolve("api/languages"), null);
        assertEquals(200, languages.statusCode(), languages::body);
        var offered = Json.createReader(new java.io.StringReader(languages.body())).readArray()
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("en-GB", "en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-PT", "pt-BR", "pl-PL",
                "ja-JP"), offered.stream().map(l -> l.getString("tag")).toList());
        assertEquals("German (Germany)", offered.get(2).getString("name"));
        for (var language : offered) {
            var created = Http.admin("POST", base.resolve("api/callers"), callerJson(Fixtures.uniqueAccountNumber(),
                    "480261").replace("en-GB", language.getString("tag")));
            assertEquals(201, created.statusCode(), created::body);
            assertEquals(language.getString("tag"), Http.object(created).getString("language"));
        }
    }

    @Test
    void brokenBodiesAndUnknownIdsGetProblems() {
        var before = fixtures.counts();
        var bad = Http.admin("POST", base.resolve("api/callers"), "{\"name\": ");
        assertEquals(400, bad.statusCode(), bad::body);
        assertProblem(bad);
        var wrongType = Http.send("POST", base.resolve("api/callers"), "text/plain", "name=x", TestCredentials.ADMIN);
        assertEquals(415, wrongType.statusCode(), wrongType::body);
        assertProblem(wrongType);
        var typeMismatch = Http.admin("POST", base.resolve("api/callers"), "{\"name\": [], \"pin\": 5}");
        assertEquals(400, typeMismatch.statusCode(), typeMismatch::body);
        assertProblem(typeMismatch);
        var missing = Http.admin("GET", base.resolve("api/callers/999999"), null);
        assertEquals(404, missing.statusCode());
        assertProblem(missing);
        assertEquals(404, Http.admin("DELETE", base.resolve("api/callers/999999"), null).statusCode());
        assertEquals(before, fixtures.counts(), "nothing was written");
    }

    @Test
    void withoutCredentialsItIs401AndWithoutTheAdminRoleItIs403() {
        var anonymous = Http.send("GET", base.resolve("api/callers"), null, null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertProblem(anonymous);
        var wrongPassword = Http.send("GET", base.resolve("api/callers"), null, null,
                TestCredentials.ADMIN_USER + ":guess");
        assertEquals(401, wrongPassword.statusCode());
        var viewer = Http.send("GET", base.resolve("api/callers"), null, null, TestCredentials.VIEWER);
        assertEquals(403, viewer.statusCode());
        assertProblem(viewer);
        var viewerWrite = Http.send("POST", base.resolve("api/callers"), "application/json",
                callerJson(Fixtures.uniqueAccountNumber(), "480261"), TestCredentials.VIEWER);
        assertEquals(403, viewerWrite.statusCode());
    }

    @Test
    void accountsAreAddedByUriOrFieldsListedWithoutSecretsReorderedAndRemoved() {
        var caller = fixtures.caller("Bo", Fixtures.uniqueAccountNumber(), "480261");
        var accounts = base.resolve("api/callers/" + caller + "/accounts");
        var secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

        var byUri = Http.admin("POST", accounts, "{\"uri\":\"otpauth://totp/ACME%20Co:bo@example.com?secret="
                + secret + "&issuer=ACME%20Co\"}");
        assertEquals(201, byUri.statusCode(), byUri::body);
        assertTrue(byUri.headers().firstValue("Location").isPresent());
        var byFields = Http.admin("POST", accounts, "{\"issuer\":\"Bank\",\"label\":\"bo\",\"secret\":\""
                + secret.toLowerCase() + "\",\"algorithm\":\"SHA512\",\"digits\":8,\"period\":60}");
        assertEquals(201, byFields.statusCode(), byFields::body);
        var hotp = Http.admin("POST", accounts, "{\"uri\":\"otpauth://hotp/Vault:bo?secret=" + secret + "&counter=5\"}");
        assertEquals(201, hotp.statusCode(), hotp::body);

        var listed = Http.admin("GET", accounts, null);
        assertEquals(200, listed.statusCode());
        assertFalse(listed.body().contains(secret) || listed.body().contains(secret.toLowerCase())
                || listed.body().contains("secret"), "no secret in the listing: " + listed.body());
        var list = Http.array(listed);
        assertEquals(List.of("ACME Co", "Bank", "Vault"), list.stream().map(JsonObject.class::cast)
                .map(a -> a.getString("issuer")).toList());
        var bank = list.getJsonObject(1);
        assertEquals("SHA512", bank.getString("algorithm"));
        assertEquals(8, bank.getInt("digits"));
        assertEquals(60, bank.getInt("period"));
        assertEquals(5, list.getJsonObject(2).getInt("counter"));

        var ids = list.stream().map(JsonObject.class::cast).map(a -> a.getJsonNumber("id").longValue()).toList();
        var reorder = Http.admin("PUT", URI.create(accounts + "/order"),
                "{\"accountIds\":[" + ids.get(2) + "," + ids.get(0) + "," + ids.get(1) + "]}");
        assertEquals(204, reorder.statusCode(), reorder::body);
        assertEquals(List.of("Vault", "ACME Co", "Bank"), Http.array(Http.admin("GET", accounts, null)).stream()
                .map(JsonObject.class::cast).map(a -> a.getString("issuer")).toList());
        assertField("accountIds", Http.admin("PUT", URI.create(accounts + "/order"), "{\"accountIds\":[" + ids.get(0) + "]}"));

        assertEquals(204, Http.admin("DELETE", URI.create(accounts + "/" + ids.get(0)), null).statusCode());
        assertEquals(404, Http.admin("DELETE", URI.create(accounts + "/" + ids.get(0)), null).statusCode());
        assertEquals(List.of("Vault", "Bank"), Http.array(Http.admin("GET", accounts, null)).stream()
                .map(JsonObject.class::cast).map(a -> a.getString("issuer")).toList());
    }

    @Test
    void badAccountsAreRefusedNamingTheFieldAndNotStored() {
        var caller = fixtures.caller("Cy", Fixtures.uniqueAccountNumber(), "480261");
        var accounts = base.resolve("api/callers/" + caller + "/accounts");
        var before = fixtures.counts();
        assertField("uri", Http.admin("POST", accounts, "{\"uri\":\"https://example.com/not-otpauth\"}"));
        assertField("secret", Http.admin("POST", accounts, "{\"uri\":\"otpauth://totp/x?secret=JBSWY3DP\"}"));
        assertField("secret", Http.admin("POST", accounts, "{\"uri\":\"otpauth://totp/x?secret=JBSWY3DP!!\"}"));
        assertField("algorithm", Http.admin("POST", accounts,
                "{\"uri\":\"otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=MD5\"}"));
        assertField("digits", Http.admin("POST", accounts,
                "{\"label\":\"x\",\"secret\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\",\"digits\":9}"));
        assertField("label", Http.admin("POST", accounts, "{\"secret\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}"));
        assertEquals(404, Http.admin("POST", base.resolve("api/callers/999999/accounts"),
                "{\"label\":\"x\",\"secret\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}").statusCode());
        assertEquals(before, fixtures.counts(), "nothing was stored");
    }

    @Test
    void aChangedPinWorksOnTheNextCallAndTheOldOneNoLonger() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Dee", Fixtures.uniqueAccountNumber(), "480261", phone);
        fixtures.account(caller, "GitHub", "dee", ReferenceOtp.RFC_SECRET);
        assertField("pin", Http.admin("PUT", base.resolve("api/callers/" + caller + "/pin"), "{\"pin\":\"111111\"}"));
        assertEquals(204, Http.admin("PUT", base.resolve("api/callers/" + caller + "/pin"), "{\"pin\":\"905173\"}").statusCode());

        var old = VonagePlayer.dial(base, phone, "442079460000").press("480261#");
        assertTrue(old.heard().contains("did not work"), old.heard());
        var fresh = VonagePlayer.dial(base, phone, "442079460000").press("905173#");
        fresh.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
    }

    @Test
    void aDeletedCallerIsGoneWithTheirAccounts() {
        var caller = fixtures.caller("Eli", Fixtures.uniqueAccountNumber(), "480261");
        fixtures.account(caller, "GitHub", "eli", ReferenceOtp.RFC_SECRET);
        assertEquals(204, Http.admin("DELETE", base.resolve("api/callers/" + caller), null).statusCode());
        assertEquals(404, Http.admin("GET", base.resolve("api/callers/" + caller), null).statusCode());
        assertEquals(404, Http.admin("GET", base.resolve("api/callers/" + caller + "/accounts"), null).statusCode());
    }

    @Test
    void callersAreListedAPageAtATimeNewestFirst() {
        var older = Fixtures.uniqueAccountNumber();
        var newer = Fixtures.uniqueAccountNumber();
        assertEquals(201, Http.admin("POST", base.resolve("api/callers"), callerJson(older, "480261")).statusCode());
        assertEquals(201, Http.admin("POST", base.resolve("api/callers"), callerJson(newer, "480261")).statusCode());
        var first = Http.array(Http.admin("GET", base.resolve("api/callers?size=1"), null));
        var second = Http.array(Http.admin("GET", base.resolve("api/callers?page=1&size=1"), null));
        assertEquals(1, first.size());
        assertEquals(newer, first.getJsonObject(0).getString("accountNumber"));
        assertEquals(older, second.getJsonObject(0).getString("accountNumber"));
        assertTrue(Http.array(Http.admin("GET", base.resolve("api/callers"), null)).size() <= 50,
                "without parameters, one page of 50 at most");
    }

    @Test
    void badPagingParametersAreRefusedNamingThem() {
        assertField("size", Http.admin("GET", base.resolve("api/callers?size=201"), null));
        assertField("size", Http.admin("GET", base.resolve("api/callers?size=0"), null));
        assertField("page", Http.admin("GET", base.resolve("api/callers?page=-1"), null));
        assertField("page", Http.admin("GET", base.resolve("api/callers?page=abc"), null));
        assertField("size", Http.admin("GET", base.resolve("api/locked-callers?size=many"), null));
        assertField("page", Http.admin("GET", base.resolve("api/audit?page=x"), null));
    }

    private static void assertField(String field, HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response::body);
        assertProblem(response);
        var violations = Http.object(response).getJsonArray("violations");
        assertTrue(violations != null && violations.stream().map(JsonObject.class::cast)
                .anyMatch(v -> v.getString("field").equals(field)), () -> "names " + field + ": " + response.body());
    }
}
