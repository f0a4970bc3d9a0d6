package dev.landline.bench;

import dev.landline.blackbox.matrix.AppServer;
import dev.landline.blackbox.matrix.Database;
import dev.landline.blackbox.matrix.Matrix;
import dev.landline.blackbox.matrix.Running;
import dev.landline.blackbox.matrix.Setup;
import dev.landline.blackbox.matrix.TestSettings;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testkit.WebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Phase {@code floors} (issue 15): what each server costs before our code does anything, side by side in one run.
 * Payara Micro, WildFly and Open Liberty, started the way the portability matrix starts them (its provisioning,
 * dev.landline.blackbox.matrix) with the run command's JVM options, serve four rows each, driven by wrk -t1 -c50:
 * (a) a static file and (b) an empty JAX-RS GET in the trivial WAR (module floor-war), (c) the same GET in a copy of
 * our WAR with the trivial WAR's classes added (behind our providers, filters and CDI; the production WAR is
 * unchanged), (d) our signed Vonage answer webhook, an unknown number and a fresh call each request. Per server and
 * WAR the rows alternate, round after round, after a warm-up of each. Writes docs/benchmarks.md between
 * {@code <!-- floors:start -->} and {@code <!-- floors:end -->}.
 */
final class Floors {

    static final String SECTION = "floors";

    enum Row {
        STATIC("a", "static file (trivial WAR)"),
        TRIVIAL_GET("b", "empty JAX-RS GET (trivial WAR)"),
        OUR_GET("c", "empty JAX-RS GET (our WAR)"),
        ANSWER("d", "signed Vonage answer (our WAR)");

        final String letter;
        final String what;

        Row(String letter, String what) {
            this.letter = letter;
            this.what = what;
        }
    }

    /** One row's runs on one server. */
    record Measured(String server, Row row, List<Wrk.Run> runs) {

        double median(java.util.function.ToDoubleFunction<Wrk.Run> figure) {
            return Report.median(runs.stream().mapToDouble(figure).sorted().toArray());
        }

        double min(java.util.function.ToDoubleFunction<Wrk.Run> figure) {
            return runs.stream().mapToDouble(figure).min().orElse(-1);
        }

        double max(java.util.function.ToDoubleFunction<Wrk.Run> figure) {
            return runs.stream().mapToDouble(figure).max().orElse(-1);
        }

        /** Server CPU time over all runs divided by all their requests, ms; -1 when unknown. */
        double cpuPerRequest() {
            if (runs.stream().anyMatch(r -> r.serverCpuMillis() < 0)) {
                return -1;
            }
            return runs.stream().mapToDouble(Wrk.Run::serverCpuMillis).sum()
                    / Math.max(1, runs.stream().mapToLong(Wrk.Run::requests).sum());
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Options o;
    private final Path work;
    private final Consumer<String> say;
    private final List<String> failures = new ArrayList<>();
    private long unknown = ThreadLocalRandom.current().nextLong(10_000_000L);

    Floors(Options o, Path work, Consumer<String> say) {
        this.o = o;
        this.work = work.resolve("floors");
        this.say = say;
    }

    void run() throws Exception {
        if (!Wrk.available()) {
            say.accept("[bench] floors SKIPPED: wrk is not on the PATH (Debian: apt-get install wrk; .ci/run installs"
                    + " it when it runs as root)");
            return;
        }
        if (!o.floorPostBoot.isEmpty() && !o.floorServers.equals(List.of("payara-micro"))) {
            throw new IllegalArgumentException("--floor-post-boot is for Payara Micro alone: add --floor-servers"
                    + " payara-micro");
        }
        Files.createDirectories(work);
        // where the matrix's provisioning finds the admin recipes and its filtered test-only server configuration
        System.setProperty("matrix.recipes", o.project.resolve("app/src/main").toString());
        System.setProperty("matrix.test-config", o.project.resolve("portability/target").toString());
        var trivial = List.of(trivialWar());
        var ours = new ArrayList<Path>();
        for (var war : o.floorWars.isEmpty() ? List.of(o.build.resolve("landline-authenticator.war")) : o.floorWars) {
            ours.add(ourWarWithTheFloor(war, ours.size()));
        }
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var loadBefore = CallBench.loadAverage();
        say.accept("[bench] floors: " + String.join(", ", o.floorServers) + "; wrk -t1 -c" + o.wrkConnections + " -d"
                + seconds() + "s, " + o.wrkRounds + " alternated round(s) after a " + warmup() + " s warm-up of each"
                + " row; server JVM " + String.join(" ", o.serverJvm));
        var measured = new ArrayList<Measured>();
        for (var server : Matrix.SERVERS) {
            if (o.floorServers.contains(server.key())) {
                var onTrivial = rows(Row.STATIC, Row.TRIVIAL_GET);
                if (!onTrivial.isEmpty()) {
                    measured.addAll(measure(server, trivial, "trivial", onTrivial));
                }
                var onOurs = rows(Row.OUR_GET, Row.ANSWER);
                if (!onOurs.isEmpty()) {
                    measured.addAll(measure(server, ours, "ours", onOurs));
                }
            }
        }
        var loadAfter = CallBench.loadAverage();
        // an A/B (some rows only, or another WAR) is not the floors' table: it is only said
        if (o.out != null && failures.isEmpty() && o.floorRows.size() == Row.values().length && o.floorWars.isEmpty()) {
            DocSection.replace(o.out, SECTION, markdown(measured, startedAt, loadBefore, loadAfter));
            say.accept("[bench] floors written to " + o.out);
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> say.accept("[bench]   floors failure: " + f));
            throw new IllegalStateException("floors: " + failures.size() + " run(s) with failed requests");
        }
    }

    /** Those of the rows --floor-rows asks for. */
    private List<Row> rows(Row... rows) {
        return java.util.Arrays.stream(rows).filter(row -> o.floorRows.contains(row.letter)).toList();
    }

    private long seconds() {
        return Math.max(1, Math.round(o.wrkSeconds));
    }

    private long warmup() {
        return Math.max(1, Math.round(o.wrkWarmup));
    }

    /**
     * Starts the server once per WAR (several at once for a side-by-side A/B), then runs the rows on each, round
     * after round after a warm-up; with several WARs their order turns every round, so that a drift of the
     * machine's speed falls on each alike.
     */
    private List<Measured> measure(AppServer server, List<Path> wars, String which, List<Row> rows) throws Exception {
        var started = new ArrayList<Running>();
        var names = new ArrayList<String>();
        try {
            for (int i = 0; i < wars.size(); i++) {
                var name = wars.size() == 1 ? which : which + "-" + (char) ('A' + i);
                var dir = Files.createDirectories(work.resolve(server.key() + "-" + name));
                var postBoot = new ArrayList<String>();
                for (var file : o.floorPostBoot.getOrDefault(String.valueOf((char) ('A' + i)), List.of())) {
                    postBoot.addAll(Files.readAllLines(file).stream()
                            .filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
                }
                var setup = new Setup(wars.get(i), dir, Database.h2(), o.build, TestSettings.fromTestCredentials(),
                        o.serverJvm, postBoot);
                long t0 = System.nanoTime();
                var running = server.start(setup);
                started.add(running);
                for (var row : rows) {
                    awaitAnswer(running, row);
                }
                names.add(wars.size() == 1 ? server.displayName()
                        : server.displayName() + " " + (char) ('A' + i) + " (" + label(i) + ")");
                say.accept(String.format(java.util.Locale.ROOT, "[bench] %s with %s WAR ready at %s after %.0f s",
                        names.get(i), which.equals("ours") ? "our" : "the trivial", running.baseUrl(),
                        (System.nanoTime() - t0) / 1e9));
            }
            var wrkDir = Files.createDirectories(work.resolve(server.key() + "-" + which + "-wrk"));
            var wrk = new Wrk(wrkDir, o.wrkConnections);
            var runs = new ArrayList<Map<Row, List<Wrk.Run>>>();
            var rate = new EnumMap<Row, Double>(Row.class);
            for (int i = 0; i < started.size(); i++) {
                runs.add(new EnumMap<>(Row.class));
            }
            for (int round = -1; round < o.wrkRounds; round++) {
                for (var row : rows) {
                    for (int k = 0; k < started.size(); k++) {
                        int i = Math.floorMod(round, 2) == 0 ? k : started.size() - 1 - k;
                        var run = one(wrk, started.get(i), row, round < 0 ? warmup() : seconds(),
                                rate.getOrDefault(row, 5000.0));
                        rate.merge(row, run.perSecond(), Math::max);
                        var name = names.get(i) + " " + row.letter + " " + row.what;
                        say.accept(String.format(java.util.Locale.ROOT,
                                "[bench]   %s%s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %s ms CPU/request%s%s",
                                name, round < 0 ? " (warm-up)" : "", run.perSecond(), run.p50(), run.p99(),
                                run.serverCpuMillis() < 0 ? "?" : Report.f("%.3f", cpuPerRequest(run)),
                                run.failed() > 0 ? " FAILED REQUESTS " + run.failed() + " (non-2xx " + run.non2xx()
                                        + ", socket errors " + run.socketErrors() + ")" : "",
                                run.reusedSignatures() ? " (signatures reused: more requests than signed)" : ""));
                        if (run.failed() > 0) {
                            failures.add(name + ": " + run.failed() + " failed of " + run.requests() + " (see "
                                    + wrkDir.resolve("wrk.log") + ")");
                        }
                        if (round >= 0) {
                            runs.get(i).computeIfAbsent(row, r -> new ArrayList<>()).add(run);
                        }
                    }
                }
            }
            var measured = new ArrayList<Measured>();
            for (int i = 0; i < started.size(); i++) {
                for (var row : rows) {
                    measured.add(new Measured(names.get(i), row, runs.get(i).get(row)));
                }
            }
            if (started.size() > 1) {
                rows.forEach(row -> sayPaired(row, names, runs));
            }
            return measured;
        } finally {
            for (var running : started) {
                running.close();
            }
        }
    }

    /** A side-by-side A/B's verdict per row: each WAR's CPU per request and rate against A's, round by round. */
    private void sayPaired(Row row, List<String> names, List<Map<Row, List<Wrk.Run>>> runs) {
        var a = runs.get(0).get(row);
        for (int i = 1; i < runs.size(); i++) {
            var b = runs.get(i).get(row);
            var cpu = new ArrayList<String>();
            var rate = new ArrayList<String>();
            for (int r = 0; r < a.size(); r++) {
                cpu.add(a.get(r).serverCpuMillis() < 0 || b.get(r).serverCpuMillis() < 0 ? "?"
                        : Report.f("%+.1f %%", 100 * (cpuPerRequest(b.get(r)) / cpuPerRequest(a.get(r)) - 1)));
                rate.add(Report.f("%+.1f %%", 100 * (b.get(r).perSecond() / a.get(r).perSecond() - 1)));
            }
            say.accept("[bench]   side by side, row " + row.letter + ": " + names.get(i) + " against " + names.get(0)
                    + ", round by round: CPU per request " + String.join(", ", cpu) + "; req/s "
                    + String.join(", ", rate) + Report.f("; over all rounds CPU per request %.3f against %.3f ms",
                    new Measured(names.get(i), row, b).cpuPerRequest(),
                    new Measured(names.get(0), row, a).cpuPerRequest()));
        }
    }

    private static double cpuPerRequest(Wrk.Run run) {
        return run.serverCpuMillis() / Math.max(1, run.requests());
    }

    private String label(int war) {
        return o.floorWars.get(war).getFileName().toString();
    }

    private Wrk.Run one(Wrk wrk, Running running, Row row, long seconds, double expectedRate) throws Exception {
        var server = running.process();
        var base = running.baseUrl();
        return switch (row) {
            case STATIC -> wrk.get(base.resolve("ncco.json"), seconds, server);
            case TRIVIAL_GET, OUR_GET -> wrk.get(base.resolve("floor/ncco"), seconds, server);
            case ANSWER -> {
                // enough fresh signatures for the window at 3x the fastest rate seen so far (a server warms up)
                int count = (int) Math.min(2_000_000, Math.max(5000, expectedRate * 3 * seconds));
                var requests = wrk.presignedAnswers(base, WebhookSigner.forTests(), count, unknown);
                unknown += count;
                yield wrk.presigned(base, requests, count, seconds, server);
            }
        };
    }

    /** Waits (bounded) until the row's URL answers as it should: a server may say ready before its WAR serves. */
    private static void awaitAnswer(Running running, Row row) throws Exception {
        var deadline = Instant.now().plusSeconds(120);
        var last = "no answer";
        var vonage = VonagePlayer.lean(TestCredentials.VONAGE_SIGNATURE_SECRET);
        while (Instant.now().isBefore(deadline)) {
            if (row == Row.ANSWER) {
                var r = vonage.answer(running.baseUrl(), UUID.randomUUID().toString(), "15559999999", "442079460000");
                if (r.ok() && r.eventUrl() != null) {
                    return;
                }
                last = r.status() + " " + r.body();
            } else {
                var url = running.baseUrl().resolve(row == Row.STATIC ? "ncco.json" : "floor/ncco");
                try {
                    var response = CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("Hello from the floor")) {
                        return;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException notYet) {
                    last = notYet.toString();
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(row.what + " did not answer as it should within 120 s: " + last);
    }

    /** The trivial WAR, under our WAR's file name: each server deploys it exactly where it deploys ours. */
    private Path trivialWar() throws IOException {
        var war = Files.createDirectories(work.resolve("trivial")).resolve("landline-authenticator.war");
        Files.copy(o.build.resolve("landline-floor-war.war"), war, StandardCopyOption.REPLACE_EXISTING);
        return war;
    }

    /** A copy of a build of our WAR with the trivial WAR's classes (dev/landline/floor) added; the original unchanged. */
    private Path ourWarWithTheFloor(Path build, int index) throws IOException {
        var war = Files.createDirectories(work.resolve("ours" + (index == 0 ? "" : "-" + index)))
                .resolve("landline-authenticator.war");
        Files.copy(build, war, StandardCopyOption.REPLACE_EXISTING);
        try (var from = FileSystems.newFileSystem(o.build.resolve("landline-floor-war.war"));
                var to = FileSystems.newFileSystem(war)) {
            var classes = from.getPath("/WEB-INF/classes/dev/landline/floor");
            var target = Files.createDirectories(to.getPath("/WEB-INF/classes/dev/landline/floor"));
            try (var files = Files.list(classes)) {
                for (var file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
        }
        return war;
    }

    private String markdown(List<Measured> measured, Instant startedAt, String loadBefore, String loadAfter) {
        var md = new StringBuilder();
        md.append(Report.f("Measured %s with `%s` on %d × %s, load average (1 min) %s before, %s after. Every server"
                + " with the JVM options `%s`, embedded H2; wrk -t1 -c%d -d%ds per run, the rows of one server and WAR"
                + " alternated %d time(s) after a %d s warm-up of each; req/s is the median of the runs"
                + " (lowest–highest), p50 and p99 the medians of the runs, server CPU the server's user+system time"
                + " over all runs divided by their requests.%n%n", startedAt, Report.command(o),
                Runtime.getRuntime().availableProcessors(), Report.cpu(), loadBefore, loadAfter,
                String.join(" ", o.serverJvm), o.wrkConnections, seconds(),
                o.wrkRounds, warmup()));
        md.append("| server | row | req/s | p50 ms | p99 ms | server CPU ms/request |\n");
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (var m : measured) {
            md.append(Report.f("| %s | (%s) %s | %,.0f (%,.0f–%,.0f) | %.2f | %.2f | %s |%n", m.server(), m.row().letter,
                    m.row().what, m.median(Wrk.Run::perSecond), m.min(Wrk.Run::perSecond),
                    m.max(Wrk.Run::perSecond), m.median(Wrk.Run::p50), m.median(Wrk.Run::p99),
                    m.cpuPerRequest() < 0 ? "n/a" : Report.f("%.3f", m.cpuPerRequest())));
        }
        return md.toString();
    }
}
