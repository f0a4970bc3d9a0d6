package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.signatures.boundary.SignedWebhookFilter;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.WebhookSigner;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR on a Payara Micro of its own started WITHOUT {@code landline.vonage.signature-secret} and
 * {@code landline.twilio.auth-token} (everything else as the Arquillian servers): every webhook is refused (Vonage's
 * with 401, Twilio's with 403) before anything is evaluated or stored (any method, any path under
 * {@code /webhooks}, and the lock-out attack of issue 11), and the server is not ready, naming the settings.
 * Then with {@code landline.webhooks.allow-unsigned=true}: unsigned webhooks are taken (the same attack charges the
 * victim, so the first test's "nothing changed" can fail), and the startup line, readiness and
 * {@code GET /api/status} say so, for each provider, with the URLs for each provider's console. Then with the Twilio
 * auth token alone: the server is ready, Twilio webhooks pass with a right {@code X-Twilio-Signature} only, Vonage's
 * are refused, and the startup line and status say just that. With allow-unsigned, the banner on every admin page
 * says so (naming both providers) in Chromium too, even when the pages' shared scripts fail to load, and the Callers
 * page shows each provider's mode and console URLs.
 */
class SignedByDefaultIT {

    private static final String SECRET_OPTION = "-Dlandline.vonage.signature-secret=";
    private static final String TWILIO_OPTION = "-Dlandline.twilio.auth-token=";
    private static final String PIN = "480261";

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        ServerProcesses.stop(server, false);
    }

    @Test
    void withoutASecretEveryWebhookIsRefusedNothingChangesAndTheServerIsNotReady() throws Exception {
        var base = start();
        var fixtures = new Fixtures(base);
        var phone = Fixtures.uniquePhone();
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.caller("Ada", account, PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "ada", ReferenceOtp.RFC_SECRET);
        var before = fixtures.counts();

        var query = "uuid=call-1&conversation_uuid=CON-1&from=" + phone + "&to=442079460000";
        var body = "{\"uuid\":\"call-1\",\"conversation_uuid\":\"CON-1\",\"from\":\"" + phone
                + "\",\"to\":\"442079460000\",\"dtmf\":{\"digits\":\"111222#\",\"timed_out\":false}}";
        var refused = new ArrayList<HttpResponse<String>>();
        refused.add(Http.send("GET", base.resolve("webhooks/answer?" + query), null, null, null));
        refused.add(Http.webhook("GET", base.resolve("webhooks/answer?" + query), null, null));
        refused.add(Http.send("POST", base.resolve("webhooks/answer"), "application/json", body, null));
        refused.add(Http.webhook("POST", base.resolve("webhooks/answer"), "application/json", body));
        refused.add(Http.webhook("POST", base.resolve("webhooks/event"), "application/json",
                "{\"uuid\":\"call-1\",\"status\":\"completed\"}"));
        for (int i = 0; i < 10; i++) {
            refused.add(Http.send("POST", base.resolve("webhooks/input/any-token-" + i), "application/json", body,
                    null));
        }
        // the lock-out attack of issue 11, which charges the victim where unsigned webhooks are taken (see below)
        var attack = lockOutAttack(base, phone, 10);
        assertEquals(10, attack.size(), "no answer named an eventUrl to send the wrong PINs to");
        refused.addAll(attack);
        for (var path : List.of("webhooks/answer", "webhooks/nothing-here", "webhooks/input", "webhooks/")) {
            refused.add(Http.send("OPTIONS", base.resolve(path), null, null, null));
            refused.add(Http.send("POST", base.resolve(path + "?from=" + phone), "application/json", body, null));
        }
        for (var response : refused) {
            assertEquals(401, response.statusCode(), response::body);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().map()::toString);
            assertTrue(response.body().contains("landline.vonage.signature-secret"), response::body);
            assertFalse(response.body().contains("Exception"), response::body);
        }
        for (var path : List.of("webhooks/answer?" + query, "webhooks/nothing-here", "webhooks/input/any-token")) {
            var head = Http.send("HEAD", base.resolve(path), null, null, null);
            assertEquals(401, head.statusCode(), "HEAD " + path + " is refused too");
        }
        var twilioForm = "CallSid=CA1&From=%2B" + phone + "&To=%2B442079460000";
        for (var signature : new String[] {null, twilioSignature(base.resolve("webhooks/twilio/voice"), twilioForm)}) {
            var twilio = twilioWebhook(base.resolve("webhooks/twilio/voice"), twilioForm, signature);
            assertEquals(403, twilio.statusCode(), "Twilio expects 403: " + twilio.body());
            assertTrue(twilio.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    twilio.headers().map()::toString);
            assertTrue(twilio.body().contains("landline.twilio.auth-token"), twilio::body);
        }
        assertEquals(before, fixtures.counts(), "nothing was evaluated or stored: no call, no count, no audit row");
        assertEquals(0, lockout(base, caller).getInt("consecutiveFailures"));

        var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
        assertEquals(503, ready.statusCode(), ready::body);
        var check = check(ready, "signed-webhooks");
        assertEquals("DOWN", check.getString("status"));
        assertTrue(check.getJsonObject("data").getString("reason").startsWith("landline.vonage.signature-secret is not set"),
                check::toString);
        assertTrue(check.getJsonObject("data").getString("reason").contains("landline.twilio.auth-token is not set"),
                check::toString);
        assertEquals("refusing-no-secret", check.getJsonObject("data").getString("twilio"));
        assertEquals("UP", check(ready, "server-keys").getString("status"), "only the signature secret is missing");

        var status = Http.object(Http.send("GET", base.resolve("api/status"), null, null, TestCredentials.ADMIN));
        assertEquals("refusing-no-secret", status.getString("webhooks"));
        assertFalse(status.getBoolean("webhooksAuthenticated"));
        assertEquals("refusing-no-secret", provider(status, "vonage").getString("webhooks"));
        assertEquals("landline.vonage.signature-secret", provider(status, "vonage").getString("secretSetting"));
        assertEquals("refusing-no-secret", provider(status, "twilio").getString("webhooks"));
        assertEquals("landline.twilio.auth-token", provider(status, "twilio").getString("secretSetting"));
        assertTrue(log().contains("webhooks ALL REFUSED: Vonage refused (landline.vonage.signature-secret not set),"
                + " Twilio refused (landline.twilio.auth-token not set)"), this::log);
    }

    /** One provider's entry in {@code GET /api/status}. */
    private static JsonObject provider(JsonObject status, String name) {
        return status.getJsonArray("providers").stream().map(JsonObject.class::cast)
                .filter(provider -> provider.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no provider " + name + " in " + status));
    }

    /** The URLs a provider's console needs, as {@code GET /api/status} gives them. */
    private static List<String> consoleUrls(JsonObject status, String name) {
        return provider(status, name).getJsonArray("console").stream().map(JsonObject.class::cast)
                .map(url -> url.getString("url")).toList();
    }

    @Test
    void onlyAnExplicitAllowUnsignedTakesUnsignedWebhooksAndEverythingSaysSo() throws Exception {
        var base = start("-Dlandline.webhooks.allow-unsigned=true");
        var fixtures = new Fixtures(base);
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Bo", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "bo", ReferenceOtp.RFC_SECRET);

        var answer = Http.send("GET", base.resolve("webhooks/answer?uuid=call-2&conversation_uuid=CON-2&from=" + phone
                + "&to=442079460000"), null, null, null);
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.body().contains("\"action\":\"input\""), "the unsigned call goes on to the PIN: " + answer.body());
        var repeated = Http.send("GET", base.resolve("webhooks/answer?uuid=call-3&conversation_uuid=CON-3&from=" + phone
                + "&to=442079460000&from=447700900999"), null, null, null);
        assertEquals(400, repeated.statusCode(), "a repeated parameter is refused in this mode too: " + repeated.body());

        // the same lock-out attack that changes nothing on a server without a secret charges the victim here
        var before = fixtures.counts();
        var attack = lockOutAttack(base, phone, 3);
        assertEquals(6, attack.size(), "every answer asked for the PIN, and every wrong PIN was taken");
        assertTrue(attack.stream().allMatch(response -> response.statusCode() == 200), attack::toString);
        assertEquals(3, lockout(base, caller).getInt("consecutiveFailures"), "three wrong PINs counted against Bo");
        assertFalse(before.equals(fixtures.counts()), "the attack's calls and failures were stored");

        var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
        assertEquals(200, ready.statusCode(), ready::body);
        var check = check(ready, "signed-webhooks");
        assertEquals("UP", check.getString("status"));
        assertEquals("unsigned-allowed", check.getJsonObject("data").getString("mode"));
        assertTrue(check.getJsonObject("data").getString("warning").contains("NOT authenticated"), check::toString);
        assertEquals("unsigned-allowed", check.getJsonObject("data").getString("twilio"));
        assertPassedTheCheck(twilioWebhook(base.resolve("webhooks/twilio/voice"), "CallSid=CA2", null),
                "an unsigned Twilio webhook passes the check");

        var status = Http.object(Http.send("GET", base.resolve("api/status"), null, null, TestCredentials.ADMIN));
        assertEquals("unsigned-allowed", status.getString("webhooks"));
        assertFalse(status.getBoolean("webhooksAuthenticated"));
        for (var name : List.of("vonage", "twilio")) {
            assertEquals("unsigned-allowed", provider(status, name).getString("webhooks"), name);
            assertFalse(provider(status, name).getBoolean("authenticated"), name);
        }
        assertEquals(List.of(base.resolve("webhooks/answer").toString(), base.resolve("webhooks/event").toString()),
                consoleUrls(status, "vonage"), "no public address configured: the address the status was asked at");
        assertEquals(List.of(base.resolve("webhooks/twilio/voice").toString(),
                base.resolve("webhooks/twilio/status").toString()), consoleUrls(status, "twilio"));
        assertEquals(403, Http.send("GET", base.resolve("api/status"), null, null, TestCredentials.VIEWER).statusCode(),
                "admins only");
        assertTrue(log().contains("webhooks: Vonage UNAUTHENTICATED (landline.webhooks.allow-unsigned=true), Twilio"
                + " UNAUTHENTICATED (landline.webhooks.allow-unsigned=true)"), this::log);
        assertTrue(log().contains("Voice provider consoles: Vonage Answer URL /webhooks/answer (GET or POST)"),
                this::log);
        for (var name : List.of("index.html", "caller.html", "enrol.html", "phone.html")) {
            var page = Http.send("GET", base.resolve("admin/" + name), null, null, TestCredentials.ADMIN);
            assertTrue(page.body().contains("js/page.js"), name + " loads what every admin page shares");
        }
        var shared = Http.send("GET", base.resolve("admin/js/page.js"), null, null, TestCredentials.ADMIN);
        assertTrue(shared.body().contains("./status.js") && shared.body().contains("showStatus()"),
                "what every admin page shares includes the banner");
    }

    @Test
    void aTwilioOnlyServerIsReadyAndTakesTwilioWebhooksWithTheRightSignatureOnly() throws Exception {
        var token = TestCredentials.TWILIO_AUTH_TOKEN;
        var base = start(TWILIO_OPTION + token);
        var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
        assertEquals(200, ready.statusCode(), "a Twilio-only operator need not configure Vonage: " + ready.body());
        var data = check(ready, "signed-webhooks").getJsonObject("data");
        assertEquals("signed", data.getString("mode"));
        assertEquals("signed", data.getString("twilio"));
        assertEquals("refusing-no-secret", data.getString("vonage"));
        assertTrue(data.getString("vonage-reason").startsWith("landline.vonage.signature-secret is not set"),
                data::toString);

        var voice = base.resolve("webhooks/twilio/voice?step=1");
        var form = "CallSid=CA3&From=%2B447700900123&To=%2B442079460000&Digits=480261";
        var signature = twilioSignature(voice, form);
        assertPassedTheCheck(twilioWebhook(voice, form, signature),
                "the right signature passes");
        assertEquals(403, twilioWebhook(voice, form.replace("480261", "480262"), signature).statusCode(), "altered");
        assertEquals(403, twilioWebhook(voice, form, null).statusCode(), "unsigned");
        assertEquals(403, twilioWebhook(voice, form, twilioSignature(base.resolve("webhooks/twilio/voice"),
                form)).statusCode(), "signed for the URL without its query");
        var get = URI.create(voice + "&CallSid=CA4&From=%2B447700900123");
        assertPassedTheCheck(twilioWebhook(get, null, twilioSignature(get, "")), "a signed GET passes");
        assertEquals(401, Http.send("POST", base.resolve("webhooks/answer"), "application/json", "{}", null)
                .statusCode(), "Vonage's webhooks are still refused");

        var status = Http.object(Http.send("GET", base.resolve("api/status"), null, null, TestCredentials.ADMIN));
        assertEquals("signed", status.getString("webhooks"), "Twilio's calls are taken, all signed");
        assertTrue(status.getBoolean("webhooksAuthenticated"));
        assertEquals("signed", provider(status, "twilio").getString("webhooks"));
        assertEquals("X-Twilio-Signature", provider(status, "twilio").getString("signature"));
        assertEquals("refusing-no-secret", provider(status, "vonage").getString("webhooks"));
        assertTrue(log().contains("webhooks: Vonage refused (landline.vonage.signature-secret not set), Twilio signed"
                + " (X-Twilio-Signature required)"), this::log);
        assertFalse(log().contains(token), "the token is never logged");
        assertFalse(status.toString().contains(token), "nor shown");
    }

    /**
     * A webhook that passed the signature check and reached the Twilio resource, which greets the caller in TwiML: not
     * the filter's own 404 for a path no provider takes, nor any other refusal.
     */
    private static void assertPassedTheCheck(HttpResponse<String> response, String what) {
        assertFalse(response.body().contains(SignedWebhookFilter.NO_PROVIDER_HERE),
                what + ", yet the filter refused it as no provider's: " + response.body());
        assertEquals(200, response.statusCode(), what + ": " + response.body());
        assertTrue(response.body().contains("<Response><Gather "), what + ": " + response.body());
    }

    /** X-Twilio-Signature as Twilio computes it, with the test servers' token: the test kit's signer. */
    private static String twilioSignature(URI url, String form) {
        var params = new TreeMap<String, String>();
        for (var pair : form.isEmpty() ? new String[0] : form.split("&")) {
            var equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return WebhookSigner.twilio(TestCredentials.TWILIO_AUTH_TOKEN, url.toString(), params);
    }

    /** A Twilio webhook: a form POST (a GET when {@code form} is null), with this signature or none. */
    private static HttpResponse<String> twilioWebhook(URI url, String form, String signature) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60));
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        }
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onAnAllowUnsignedServerEveryAdminPageShowsTheBannerEvenWhenItsSharedScriptsFailToLoad() throws Exception {
        Browser.assumeChromium();
        var base = start("-Dlandline.webhooks.allow-unsigned=true");
        var caller = new Fixtures(base).caller("Cy", Fixtures.uniqueAccountNumber(), PIN);
        var pages = List.of("admin/index.html", "admin/caller.html?id=" + caller, "admin/enrol.html?caller=" + caller,
                "admin/phone.html");
        try (var browser = Browser.open(base)) {
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/index.html");
            var twilio = browser.visible("#providers tr[data-provider=twilio]").getText();
            assertTrue(twilio.contains("NOT authenticated") && twilio.contains(base.resolve("webhooks/twilio/voice")
                    .toString()) && twilio.contains(base.resolve("webhooks/twilio/status").toString()), twilio);
            assertTrue(browser.visible("#providers tr[data-provider=vonage]").getText()
                    .contains(base.resolve("webhooks/answer").toString()), "the Callers page shows each provider");
            assertTrue(browser.visible("#providers-address").getText().contains("landline.public-base-url"));
            for (var page : pages) {
                browser.open(page);
                var banner = browser.visible("#webhook-banner").getText();
                assertTrue(banner.contains("Webhooks are NOT authenticated for Vonage and Twilio calls"), page + banner);
                assertTrue(banner.contains("landline.vonage.signature-secret and landline.twilio.auth-token"), banner);
                assertEquals(1, browser.all("header.bar + #webhook-banner").size(), page + ": the banner is under the header");
                assertEquals(1, browser.all("#webhook-banner").size(), page + ": one banner");
            }
        }
        try (var browser = Browser.open(base)) {
            // the DOM helpers every page script imports cannot be loaded: the pages' own content is gone, but the
            // security banner and the navigation are still there
            browser.signInAndOpen(TestCredentials.ADMIN, "admin/index.html");
            browser.block("*/admin/js/ui.js");
            for (var page : pages) {
                browser.open(page);
                assertTrue(browser.visible("#webhook-banner").getText().contains("Webhooks are NOT authenticated"),
                        page + " without ui.js");
                assertEquals(3, browser.all("header.bar nav a").size(), page + " without ui.js: the navigation is there");
                assertEquals("blocked", browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " import(new URL('js/ui.js', location.href).href).then(() => done('loaded'), () => done('blocked'));"),
                        page + ": ui.js really cannot be loaded");
            }
        }
    }

    private static JsonObject check(HttpResponse<String> health, String name) {
        return Http.object(health).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + ": " + health.body()));
    }

    /**
     * The lock-out attack of issue 11, unsigned: {@code calls} calls answered as the victim's number, each typing a
     * wrong PIN to the eventUrl its answer names, if it names one. Every response, the answers' and the PINs'.
     */
    private static List<HttpResponse<String>> lockOutAttack(URI base, String victim, int calls) {
        var responses = new ArrayList<HttpResponse<String>>();
        for (int i = 0; i < calls; i++) {
            var uuid = "attack-" + UUID.randomUUID();
            var query = "uuid=" + uuid + "&conversation_uuid=CON-" + uuid + "&from=" + victim + "&to=442079460000";
            var answer = Http.send("GET", base.resolve("webhooks/answer?" + query), null, null, null);
            responses.add(answer);
            if (answer.statusCode() != 200) {
                continue;
            }
            var input = Http.array(answer).stream().map(JsonObject.class::cast)
                    .filter(action -> action.getString("action").equals("input")).findFirst();
            if (input.isPresent()) {
                var eventUrl = URI.create(input.get().getJsonArray("eventUrl").getString(0));
                var wrongPin = "{\"uuid\":\"" + uuid + "\",\"conversation_uuid\":\"CON-" + uuid + "\",\"from\":\""
                        + victim + "\",\"to\":\"442079460000\",\"dtmf\":{\"digits\":\"" + (111_111 + i)
                        + "#\",\"timed_out\":false}}";
                responses.add(Http.send("POST", eventUrl, "application/json", wrongPin, null));
            }
        }
        return responses;
    }

    private static JsonObject lockout(URI base, long caller) {
        return Http.object(Http.send("GET", base.resolve("api/callers/" + caller + "/lockout"), null, null, TestCredentials.ADMIN));
    }

    /** Starts the WAR (with the test-support classes) as the Arquillian servers are started, minus the secret. */
    private URI start(String... extraOptions) throws Exception {
        var war = dir.resolve("landline-authenticator.war");
        Deployments.builtWarWithTestSupport().as(ZipExporter.class).exportTo(war.toFile(), true);
        int port = ServerProcesses.freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("payara.cmdOptions", "").trim().split("\\s+")));
        command.removeIf(option -> option.isEmpty() || option.startsWith(SECRET_OPTION)
                || option.startsWith(TWILIO_OPTION));
        command.addAll(List.of(extraOptions));
        command.addAll(List.of("-Xmx384m", "-jar", "target/payara-micro.jar", "--nocluster", "--deploy", war.toString(),
                "--contextroot", "/", "--port", String.valueOf(port),
                "--prebootcommandfile", "src/main/payara/pre-boot-commands.txt",
                "--postbootcommandfile", "target/payara-it/post-boot-commands.txt"));
        assertFalse(String.join(" ", command).contains("signature-secret"), "started without a signature secret");
        assertEquals(List.of(extraOptions).stream().anyMatch(option -> option.startsWith(TWILIO_OPTION)),
                String.join(" ", command).contains(TWILIO_OPTION), "a Twilio token only where the test gives one");
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        var base = URI.create("http://127.0.0.1:" + port + "/");
        ServerProcesses.awaitUp(server, dir.resolve("server.log"), Duration.ofSeconds(240),
                () -> Http.send("GET", base.resolve("api/callers"), null, null, TestCredentials.ADMIN).statusCode() == 200);
        return base;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
