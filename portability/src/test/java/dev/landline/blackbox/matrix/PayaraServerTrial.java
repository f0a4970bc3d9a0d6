package dev.landline.blackbox.matrix;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Throwaway runner (engineer F, until the matrix runner of engineer G drives every server): starts Payara Server
 * through {@link PayaraServer} on H2 or on a PostgreSQL database of its own, checks readiness, a signed answer
 * webhook and the admin API with the test users, then either stops it or, with {@code hold}, keeps it running until
 * the file {@code <workDir>/stop} exists (to run the black-box scenarios against it with -Dlandline.base-url).
 *
 *   java -cp … dev.landline.blackbox.matrix.PayaraServerTrial h2|postgres WORK_DIR DISTRIBUTIONS WAR [hold]
 */
public final class PayaraServerTrial {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        var kind = args[0].equals("postgres") ? Database.Kind.POSTGRES : Database.Kind.H2;
        var work = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(work);
        var hold = args.length > 4 && args[4].equals("hold");
        var settings = TestSettings.fromSystemProperties();
        String pgName = null;
        Database database;
        if (kind == Database.Kind.POSTGRES) {
            pgName = "landline_it_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
            try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
                    "it-only-db-password"); var statement = connection.createStatement()) {
                statement.execute("create database " + pgName);
            }
            database = new Database(kind, "jdbc:postgresql://127.0.0.1:5432/" + pgName, "postgres", "it-only-db-password");
        } else {
            database = new Database(kind, "jdbc:h2:mem:landline;DB_CLOSE_DELAY=-1", "sa", "");
        }
        var setup = new Setup(Path.of(args[3]), work, database, Path.of(args[2]), settings);
        var started = Instant.now();
        System.out.println(LocalTime.now() + " starting Payara Server on " + kind);
        try (var server = new PayaraServer().start(setup)) {
            System.out.println(LocalTime.now() + " ready after " + Duration.between(started, Instant.now()).toSeconds()
                    + " s: " + server + ", log " + server.log());
            check(server, settings);
            if (hold) {
                var stop = work.resolve("stop");
                System.out.println("holding; touch " + stop + " to stop");
                while (!Files.exists(stop)) {
                    Thread.sleep(1000);
                }
            }
            var stopping = Instant.now();
            server.close();
            System.out.println(LocalTime.now() + " stopped in " + Duration.between(stopping, Instant.now()).toSeconds()
                    + " s");
        } finally {
            if (pgName != null) {
                try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
                        "it-only-db-password"); var statement = connection.createStatement()) {
                    statement.execute("drop database if exists " + pgName + " with (force)");
                }
            }
        }
    }

    private static void check(Running server, TestSettings settings) throws Exception {
        var ready = get(server.readinessUrl(), null, null);
        expect(ready.statusCode() == 200 && ready.body().contains("\"status\":\"UP\""), "readiness UP", ready);
        expect(ready.body().contains("\"mode\":\"signed\""), "webhooks signed", ready);

        var query = "uuid=" + UUID.randomUUID() + "&conversation_uuid=CON-" + UUID.randomUUID()
                + "&from=447700900123&to=442079460000";
        var answer = get(server.baseUrl().resolve("webhooks/answer?" + query), null, bearer(settings.signatureSecret()));
        expect(answer.statusCode() == 200 && answer.body().trim().startsWith("[") && answer.body().contains("talk"),
                "a signed answer webhook gets an NCCO", answer);
        var unsigned = get(server.baseUrl().resolve("webhooks/answer?" + query), null, null);
        expect(unsigned.statusCode() == 401, "an unsigned answer webhook is refused", unsigned);

        var callers = server.baseUrl().resolve("api/callers");
        var admin = get(callers, settings.adminUser() + ":" + settings.adminPassword(), null);
        expect(admin.statusCode() == 200 && admin.body().trim().startsWith("["), "the admin lists callers", admin);
        var viewer = get(callers, settings.viewerUser() + ":" + settings.viewerPassword(), null);
        expect(viewer.statusCode() == 403, "a signed-in user without role admin gets 403", viewer);
        var wrong = get(callers, settings.adminUser() + ":not-the-password", null);
        expect(wrong.statusCode() == 401, "a wrong password gets 401", wrong);
        var keys = get(server.baseUrl().resolve("api/keys"), settings.adminUser() + ":" + settings.adminPassword(), null);
        expect(keys.statusCode() == 200, "the admin sees the key rings", keys);
        System.out.println("checks passed: readiness UP, signed webhook NCCO, unsigned 401, admin 200, viewer 403,"
                + " wrong password 401; api/keys: " + keys.body());
    }

    private static HttpResponse<String> get(URI uri, String basic, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (basic != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        } else if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(String secret) {
        return "Bearer " + JWT.create().withIssuedAt(Instant.now()).withJWTId(UUID.randomUUID().toString())
                .withIssuer("Vonage").withClaim("api_key", "trial-key").withClaim("application_id", "trial-app")
                .sign(Algorithm.HMAC256(secret));
    }

    private static void expect(boolean holds, String what, HttpResponse<String> response) {
        if (!holds) {
            throw new AssertionError(what + ": got " + response.statusCode() + " " + response.body());
        }
        System.out.println("ok: " + what);
    }
}
