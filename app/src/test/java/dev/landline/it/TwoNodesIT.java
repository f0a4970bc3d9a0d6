package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.CodesHeard;
import dev.landline.testkit.Http;
import dev.landline.testkit.NccoRules;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testsupport.Postgres;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Payara Micro processes from the built WAR, on loopback, Hazelcast off (the pre-boot file and --nocluster),
 * sharing one PostgreSQL database of their own; no sticky sessions. Node B reaches the database through a TCP
 * forwarder the test can cut. Every webhook of a call goes to the other node than the one before; parallel wrong
 * PINs spread over both nodes are counted exactly; a node that loses the database finds out within seconds, is not
 * ready, apologises to callers within 2 s per webhook, counts nothing, and recovers within seconds; a node killed mid-call leaves the call to the other; a third node started
 * without the seed encryption key is not ready and apologises.
 * Runs in the PostgreSQL execution of failsafe only; skips (or fails, -Dlandline.require.postgres=true) without
 * PostgreSQL.
 */
@EnabledIfSystemProperty(named = "landline.it.postgres", matches = ".+",
        disabledReason = "runs in the PostgreSQL execution of failsafe (id \"postgres\"), not in the H2 one")
@ExtendWith(PostgresRun.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String PIN = "480261";

    @TempDir
    static Path dir;

    private Postgres.Database database;
    private TcpForwarder forwarder;
    private Node a;
    private Node b;
    private Node c;

    @BeforeAll
    void startTwoNodes() throws Exception {
        Postgres.assumeReachable();
        database = Postgres.create();
        forwarder = new TcpForwarder(database.host(), database.port());
        var started = Instant.now();
        a = new Node("a", database.host(), database.port());
        b = new Node("b", "127.0.0.1", forwarder.port());
        a.start();
        b.start();
        a.awaitReady();
        b.awaitReady();
        System.out.println("[TwoNodesIT] both nodes ready in " + Duration.between(started, Instant.now()).toMillis()
                + " ms");
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (var node : Arrays.asList(a, b, c)) {
            if (node != null) {
                node.stop();
            }
        }
        if (forwarder != null) {
            forwarder.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    @Order(1)
    void eachNodeSaysAtStartupItRunsOnThisPostgresDatabaseAndIsReady() throws IOException {
        for (var node : List.of(a, b)) {
            var log = node.log();
            var line = log.lines().filter(l -> l.contains("Landline Authenticator on ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no startup line in node " + node.name + ": " + tail(log)));
            System.out.println("[TwoNodesIT] node " + node.name + " started: "
                    + line.substring(line.indexOf("Landline Authenticator on ")));
            assertTrue(line.contains("Payara Micro"), line);
            assertTrue(line.contains("database PostgreSQL 15") || line.contains("database PostgreSQL 1"), line);
            assertTrue(line.contains("/" + database.name()), line);
            assertTrue(line.contains("webhooks: Vonage signed (Vonage JWT required), Twilio signed"), line);
            assertFalse(log.contains(Postgres.PASSWORD), "the database password is in node " + node.name + "'s log");
            if (node == a) {
                assertTrue(log.contains("Boot Command create-password-alias returned with result SUCCESS"),
                        "node a's database password is a password alias: " + tail(log));
            }
            var ready = Http.send("GET", node.base.resolve("health/ready"), null, null, null);
            assertEquals(200, ready.statusCode(), ready::body);
            var checks = Http.object(ready).getJsonArray("checks").toString();
            assertTrue(checks.contains("\"database\"") && checks.contains("\"server-keys\""), checks);
            assertEquals(200, Http.send("GET", node.base.resolve("health/live"), null, null, null).statusCode());
        }
    }

    @Test
    @Order(2)
    void eachWebhookOfACallOnTheOtherNodeAndTheCallCompletes() {
        var phone = Fixtures.uniquePhone();
        var caller = caller(a, "Ida", Fixtures.uniqueAccountNumber(), phone);
        account(b, caller, "otpauth://totp/GitHub:ida?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=GitHub");
        account(a, caller, "otpauth://totp/Bank:ida?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=Bank");

        var call = VonagePlayer.dial(a.base, phone, "442079460000");
        assertTrue(call.heard().contains("PIN"), call.heard());
        call.pressOn(b.base, PIN + "#");
        assertTrue(call.heard().contains("For GitHub, press 1"), call.heard());
        call.pressOn(a.base, "2");
        assertSpokenCodeIsCurrent(call);
        assertTrue(call.heard().contains("Bank"), call.heard());
        call.pressOn(b.base, "1");
        assertSpokenCodeIsCurrent(call);
        var event = Http.webhook("POST", a.base.resolve("webhooks/event"), "application/json",
                "{\"uuid\":\"" + call.uuid + "\",\"status\":\"completed\"}");
        assertEquals(204, event.statusCode(), event::body);
        assertEquals(0, lockout(b, caller).getInt("consecutiveFailures"));
    }

    @Test
    @Order(3)
    void parallelWrongPinsSpreadOverBothNodesAreCountedExactly() throws Exception {
        var account = Fixtures.uniqueAccountNumber();
        var caller = caller(a, "Target", account);
        account(b, caller, "otpauth://totp/GitHub:t?secret=" + ReferenceOtp.RFC_SECRET);
        int attempts = 40;
        var calls = new ArrayList<VonagePlayer>();
        var guesses = new ArrayList<String>();
        for (int i = 0; i < attempts; i++) {
            calls.add(callUpToThePin(i, account));
            guesses.add(String.format("%06d", 100_000 + i * 7));
        }
        for (var body : inParallel(calls, guesses, 20)) {
            assertTrue(body.contains("did not work"), body);
        }
        var outcomes = pinOutcomes(b, caller);
        assertEquals(attempts, outcomes.size(), "every attempt was decided once: " + outcomes);
        assertEquals(3, outcomes.stream().filter("REJECTED"::equals).count(),
                "only the three free attempts were evaluated, over both nodes: " + outcomes);
        assertEquals(attempts - 3, outcomes.stream().filter("DELAYED"::equals).count(), outcomes::toString);
        assertEquals(3, lockout(a, caller).getInt("consecutiveFailures"));
        assertEquals(3, lockout(b, caller).getInt("consecutiveFailures"));
    }

    @Test
    @Order(3)
    void wrongAndRightPinsInParallelOverBothNodesNeverGetPastTheLongWindow() throws Exception {
        var account = Fixtures.uniqueAccountNumber();
        var caller = caller(a, "Wyn", account);
        account(b, caller, "otpauth://totp/GitHub:w?secret=" + ReferenceOtp.RFC_SECRET);
        // 17 wrong PINs, each round's in parallel over both nodes, the owner's right PIN after each round (two a
        // round: after a third in a row the right PIN would have to wait 30 s, and this clock is real)
        int line = 0;
        for (int wrong : new int[] {2, 2, 2, 2, 2, 2, 2, 2, 1}) {
            var round = new ArrayList<VonagePlayer>();
            var pins = new ArrayList<String>();
            for (int i = 0; i < wrong; i++) {
                round.add(callUpToThePin(line++, account));
                pins.add(String.format("%06d", 200_000 + line));
            }
            inParallel(round, pins, 3);
            var owner = callUpToThePin(line++, account).pressOn(line % 2 == 0 ? a.base : b.base, PIN + "#");
            assertSpokenCodeIsCurrent(owner);
            assertTrue(owner.heard().contains(wrong == 1
                    ? "1 wrong PIN was entered for your account since your last call"
                    : wrong + " wrong PINs were entered for your account since your last call"), owner.heard());
        }
        assertEquals(17, lockout(a, caller).getInt("windowFailures"));

        // then 30 wrong and 10 right PINs at once, over both nodes: each right one resets the consecutive count, so
        // only the long window stops the wrong ones at 20. While a PIN is being checked it holds a place in the
        // window (so parallel attempts never evaluate more than 20 - 17 wrong ones), and attempts charged in that
        // moment are refused; a right PIN then gives its place back, never locking anybody for good.
        var calls = new ArrayList<VonagePlayer>();
        var pins = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            calls.add(callUpToThePin(line++, account));
            pins.add(i % 4 == 3 ? PIN : String.format("%06d", 300_000 + i));
        }
        var responses = inParallel(calls, pins, 20);
        var outcomes = pinOutcomes(b, caller);
        var blast = outcomes.subList(outcomes.size() - 40, outcomes.size());
        long rejected = blast.stream().filter("REJECTED"::equals).count();
        assertTrue(rejected <= 3, "at most 20 - 17 were evaluated: " + blast);
        assertEquals(40, blast.stream().filter(o -> o.equals("REJECTED") || o.equals("ACCEPTED") || o.equals("LOCKED"))
                .count(), "every attempt decided once, none delayed: " + blast);
        var rfcCodes = VonagePlayer.codesOf(ReferenceOtp.RFC_SECRET);
        long codes = responses.stream()
                .filter(body -> CodesHeard.said(rfcCodes, VonagePlayer.speechIn(body)).isPresent()).count();
        assertEquals(blast.stream().filter("ACCEPTED"::equals).count(), codes, "a code for each accepted PIN only");
        for (var node : List.of(a, b)) {
            var state = lockout(node, caller);
            assertEquals(17 + rejected, state.getInt("windowFailures"), "each evaluated wrong PIN counted: " + state);
            assertEquals(rejected == 3, state.getBoolean("windowLocked"),
                    "locked for good exactly when 20 wrong PINs were evaluated, never by a right one: " + state);
        }
        // whatever places right PINs held in the blast: wrong PINs one at a time, alternating the nodes, are
        // evaluated up to exactly 20, and not one more
        for (int i = 0; i < 3 - rejected; i++) {
            var wrong = callUpToThePin(line++, account).pressOn(line % 2 == 0 ? a.base : b.base, "39999" + i + "#");
            wrong.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        }
        var last = callUpToThePin(line++, account).pressOn(line % 2 == 0 ? a.base : b.base, "388888#");
        last.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        outcomes = pinOutcomes(b, caller);
        assertEquals("LOCKED", outcomes.get(outcomes.size() - 1), "the 21st wrong PIN is not evaluated: " + outcomes);
        assertEquals(20, outcomes.stream().filter("REJECTED"::equals).count(), outcomes::toString);
        for (var node : List.of(a, b)) {
            var state = lockout(node, caller);
            assertTrue(state.getBoolean("locked") && state.getBoolean("windowLocked"), state.toString());
            assertEquals(20, state.getInt("windowFailures"), state.toString());
            var refused = callUpToThePin(line++, account).pressOn(node.base, PIN + "#");
            refused.assertNoCodeHeard(ReferenceOtp.RFC_SECRET); // locked on this node too
        }
    }

    /** A call from a number of its own, on alternating nodes, that typed the account number and is asked the PIN. */
    private VonagePlayer callUpToThePin(int line, String account) {
        var first = line % 2 == 0 ? a : b;
        var call = VonagePlayer.dial(first.base, Fixtures.uniquePhone(), "4420796" + String.format("%05d", line));
        return call.pressOn(other(first).base, account + "#");
    }

    /** Sends each call's PIN at once, alternating the nodes; every answer is a 200 NCCO, its body returned. */
    private List<String> inParallel(List<VonagePlayer> calls, List<String> pins, int threads) {
        return VonagePlayer.pressConcurrently(calls, pins, threads, List.of(a.base, b.base)).stream()
                .map(HttpResponse::body).toList();
    }

    @Test
    @Order(4)
    void aNodeThatLosesTheDatabaseIsNotReadyApologisesCountsNothingAndRecovers() throws Exception {
        var phone = Fixtures.uniquePhone();
        var caller = caller(a, "Olu", Fixtures.uniqueAccountNumber(), phone);
        account(a, caller, "otpauth://totp/GitHub:olu?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=GitHub");
        var midCall = VonagePlayer.dial(b.base, phone, "442079460001");
        assertTrue(midCall.heard().contains("PIN"), midCall.heard());

        forwarder.cut();
        var cutAt = Instant.now();
        try {
            duringTheOutage(phone, caller, midCall, cutAt);
        } finally {
            forwarder.restore();
        }

        // back promptly: ready, and no longer answering webhooks with the apology (its probe reached the database)
        var restored = Instant.now();
        var deadline = restored.plusSeconds(5);
        while (Http.send("GET", b.base.resolve("health/ready"), null, null, null).statusCode() != 200
                || databaseKnownUnreachable(b)) {
            assertTrue(Instant.now().isBefore(deadline), "node b is back within 5 s of the database");
            Thread.sleep(100);
        }
        System.out.println("[TwoNodesIT] node b ready again " + Duration.between(restored, Instant.now()).toMillis()
                + " ms after the database came back");
        // Nothing was kept in memory either: the next three wrong PINs on node b are the caller's free attempts,
        // each evaluated, and the right one then reads the code.
        var after = VonagePlayer.dial(b.base, phone, "442079460001");
        for (var wrong : List.of("111222#", "333444#")) {
            after.press(wrong);
            assertTrue(after.heard().contains("did not work"), after.heard());
        }
        assertEquals(List.of("REJECTED", "REJECTED"), pinOutcomes(b, caller));
        after.press(PIN + "#");
        assertSpokenCodeIsCurrent(after);
        assertEquals(0, lockout(b, caller).getInt("consecutiveFailures"));
    }

    private void duringTheOutage(String phone, long caller, VonagePlayer midCall, Instant cutAt) {
        var ready = timed("readiness", () -> Http.send("GET", b.base.resolve("health/ready"), null, null, null));
        assertEquals(503, ready.statusCode(), ready::body);
        var database = Http.object(ready).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("DOWN", database.getString("status"));
        assertTrue(database.getJsonObject("data").getString("reason").contains("unreachable"), database.toString());
        assertEquals(200, Http.send("GET", b.base.resolve("health/live"), null, null, null).statusCode(),
                "liveness stays simple: the process is fine");
        assertEquals(200, Http.send("GET", a.base.resolve("health/ready"), null, null, null).statusCode(),
                "the other node still reaches the database");
        // node b finds out by itself (its probe checks the pool every second), before any webhook has failed
        var deadline = cutAt.plusSeconds(5);
        while (!databaseKnownUnreachable(b)) {
            assertTrue(Instant.now().isBefore(deadline), "node b knows of the outage within 5 s");
            sleep(100);
        }
        System.out.println("[TwoNodesIT] node b knew of the outage " + Duration.between(cutAt, Instant.now()).toMillis()
                + " ms after the cut");
        assertFalse(databaseKnownUnreachable(a), "node a still reaches the database");

        // the call that was waiting for its PIN, and whatever else is typed at its step (as a retry would)
        var step = URI.create(midCall.eventUrl());
        for (var digits : List.of("111222", "333444", "555666", "777888", PIN)) {
            assertApology(timed("answer", () -> VonagePlayer.dial(b.base, phone, "442079460001")));
            var response = timed("input", () -> Http.webhook("POST", step, "application/json", "{\"uuid\":\""
                    + midCall.uuid + "\",\"dtmf\":{\"digits\":\"" + digits + "\",\"timed_out\":false}}"));
            assertEquals(200, response.statusCode(), response::body);
            assertTrue(NccoRules.problems(response.body()).isEmpty(), response::body);
            assertTrue(response.body().contains("cannot read codes right now"), response.body());
            VonagePlayer.assertNoCodeIn(response, ReferenceOtp.RFC_SECRET);
            assertFalse(response.body().contains("\"input\""), "the call ends: " + response.body());
        }
        var event = timed("event", () -> Http.webhook("POST", b.base.resolve("webhooks/event"), "application/json",
                "{\"uuid\":\"" + midCall.uuid + "\",\"status\":\"completed\"}"));
        assertEquals(503, event.statusCode(), "a status event that cannot be stored: " + event.body());
        assertTrue(event.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        System.out.println("[TwoNodesIT] apologies during the outage took " + Duration.between(cutAt, Instant.now())
                .toMillis() + " ms: " + outageTimings);
        // Vonage waits about 5 s for an answer URL: a caller hears the apology only if each webhook answers fast
        assertTrue(outageTimings.stream().allMatch(t -> t.millis() <= OUTAGE_ANSWER_MILLIS),
                () -> "every request during the outage answered within " + OUTAGE_ANSWER_MILLIS + " ms: "
                        + outageTimings);

        // the admin API on the node without its database: 503 problem+json, not a 500 or a false 409 conflict
        for (var method : List.of("GET", "DELETE")) {
            var admin = Http.admin(method, b.base.resolve("api/callers/" + caller + "/lockout"), null);
            assertEquals(503, admin.statusCode(), () -> method + " lockout during the outage: " + admin.body());
            assertTrue(admin.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(admin.body().contains("database is unavailable"), admin.body());
        }

        var state = lockout(a, caller);
        assertEquals(0, state.getInt("consecutiveFailures"), "nothing was counted during the outage: " + state);
        assertTrue(pinOutcomes(a, caller).isEmpty(), "no PIN was decided during the outage");
    }

    @Test
    @Order(5)
    void aNodeKilledMidCallLeavesTheCallToTheOther() throws Exception {
        var phone = Fixtures.uniquePhone();
        var caller = caller(a, "Kim", Fixtures.uniqueAccountNumber(), phone);
        account(a, caller, "otpauth://totp/GitHub:kim?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=GitHub");
        var call = VonagePlayer.dial(a.base, phone, "442079460002");
        assertTrue(call.heard().contains("PIN"), call.heard());

        a.kill();

        call.pressOn(b.base, PIN + "#");
        assertSpokenCodeIsCurrent(call);
        call.pressOn(b.base, "1");
        assertSpokenCodeIsCurrent(call);
        var next = VonagePlayer.dial(b.base, phone, "442079460002").press(PIN + "#");
        assertSpokenCodeIsCurrent(next);
    }

    @Test
    @Order(6)
    void aNodeWithoutTheEncryptionKeyIsNotReadyAndApologises() throws Exception {
        c = new Node("c", database.host(), database.port(), true);
        c.start();
        var deadline = Instant.now().plus(Duration.ofSeconds(240));
        VonagePlayer call = null;
        while (call == null) {
            assertTrue(Instant.now().isBefore(deadline), () -> "node c did not answer in 240 s: " + tail(c.read()));
            try {
                call = VonagePlayer.dial(c.base, Fixtures.uniquePhone(), "442079460003");
            } catch (AssertionError | java.io.UncheckedIOException notYet) {
                Thread.sleep(500);
            }
        }
        assertApology(call);
        var ready = Http.send("GET", c.base.resolve("health/ready"), null, null, null);
        assertEquals(503, ready.statusCode(), ready::body);
        var keys = Http.object(ready).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("server-keys")).findFirst().orElseThrow();
        assertEquals("DOWN", keys.getString("status"));
        assertTrue(keys.getJsonObject("data").getString("reason").contains("landline.seed-key is not configured"),
                keys.toString());
        var database = Http.object(ready).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"), "the database is fine; only the key is missing");
    }

    /** What the node's status says: it knows its database to be out of reach (and answers webhooks at once). */
    private static boolean databaseKnownUnreachable(Node node) {
        var status = Http.admin("GET", node.base.resolve("api/status"), null);
        assertEquals(200, status.statusCode(), status::body);
        return Http.object(status).getJsonObject("database").getBoolean("unreachable");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The longest a webhook may take while the database is unreachable. */
    private static final long OUTAGE_ANSWER_MILLIS = 2_000;

    private record Timing(String what, long millis) {
        @Override
        public String toString() {
            return what + " " + millis + " ms";
        }
    }

    private final List<Timing> outageTimings = new ArrayList<>();

    private <T> T timed(String what, java.util.function.Supplier<T> request) {
        var started = System.nanoTime();
        try {
            return request.get();
        } finally {
            outageTimings.add(new Timing(what, (System.nanoTime() - started) / 1_000_000));
        }
    }

    private static void assertApology(VonagePlayer call) {
        assertTrue(call.ended(), "the apology ends the call: " + call.heard());
        assertTrue(call.heard().contains("cannot read codes right now"), call.heard());
        call.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
    }

    private static void assertSpokenCodeIsCurrent(VonagePlayer call) {
        call.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
    }

    private Node other(Node node) {
        return node == a ? b : a;
    }

    private static long caller(Node node, String name, String account, String... phones) {
        var body = jakarta.json.Json.createObjectBuilder().add("name", name).add("accountNumber", account)
                .add("pin", PIN).add("phoneNumbers", jakarta.json.Json.createArrayBuilder(List.of(phones)))
                .add("language", "en-GB").build().toString();
        var response = Http.admin("POST", node.base.resolve("api/callers"), body);
        assertEquals(201, response.statusCode(), response::body);
        return Http.object(response).getJsonNumber("id").longValue();
    }

    private static void account(Node node, long caller, String uri) {
        var response = Http.admin("POST", node.base.resolve("api/callers/" + caller + "/accounts"),
                "{\"uri\":\"" + uri + "\"}");
        assertEquals(201, response.statusCode(), response::body);
    }

    private static JsonObject lockout(Node node, long caller) {
        var response = Http.admin("GET", node.base.resolve("api/callers/" + caller + "/lockout"), null);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }

    private static List<String> pinOutcomes(Node node, long caller) {
        var response = Http.admin("GET", node.base.resolve("api/audit?callerId=" + caller + "&size=200"), null);
        assertEquals(200, response.statusCode(), response::body);
        var outcomes = new ArrayList<String>();
        Http.object(response).getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("kind").equals("PIN")).forEach(e -> outcomes.add(0, e.getString("outcome")));
        return outcomes;
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** One Payara Micro process with the built WAR at context root "/", on a free loopback port. */
    private final class Node {
        final String name;
        final URI base;
        private final int port;
        private final String dbHost;
        private final int dbPort;
        private Process process;
        private final boolean withoutSeedKey;

        Node(String name, String dbHost, int dbPort) throws IOException {
            this(name, dbHost, dbPort, false);
        }

        Node(String name, String dbHost, int dbPort, boolean withoutSeedKey) throws IOException {
            this.withoutSeedKey = withoutSeedKey;
            this.name = name;
            this.dbHost = dbHost;
            this.dbPort = dbPort;
            this.port = freePort();
            this.base = URI.create("http://127.0.0.1:" + port + "/");
        }

        Path logFile() {
            return dir.resolve("node-" + name + ".log");
        }

        String log() throws IOException {
            return Files.readString(logFile());
        }

        void start() throws IOException {
            var postBoot = dir.resolve("post-boot-" + name + ".txt");
            // node a as docs/deploying-payara-micro.md tells an administrator (the password in a password alias),
            // node b plainly
            Files.writeString(postBoot, Files.readString(Path.of("target/payara-it/post-boot-commands.txt")) + "\n"
                    + (name.equals("a") ? database.payaraPoolWithPasswordAlias(dbHost, dbPort, dir)
                            : database.payaraPool(dbHost, dbPort)));
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(System.getProperty("payara.cmdOptions", "").trim().split("\\s+")));
            command.addAll(List.of("-Xmx384m", "-jar", "target/payara-micro.jar", "--nocluster",
                    "--deploy", "target/landline-authenticator.war", "--contextroot", "/",
                    "--port", String.valueOf(port),
                    "--prebootcommandfile", "src/main/payara/pre-boot-commands.txt",
                    "--postbootcommandfile", postBoot.toString(),
                    "--addlibs", "target/postgresql.jar"));
            command.removeIf(String::isEmpty);
            if (withoutSeedKey) {
                command.removeIf(option -> option.startsWith("-Dlandline.seed-key="));
            }
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        }

        void awaitReady() throws Exception {
            var deadline = Instant.now().plus(Duration.ofSeconds(240));
            while (Instant.now().isBefore(deadline)) {
                assertTrue(process.isAlive(), () -> "node " + name + " died: " + tail(read()));
                try {
                    var ready = Http.send("GET", base.resolve("health/ready"), null, null, null);
                    var callers = Http.send("GET", base.resolve("api/callers"), null, null, TestCredentials.ADMIN);
                    if (ready.statusCode() == 200 && callers.statusCode() == 200) {
                        return;
                    }
                } catch (java.io.UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new AssertionError("node " + name + " not ready in 240 s: " + tail(read()));
        }

        /** As a crash would: no shutdown, no goodbye. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        private String read() {
            try {
                return log();
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
