package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testkit.ReferenceOtp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production WAR, prepared and started exactly as the run command does it (PrepareLocalServer, an H2 file
 * database, keys from --systemproperties, the admin user from LANDLINE_ADMIN_PASSWORD), stopped and started
 * again: callers, their accounts and the count of PIN failures are still there.
 */
class RestartIT {

    private static final String ADMIN_PASSWORD = "restart-it-admin-password";
    private static final String PIN = "480261";

    @TempDir
    Path home;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        stopServer();
    }

    @Test
    void callersAccountsAndPinFailuresSurviveARestart() throws Exception {
        prepare();
        int port = ServerProcesses.freePort();
        var base = URI.create("http://127.0.0.1:" + port + "/");
        start(port, base);

        var admin = "admin:" + ADMIN_PASSWORD;
        var created = Http.send("POST", base.resolve("api/callers"), "application/json",
                "{\"name\":\"Rae\",\"accountNumber\":\"7007\",\"pin\":\"" + PIN + "\",\"phoneNumbers\":[\"+447700900777\"]}",
                admin);
        assertEquals(201, created.statusCode(), created::body);
        var id = Http.object(created).getJsonNumber("id").longValue();
        var added = Http.send("POST", base.resolve("api/callers/" + id + "/accounts"), "application/json",
                "{\"uri\":\"otpauth://totp/GitHub:rae?secret=" + ReferenceOtp.RFC_SECRET + "\"}", admin);
        assertEquals(201, added.statusCode(), added::body);
        VonagePlayer.dial(base, "447700900777", "442079460000").press("111222#").press("333444#");
        assertEquals(2, failures(base, id, admin));

        stopServer();
        start(port, base);

        assertEquals(2, failures(base, id, admin), "the count of consecutive failures survived the restart");
        var call = VonagePlayer.dial(base, "447700900777", "442079460000").press(PIN + "#");
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), Instant.now(), 30, 6, "HmacSHA1");
        var next = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), Instant.now().plusSeconds(30), 30, 6,
                "HmacSHA1");
        assertEquals(2, call.spokenCodes().size(), call.heard());
        assertTrue(List.of(expected, next).contains(call.spokenCodes().get(0)),
                "the seed sealed before the restart opens after it: " + call.heard());
        assertEquals(0, failures(base, id, admin));
    }

    private int failures(URI base, long id, String admin) {
        var response = Http.send("GET", base.resolve("api/callers/" + id + "/lockout"), null, null, admin);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response).getInt("consecutiveFailures");
    }

    private void prepare() throws Exception {
        ServerProcesses.prepareRunCommandHome(home, ADMIN_PASSWORD);
    }

    private void start(int port, URI base) throws Exception {
        server = ServerProcesses.startAsRunCommand(home, port, "-Dlandline.pin.hash-iterations=100000");
        ServerProcesses.awaitUp(server, home.resolve("server.log"), Duration.ofSeconds(120),
                () -> Http.send("GET", base.resolve("health/ready"), null, null, null).statusCode() == 200
                        && Http.send("GET", base.resolve("api/callers"), null, null, "admin:" + ADMIN_PASSWORD)
                                .statusCode() == 200);
    }

    private void stopServer() throws InterruptedException {
        ServerProcesses.stop(server, false);
        server = null;
    }
}
