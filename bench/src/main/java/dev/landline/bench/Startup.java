package dev.landline.bench;

import dev.landline.testkit.VonagePlayer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The phase "startup": ready after start, our WAR beside an empty WAR on the same Payara Micro with the same settings
 * (so the report says what is ours and what is the server's), each started the run command's way without and with
 * its class-data archive (app/src/main/payara/PrepareLocalServer.java makes it, as the run command does), alternated,
 * several starts each. Per start: Payara's own "ready in" figure, the time from the process start to that log line,
 * to the first answered request (the empty WAR's static file; our /health/ready and then a signed answer webhook),
 * the server's CPU time and RSS at that moment. Writes its section of docs/benchmarks.md between its markers.
 * <p>
 * For an A/B ({@code --startup-war} per build, optionally {@code --startup-preboot} per build): only those builds,
 * in turn, or with {@code --startup-together} both started at the same moment each run, so that whatever the host's
 * speed does, it does to both; then it prints B − A per run and writes nothing.
 */
final class Startup {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A WAR ("empty", "ours", or an A/B's build) started plain or with the class-data archive. */
    private record Server(String war, Path file, boolean archive, Path preBoot, List<String> jvm) {
        String name() {
            return war + (archive ? ", class-data archive" : ", plain -jar payara-micro.jar");
        }

        boolean ours() {
            return !war.equals("empty");
        }

        /** The server's home folder name: its first word ("A" for an A/B's "A (x.war)": two files may share a name). */
        String key() {
            return war.split(" ")[0] + (archive ? "-archive" : "-plain");
        }
    }

    /** One start: ms from the process start, ms Payara reports, CPU ms and RSS MB at the first answered request. */
    private record Start(double logLine, double payara, double health, double signed, double cpu, double rss) {
    }

    private final Options o;
    private final Path work;
    private final Consumer<String> say;

    private Startup(Options o, Consumer<String> say) {
        this.o = o;
        // beside the driver's work folder, not in it: that one is emptied at every run, and the class-data archives
        // here are kept until the WAR or Payara changes, as the run command keeps its own
        this.work = o.build.resolve("bench-startup");
        this.say = say;
    }

    static void run(Options o, Consumer<String> say) throws Exception {
        new Startup(o, say).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var loadBefore = CallBench.loadAverage();
        var servers = new ArrayList<Server>();
        if (o.startupWars.isEmpty()) {
            var empty = emptyWar();
            var ours = o.build.resolve("landline-authenticator.war");
            // the smoke run starts each WAR once, without the archive (its training start alone takes a minute)
            for (var archive : o.smoke ? List.of(false) : List.of(false, true)) {
                servers.add(new Server("empty", empty, archive, runCommandPreBoot(), List.of()));
                servers.add(new Server("ours", ours, archive, runCommandPreBoot(), List.of()));
            }
        } else {
            // an A/B of builds of our WAR: each with the run command's archive, started in turn A, B, B, A, ...
            for (int i = 0; i < o.startupWars.size(); i++) {
                var file = o.startupWars.get(i);
                var preBoot = i < o.startupPreBoot.size() ? o.startupPreBoot.get(i) : runCommandPreBoot();
                var letter = String.valueOf((char) ('A' + i));
                var jvm = o.startupJvm.getOrDefault(letter, List.of());
                servers.add(new Server(letter + " (" + file.getFileName()
                        + (preBoot.equals(runCommandPreBoot()) ? "" : ", " + preBoot.getFileName())
                        + (jvm.isEmpty() ? "" : ", " + String.join(" ", jvm)) + ")", file, true, preBoot, jvm));
            }
        }
        var starts = new LinkedHashMap<Server, List<Start>>();
        servers.forEach(s -> starts.put(s, new ArrayList<>()));
        for (var server : servers) {
            long t = System.nanoTime();
            prepare(server);
            if (server.archive()) {
                say.accept(String.format(java.util.Locale.ROOT, "[bench] startup: %s prepared (archive made or"
                        + " found) in %.0f s", server.name(), (System.nanoTime() - t) / 1e9));
            }
        }
        int runs = o.smoke ? 1 : o.startupRuns;
        boolean together = o.startupTogether && servers.size() > 1 && !o.startupWars.isEmpty();
        var differences = new ArrayList<double[]>(); // together: B − A, answered and CPU at ready, per run
        for (int i = 0; i < runs; i++) {
            var inTurn = new ArrayList<>(servers);
            if (!o.startupWars.isEmpty() && i % 2 == 1) {
                java.util.Collections.reverse(inTurn);
            }
            var these = together ? together(inTurn) : inTurn(inTurn);
            these.forEach((server, start) -> {
                starts.get(server).add(start);
                say.accept(String.format(java.util.Locale.ROOT, "[bench] startup %-45s log line %6.0f ms (Payara:"
                        + " ready in %6.0f) | answered %6.0f ms%s | CPU %6.0f ms | RSS %4.0f MB | load %s",
                        server.name(), start.logLine(), start.payara(), start.health(),
                        start.signed() > 0 ? String.format(java.util.Locale.ROOT, ", signed answer %6.0f ms",
                                start.signed()) : "", start.cpu(), start.rss(), CallBench.loadAverage()));
            });
            if (together) {
                var a = these.get(servers.get(0));
                var b = these.get(servers.get(1));
                differences.add(new double[] {b.health() - a.health(), b.cpu() - a.cpu()});
                say.accept(String.format(java.util.Locale.ROOT, "[bench] startup together, run %d (%s started"
                        + " first): B − A answered %+6.0f ms, CPU at ready %+6.0f ms", i + 1,
                        inTurn.get(0).war().substring(0, 1), b.health() - a.health(), b.cpu() - a.cpu()));
            }
        }
        if (!o.startupWars.isEmpty()) {
            starts.forEach((server, list) -> say.accept("[bench] startup A/B " + server.name() + ": answered "
                    + stat(list, Start::health) + " ms, CPU at ready " + stat(list, Start::cpu) + " ms"));
            if (together) {
                say.accept("[bench] startup together, B − A over " + differences.size() + " run(s): answered "
                        + median(differences, 0) + " ms, B earlier in "
                        + differences.stream().filter(d -> d[0] < 0).count() + "; CPU at ready " + median(differences,
                        1) + " ms, B less in " + differences.stream().filter(d -> d[1] < 0).count());
            }
            return;
        }
        var md = markdown(starts, startedAt, loadBefore, CallBench.loadAverage(), runs);
        System.out.println();
        System.out.println(md);
        if (o.out != null) {
            write(o.out, md);
            say.accept("[bench] wrote the startup section of " + o.out);
        }
    }

    /** A WAR with one static file and nothing else: Payara Micro's own start. */
    private Path emptyWar() throws IOException {
        var war = work.resolve("empty.war");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(war))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("index.html"));
            zip.write("empty\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return war;
    }

    private Path runCommandPreBoot() {
        return o.project.resolve("app/src/main/payara/pre-boot-commands.txt");
    }

    private Path home(Server server) {
        return work.resolve(server.key());
    }

    /**
     * The run command's preparation, by the run command's own program: keys, admin user, post-boot commands and,
     * with the archive, the launcher and class-data archive (a training start when the WAR is new to it).
     */
    private void prepare(Server server) throws Exception {
        RunCommandLaunch.prepare(o, home(server), server.archive() ? server.file() : null, server.preBoot(),
                work.resolve("prepare.log"));
    }

    /** Each server started and stopped in turn. */
    private Map<Server, Start> inTurn(List<Server> servers) throws Exception {
        var these = new LinkedHashMap<Server, Start>();
        for (var server : servers) {
            prepare(server); // as at every run command: the launcher directory back to Payara's own configuration
            these.put(server, start(server));
        }
        return these;
    }

    /**
     * The servers started at the same moment (in this order, microseconds apart), sharing the cores while they
     * start: whatever the host's speed does then, it does to each of them.
     */
    private Map<Server, Start> together(List<Server> servers) throws Exception {
        for (var server : servers) {
            prepare(server);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(servers.size());
        try {
            var futures = new LinkedHashMap<Server, java.util.concurrent.Future<Start>>();
            for (var server : servers) {
                futures.put(server, pool.submit(() -> start(server)));
            }
            var these = new LinkedHashMap<Server, Start>();
            for (var e : futures.entrySet()) {
                try {
                    these.put(e.getKey(), e.getValue().get());
                } catch (java.util.concurrent.ExecutionException failed) {
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            }
            return these;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One start of a prepared server, until it answers; then it is stopped. */
    private Start start(Server server) throws Exception {
        var war = server.file();
        var home = home(server);
        int port = Processes.freePort();
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(o.serverJvm);
        command.addAll(server.jvm());
        command.add("-Dh2.bindAddress=127.0.0.1");
        command.add("-Djava.awt.headless=true");
        if (server.archive()) {
            command.addAll(RunCommandLaunch.launch(home));
        } else {
            command.addAll(List.of("-jar", o.build.resolve("payara-micro.jar").toString()));
        }
        command.add("--nocluster");
        command.addAll(o.serverArgs);
        command.addAll(List.of("--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--prebootcommandfile", server.preBoot().toString(),
                "--postbootcommandfile", home.resolve("post-boot-commands.txt").toString(),
                "--systemproperties", home.resolve("server-keys.properties").toString()));
        var log = work.resolve(server.key() + ".log");
        var base = URI.create("http://127.0.0.1:" + port + "/");
        var ours = server.ours();
        var vonage = ours ? VonagePlayer.lean(keys(home).getProperty("landline.vonage.signature-secret")) : null;
        long t0 = System.nanoTime();
        var process = Processes.start(command, work, log, o.serverEnv);
        try {
            double logLine = -1;
            double health = -1;
            long deadline = t0 + 180_000_000_000L;
            while (System.nanoTime() < deadline && (logLine < 0 || health < 0)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
                }
                if (logLine < 0 && Files.readString(log, StandardCharsets.ISO_8859_1).contains(" ready in ")) {
                    logLine = (System.nanoTime() - t0) / 1e6;
                }
                if (health < 0 && ok(base.resolve(ours ? "health/ready" : "index.html"))) {
                    health = (System.nanoTime() - t0) / 1e6;
                }
                Thread.sleep(20);
            }
            if (health < 0) {
                throw new IllegalStateException("not ready within 180 s; see " + log);
            }
            double signed = -1;
            if (ours) {
                var answer = vonage.answer(base, UUID.randomUUID().toString(), "15550000000", "442079460000");
                if (!answer.ok()) {
                    throw new IllegalStateException("ready, but the signed answer webhook failed; see " + log);
                }
                signed = (System.nanoTime() - t0) / 1e6;
            }
            double cpu = Processes.cpuMillis(process);
            double rss = Processes.rssMb(process);
            return new Start(logLine, payaraReady(log), health, signed, cpu, rss);
        } finally {
            Processes.stop(process);
        }
    }

    private static boolean ok(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Properties keys(Path home) throws IOException {
        var keys = new Properties();
        try (var in = Files.newInputStream(home.resolve("server-keys.properties"))) {
            keys.load(in);
        }
        return keys;
    }

    /** Payara's "... ready in 12,345 (ms)", or -1. */
    private static double payaraReady(Path log) throws IOException {
        var m = java.util.regex.Pattern.compile("ready in ([0-9,.]+) \\(ms\\)")
                .matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : -1;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String markdown(Map<Server, List<Start>> starts, Instant startedAt, String loadBefore, String loadAfter,
            int runs) {
        var md = new StringBuilder();
        md.append("### Ready after start: our WAR beside an empty WAR\n\n");
        md.append(Report.f("Measured %s on %s, load average %s before and %s after; `%s`. %d start(s) of each, in"
                + " turn (empty, ours, and again with the class-data archive), JVM `%s`, Payara Micro `--nocluster %s`."
                + " Times from the process start; *answered* is the first 200 from the empty WAR's static file or"
                + " our `/health/ready`, then our first signed answer webhook. Median (min – max).%n%n",
                startedAt, Runtime.getRuntime().availableProcessors() + " cores", loadBefore, loadAfter, "bench/run" + (o.args.isEmpty() ? "" : " "
                        + String.join(" ", o.args)), runs, String.join(" ", o.serverJvm),
                String.join(" ", o.serverArgs)));
        md.append("| server | Payara's \"ready in\" (ms) | answered (ms) | signed answer (ms) | CPU at ready (ms) |"
                + " RSS at ready (MB) |\n|---|---|---|---|---|---|\n");
        starts.forEach((server, list) -> md.append(Report.f("| %s | %s | %s | %s | %s | %s |%n", server.name(),
                stat(list, Start::payara), stat(list, Start::health), server.ours()
                        ? stat(list, Start::signed) : "–", stat(list, Start::cpu), stat(list, Start::rss))));
        md.append("\nThe class-data archive is the run command's (`mvn -Prun package`, docs/deploying-payara-micro.md):"
                + " made once per build of the WAR and Payara Micro by a training start.\n");
        return md.toString();
    }

    private static String median(List<double[]> differences, int field) {
        var values = differences.stream().mapToDouble(d -> d[field]).sorted().toArray();
        return Report.f("%+,.0f (%+,.0f … %+,.0f)", Report.median(values), values[0], values[values.length - 1]);
    }

    private static String stat(List<Start> list, java.util.function.ToDoubleFunction<Start> field) {
        var values = list.stream().mapToDouble(field).filter(v -> v >= 0).sorted().toArray();
        if (values.length == 0) {
            return "n/a";
        }
        double median = Report.median(values);
        return values.length == 1 ? Report.f("%,.0f", median)
                : Report.f("%,.0f (%,.0f – %,.0f)", median, values[0], values[values.length - 1]);
    }

    private static void write(Path file, String section) throws IOException {
        DocSection.replace(file, "startup", section);
    }
}
