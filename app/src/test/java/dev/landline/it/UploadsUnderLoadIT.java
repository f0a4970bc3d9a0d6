package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.codes.control.Base32;
import dev.landline.enrolment.control.HugePngs;
import dev.landline.testkit.CodesHeard;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.VonagePlayer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production WAR on Payara Micro with the run command's memory settings (src/main/payara/memory.args: at most
 * 256 MB of heap, kept 10-30 % free, serial GC): three 40-megapixel QR screenshots (8- and 16-bit RGBA PNGs)
 * uploaded at once while a call is played. No OutOfMemoryError; the call hears its right code; each upload is read
 * (201) or told to retry (503 with Retry-After), and a retry is then read; a damaged picture is still "damaged", an
 * oversized one a clear 413.
 */
class UploadsUnderLoadIT {

    private static final String ADMIN_PASSWORD = "uploads-it-admin-password";
    private static final String ADMIN = "admin:" + ADMIN_PASSWORD;
    private static final String PIN = "580417";
    private static final String PHONE = "447700900817";
    private static final String TO = "442079460000";

    @TempDir
    Path home;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        ServerProcesses.stop(server, false);
    }

    @Test
    void threeFortyMegapixelScreenshotsAtOnceNeitherExhaustTheHeapNorSilenceACall() throws Exception {
        var seeds = List.of(seed(1), seed(2), seed(3));
        var pictures = List.of(HugePngs.screenshot(keyUri("Eight", seeds.get(0)), 6400, 6250, 480, 8),
                HugePngs.screenshot(keyUri("Sixteen", seeds.get(1)), 6400, 6250, 480, 16),
                HugePngs.screenshot(keyUri("Again", seeds.get(2)), 6400, 6250, 480, 8));
        var base = start();
        var caller = callerWithAnAccount(base);
        var images = base.resolve("api/callers/" + caller + "/enrolments/images");
        var quiet = Instant.now();
        var warmUp = VonagePlayer.dial(base, PHONE, TO).press(PIN + "#");
        assertFalse(warmUp.spokenCodes().isEmpty(), warmUp.heard());
        System.out.println("UploadsUnderLoadIT: a call without uploads took "
                + Duration.between(quiet, Instant.now()).toMillis() + " ms");

        var pool = Executors.newFixedThreadPool(4);
        try {
            var began = Instant.now();
            var uploads = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (var picture : pictures) {
                uploads.add(CompletableFuture.supplyAsync(() -> upload(images, picture), pool)
                        .whenComplete((response, failure) -> System.out.println("UploadsUnderLoadIT: an upload of "
                                + picture.length + " bytes answered " + (response == null ? failure
                                : response.statusCode()) + " " + Duration.between(began, Instant.now()).toMillis()
                                + " ms after the uploads began")));
            }
            Thread.sleep(300);
            var dialled = Instant.now();
            var call = CompletableFuture.supplyAsync(() -> VonagePlayer.dial(base, PHONE, TO).press(PIN + "#"), pool)
                    .get(120, TimeUnit.SECONDS);
            var heardAt = Instant.now();
            System.out.println("UploadsUnderLoadIT: the call during the uploads took "
                    + Duration.between(dialled, heardAt).toMillis() + " ms; it heard its code "
                    + Duration.between(began, heardAt).toMillis() + " ms after the uploads began");
            assertFalse(call.spokenCodes().isEmpty(), call.heard());
            assertTrue(anyStepBetween(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), began, heardAt)
                    .contains(call.spokenCodes().get(0)), "the call hears its right code: " + call.heard());

            for (int i = 0; i < pictures.size(); i++) {
                var response = uploads.get(i).get(300, TimeUnit.SECONDS);
                if (response.statusCode() == 503) {
                    assertTrue(response.headers().firstValue("Retry-After").isPresent(), response::body);
                    assertTrue(response.headers().firstValue("Content-Type").orElse("")
                            .startsWith("application/problem+json"), response::body);
                    response = upload(images, pictures.get(i));
                }
                assertPreviewOf(seeds.get(i), began, response);
            }
        } finally {
            pool.shutdownNow();
        }

        var damaged = HugePngs.screenshot(keyUri("Broken", seed(4)), 6400, 6250, 480, 8);
        for (int i = damaged.length / 2; i < damaged.length / 2 + 64; i++) {
            damaged[i] = (byte) ~damaged[i];
        }
        var refused = upload(images, damaged);
        assertEquals(400, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("damaged"), refused::body);
        var oversized = upload(images, HugePngs.screenshot(keyUri("Wide", seed(5)), 6500, 6250, 480, 8));
        assertEquals(413, oversized.statusCode(), oversized::body);
        assertTrue(oversized.body().contains("megapixels"), oversized::body);

        var log = Files.readString(home.resolve("server.log"));
        assertFalse(log.contains("OutOfMemoryError"), "no OutOfMemoryError in the server log");
    }

    private void assertPreviewOf(byte[] seed, Instant began, HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response::body);
        var code = Http.object(response).getJsonArray("accounts").getJsonObject(0).getString("code");
        assertTrue(anyStepBetween(seed, began, Instant.now()).contains(code), "the preview shows the right code");
    }

    /** The seed's codes (SHA-1, 6 digits, 30 s) from a step before {@code from} to a step after {@code to}. */
    private static Set<String> anyStepBetween(byte[] seed, Instant from, Instant to) {
        return CodesHeard.between(step -> ReferenceOtp.hotp(seed, step, 6, "HmacSHA1"),
                from.getEpochSecond() / 30 - 1, to.getEpochSecond() / 30 + 1);
    }

    private static byte[] seed(int n) {
        var seed = new byte[20];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (n * 31 + i * 7);
        }
        return seed;
    }

    private static String keyUri(String issuer, byte[] seed) {
        return "otpauth://totp/" + issuer + ":ada?secret=" + Base32.encode(seed) + "&issuer=" + issuer;
    }

    private long callerWithAnAccount(URI base) {
        var created = Http.send("POST", base.resolve("api/callers"), "application/json",
                "{\"name\":\"Ula\",\"accountNumber\":\"8178\",\"pin\":\"" + PIN + "\",\"phoneNumbers\":[\"+" + PHONE
                        + "\"]}", ADMIN);
        assertEquals(201, created.statusCode(), created::body);
        var id = Http.object(created).getJsonNumber("id").longValue();
        var added = Http.send("POST", base.resolve("api/callers/" + id + "/accounts"), "application/json",
                "{\"uri\":\"otpauth://totp/GitHub:ula?secret=" + ReferenceOtp.RFC_SECRET + "\"}", ADMIN);
        assertEquals(201, added.statusCode(), added::body);
        return id;
    }

    private static HttpResponse<String> upload(URI uri, byte[] png) {
        return Http.upload("POST", uri, "image/png", png, ADMIN, Duration.ofSeconds(240));
    }

    /** Prepares LANDLINE_HOME as the run command does, and starts Payara Micro with the run command's settings. */
    private URI start() throws Exception {
        ServerProcesses.prepareRunCommandHome(home, ADMIN_PASSWORD);
        int port = ServerProcesses.freePort();
        server = ServerProcesses.startAsRunCommand(home, port);
        var base = URI.create("http://127.0.0.1:" + port + "/");
        ServerProcesses.awaitUp(server, home.resolve("server.log"), Duration.ofSeconds(180),
                () -> Http.send("GET", base.resolve("health/ready"), null, null, null).statusCode() == 200
                        && Http.send("GET", base.resolve("api/callers"), null, null, ADMIN).statusCode() == 200);
        return base;
    }
}
