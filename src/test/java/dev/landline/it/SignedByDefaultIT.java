package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR on a Payara Micro of its own started WITHOUT {@code landline.vonage.signature-secret} (everything else as
 * the Arquillian servers): every webhook is refused with 401 before anything is evaluated or stored, and the server
 * is not ready, naming the setting. Then with {@code landline.webhooks.allow-unsigned=true}: unsigned webhooks are
 * taken, and the startup line, readiness and {@code GET /api/status} say so.
 */
class SignedByDefaultIT {

    private static final String SECRET_OPTION = "-Dlandline.vonage.signature-secret=";
    private static final String PIN = "480261";

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void withoutASecretEveryWebhookIsRefusedNothingChangesAndTheServerIsNotReady() throws Exception {
        var base = start();
        var fixtures = new Fixtures(base);
        var phone = Fixtures.uniquePhone();
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.caller("Ada", account, PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "ada", Fixtures.RFC_SECRET);
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
            // the lock-out attack of issue 11: wrong PINs with the victim's number as "from"
            refused.add(Http.send("POST", base.resolve("webhooks/input/any-token-" + i), "application/json", body,
                    null));
        }
        for (var response : refused) {
            assertEquals(401, response.statusCode(), response::body);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    response.headers().map()::toString);
            assertTrue(response.body().contains("landline.vonage.signature-secret"), response::body);
            assertFalse(response.body().contains("Exception"), response::body);
        }
        assertEquals(before, fixtures.counts(), "nothing was evaluated or stored: no call, no count, no audit row");
        assertEquals(0, lockout(base, caller).getInt("consecutiveFailures"));

        var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
        assertEquals(503, ready.statusCode(), ready::body);
        var check = check(ready, "signed-webhooks");
        assertEquals("DOWN", check.getString("status"));
        assertTrue(check.getJsonObject("data").getString("reason").startsWith("landline.vonage.signature-secret is not set"),
                check::toString);
        assertEquals("UP", check(ready, "server-keys").getString("status"), "only the signature secret is missing");

        var status = Http.object(Http.send("GET", base.resolve("api/status"), null, null, Http.ADMIN));
        assertEquals("refusing-no-secret", status.getString("webhooks"));
        assertFalse(status.getBoolean("webhooksAuthenticated"));
        assertTrue(log().contains("webhooks ALL REFUSED (landline.vonage.signature-secret not set)"), this::log);
    }

    @Test
    void onlyAnExplicitAllowUnsignedTakesUnsignedWebhooksAndEverythingSaysSo() throws Exception {
        var base = start("-Dlandline.webhooks.allow-unsigned=true");
        var fixtures = new Fixtures(base);
        var phone = Fixtures.uniquePhone();
        fixtures.caller("Bo", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);

        var answer = Http.send("GET", base.resolve("webhooks/answer?uuid=call-2&conversation_uuid=CON-2&from=" + phone
                + "&to=442079460000"), null, null, null);
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.body().contains("\"action\":\"input\""), "the unsigned call goes on to the PIN: " + answer.body());
        var repeated = Http.send("GET", base.resolve("webhooks/answer?uuid=call-3&conversation_uuid=CON-3&from=" + phone
                + "&to=442079460000&from=447700900999"), null, null, null);
        assertEquals(400, repeated.statusCode(), "a repeated parameter is refused in this mode too: " + repeated.body());

        var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
        assertEquals(200, ready.statusCode(), ready::body);
        var check = check(ready, "signed-webhooks");
        assertEquals("UP", check.getString("status"));
        assertEquals("unsigned-allowed", check.getJsonObject("data").getString("mode"));
        assertTrue(check.getJsonObject("data").getString("warning").contains("NOT authenticated"), check::toString);

        var status = Http.object(Http.send("GET", base.resolve("api/status"), null, null, Http.ADMIN));
        assertEquals("unsigned-allowed", status.getString("webhooks"));
        assertFalse(status.getBoolean("webhooksAuthenticated"));
        assertEquals(403, Http.send("GET", base.resolve("api/status"), null, null, Http.VIEWER).statusCode(),
                "admins only");
        assertTrue(log().contains("webhooks UNAUTHENTICATED (landline.webhooks.allow-unsigned=true)"), this::log);
        var page = Http.send("GET", base.resolve("admin/phone.html"), null, null, Http.ADMIN);
        assertTrue(page.body().contains("js/status.js"), "every admin page loads the banner");
    }

    private static JsonObject check(HttpResponse<String> health, String name) {
        return Http.object(health).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + ": " + health.body()));
    }

    private static JsonObject lockout(URI base, long caller) {
        return Http.object(Http.send("GET", base.resolve("api/callers/" + caller + "/lockout"), null, null, Http.ADMIN));
    }

    /** Starts the WAR (with the test-support classes) as the Arquillian servers are started, minus the secret. */
    private URI start(String... extraOptions) throws Exception {
        var war = dir.resolve("landline-authenticator.war");
        Deployments.builtWarWithTestSupport().as(ZipExporter.class).exportTo(war.toFile(), true);
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("payara.cmdOptions", "").trim().split("\\s+")));
        command.removeIf(option -> option.isEmpty() || option.startsWith(SECRET_OPTION));
        command.addAll(List.of(extraOptions));
        command.addAll(List.of("-Xmx384m", "-jar", "target/payara-micro.jar", "--nocluster", "--deploy", war.toString(),
                "--contextroot", "/", "--port", String.valueOf(port),
                "--prebootcommandfile", "src/main/payara/pre-boot-commands.txt",
                "--postbootcommandfile", "target/payara-it/post-boot-commands.txt"));
        assertFalse(String.join(" ", command).contains("signature-secret"), "started without a signature secret");
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        var base = URI.create("http://127.0.0.1:" + port + "/");
        var deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(server.isAlive(), () -> "the server died: " + log());
            try {
                if (Http.send("GET", base.resolve("api/callers"), null, null, Http.ADMIN).statusCode() == 200) {
                    return base;
                }
            } catch (java.io.UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no answer in 240 s: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
