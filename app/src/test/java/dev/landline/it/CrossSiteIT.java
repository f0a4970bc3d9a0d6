package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What another site's page can make a signed-in administrator's browser send without a CORS preflight (a "simple"
 * request: a POST with no Content-Type, or text/plain, a form's urlencoded or multipart body) changes nothing under
 * /api; and no other site may frame the admin pages (clickjacking).
 */
class CrossSiteIT extends OnPayaraMicro {

    private static final String[] SIMPLE_TYPES = {null, "text/plain", "text/plain; charset=UTF-8",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"};

    @Test
    void aSimpleCrossSitePostCreatesNoCaller() {
        var before = fixtures.counts();
        for (var type : SIMPLE_TYPES) {
            var body = "{\"name\":\"Mallory\",\"accountNumber\":\"" + Fixtures.uniqueAccountNumber()
                    + "\",\"pin\":\"480261\",\"phoneNumbers\":[],\"language\":\"en-GB\"}";
            var response = Http.send("POST", base.resolve("api/callers"), type, body, TestCredentials.ADMIN);
            assertRefused(type, response);
        }
        assertEquals(before, fixtures.counts(), "nothing was stored");
    }

    @Test
    void aSimpleCrossSitePostCannotSaveAPendingEnrolment() {
        var caller = fixtures.caller("Ada", Fixtures.uniqueAccountNumber(), "258036", Fixtures.uniquePhone());
        var started = Http.admin("POST", base.resolve("api/callers/" + caller + "/enrolments"),
                "{\"uri\":\"otpauth://totp/GitHub:ada?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=GitHub\"}");
        assertEquals(201, started.statusCode(), started::body);
        var self = URI.create(started.headers().firstValue("Location").orElseThrow());
        var before = fixtures.counts();
        for (var type : SIMPLE_TYPES) {
            assertRefused(type, Http.send("POST", URI.create(self + "/save"), type, null, TestCredentials.ADMIN));
            assertRefused(type, Http.send("POST", URI.create(self + "/save"), type, "{\"partial\":true}", TestCredentials.ADMIN));
        }
        assertEquals(before, fixtures.counts(), "nothing was saved");
        assertEquals(200, Http.admin("GET", self, null).statusCode(), "the enrolment is still pending");
        var saved = Http.admin("POST", URI.create(self + "/save"), "{\"partial\":false}");
        assertEquals(201, saved.statusCode(), "a JSON save (what the page and curl send) works: " + saved.body());
    }

    @Test
    void aSimpleCrossSitePostGetsNoWebhookSignature() {
        for (var type : SIMPLE_TYPES) {
            assertRefused(type, Http.send("POST", base.resolve("api/phone/signatures"), type,
                    "{\"method\":\"POST\",\"body\":\"{}\"}", TestCredentials.ADMIN));
        }
    }

    @Test
    void adminPagesAndApiMayNotBeFramedByOtherSitesAndRunOnlyTheirOwnScripts() {
        for (var path : new String[] {"admin/", "admin/index.html", "admin/enrol.html", "admin/phone.html",
            "api/callers"}) {
            var response = Http.send("GET", base.resolve(path), null, null, TestCredentials.ADMIN);
            assertEquals(200, response.statusCode(), path);
            assertEquals(List.of("DENY"), response.headers().allValues("X-Frame-Options"), path);
            var policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            // 'wasm-unsafe-eval' compiles WebAssembly (the camera's QR decoder), it evaluates no script text
            assertTrue(policy.contains(path.startsWith("api/") ? "default-src 'none'" : "script-src 'self' 'wasm-unsafe-eval';"),
                    path + " runs no inline or foreign script: " + policy);
        }
    }

    private static void assertRefused(String type, HttpResponse<String> response) {
        assertEquals(415, response.statusCode(), () -> "Content-Type " + type + ": " + response.body());
        Http.assertProblem(response);
    }
}
