package dev.landline.blackbox;

import static dev.landline.blackbox.Admin.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API on whatever server runs the WAR: the server's own users and role mapping, JSON, problem+json. */
class AdminApiScenariosIT extends RunningServer {

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
                Admin.callerJson("Mallory", uniqueAccountNumber(), "480261", List.of()), VIEWER);
        assertEquals(403, viewerWrite.statusCode(), viewerWrite::body);
    }

    @Test
    void theStatusSaysWebhooksAreSignedWithTheSecretConfiguredTheServersWay() {
        var status = Http.admin("GET", base.resolve("api/status"), null);
        assertEquals(200, status.statusCode(), status::body);
        assertEquals("signed", Http.object(status).getString("webhooks"));
        assertTrue(Http.object(status).getBoolean("webhooksAuthenticated"));
        assertFalse(status.body().contains(Http.SIGNATURE_SECRET));
        assertProblem(403, Http.send("GET", base.resolve("api/status"), null, null, VIEWER));
    }

    @Test
    void aCreatedCallerAndAccountAreListedWithoutPinOrSecret() {
        var account = uniqueAccountNumber();
        var phone = uniquePhone();
        var created = Http.admin("POST", base.resolve("api/callers"),
                Admin.callerJson("Ada Lovelace", account, "480261", List.of("+" + phone)));
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

    @Test
    void badInputIsRefusedAsProblemsAndNothingIsStored() {
        var account = uniqueAccountNumber();
        var weak = Http.admin("POST", base.resolve("api/callers"), Admin.callerJson("Bo", account, "123456", List.of()));
        assertProblem(400, weak);
        assertTrue(Http.object(weak).getJsonArray("violations").stream().map(JsonObject.class::cast)
                .anyMatch(v -> v.getString("field").equals("pin")), weak.body());
        assertFalse(weak.body().contains("123456"), "the refused PIN is not echoed");
        assertProblem(400, Http.admin("POST", base.resolve("api/callers"), "{\"name\": "));
        assertProblem(415, Http.send("POST", base.resolve("api/callers"), "text/plain", "name=x", ADMIN));
        assertProblem(404, Http.admin("GET", base.resolve("api/callers/999999999"), null));
        assertFalse(listed(account), "the refused caller was not stored");

        assertEquals(201, Http.admin("POST", base.resolve("api/callers"),
                Admin.callerJson("Bo", account, "480261", List.of())).statusCode());
        HttpResponse<String> duplicate = Http.admin("POST", base.resolve("api/callers"),
                Admin.callerJson("Bo again", account, "591372", List.of()));
        assertProblem(409, duplicate);
    }

    private boolean listed(String account) {
        return Http.array(Http.admin("GET", base.resolve("api/callers"), null)).stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("accountNumber").equals(account));
    }
}
