package dev.landline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase {@code scale} (issue 15, "cost stays flat as the data grows"): for each database (H2, the run command's
 * embedded file, and PostgreSQL when psql is on the PATH) and each size (1,000 and 100,000 callers; 6.5 accounts
 * each on average), a fresh database is filled by {@link Population} with the server stopped, the server is started
 * on it, and the answer webhook (unknown numbers: the full lookup, nothing found) and whole calls back to back (the
 * generated active callers, spread over the whole id range) are measured. Writes docs/benchmarks.md between
 * {@code <!-- scale:start -->} and {@code <!-- scale:end -->}; rows of a database or size not measured in this run
 * are kept, so the table can be filled in pieces ({@code --scale-databases}, {@code --scale-sizes}).
 */
final class Scale {

    private static final String CALLED = "442079460000";

    /**
     * One database at one size, in one run ({@code run}: when that bench run started, HH:mm UTC; both sizes of one
     * run share it, so the verdict compares only rows measured back to back with the same settings).
     */
    record Row(String database, int callers, String run, int accounts, double generateSeconds, double startSeconds,
            double readyProbeMs, double answerPerSecond, double answerP50, double answerP99, double answerCpu,
            double callsPerSecond, double callP50, double callP99, double callCpu, long errors, String load) {

        String key() {
            return "| " + database + " | " + String.format(Locale.ROOT, "%,d", callers) + " | " + run + " |";
        }

        String markdown() {
            return key() + String.format(Locale.ROOT, " %,d | %.0f s | %.1f s | %.0f | %.0f | %s | %s | %.3f | %.1f"
                    + " | %s | %s | %.1f | %d | %s |", accounts, generateSeconds, startSeconds, readyProbeMs,
                    answerPerSecond, Latencies.ms(answerP50), Latencies.ms(answerP99), answerCpu, callsPerSecond,
                    Latencies.ms(callP50), Latencies.ms(callP99), callCpu, errors, load);
        }
    }

    /** Rows kept per database and size: the latest runs, so alternated runs stay side by side. */
    private static final int RUNS_KEPT = 4;

    private Scale() {
    }

    /** Runs every database at every size; returns the number of failed requests. */
    static long run(CallBench bench, Options o, Line vonage, java.util.function.Supplier<java.net.URI> start)
            throws Exception {
        var rows = new ArrayList<Row>();
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var run = startedAt.toString().substring(0, 16).replace('T', ' ');
        for (var database : o.scaleDatabases) {
            if (database.equals("postgres") && !Processes.onPath("psql")) {
                bench.say("[bench] scale: PostgreSQL SKIPPED (no psql on the PATH)");
                continue;
            }
            for (int size : o.scaleSizes) {
                var row = one(bench, o, vonage, start, database, size, run);
                rows.add(row);
                if (o.out != null) {
                    // row by row: a run cut short (the lock's time limit) keeps what it measured
                    write(o.out, List.of(row), o, startedAt);
                    bench.say("[bench] scale: wrote " + row.key() + " into the scale section of " + o.out);
                }
            }
        }
        return rows.stream().mapToLong(Row::errors).sum();
    }

    private static Row one(CallBench bench, Options o, Line vonage, java.util.function.Supplier<java.net.URI> start,
            String database, int size, String run) throws Exception {
        var load = CallBench.loadAverage();
        String name = database.equals("postgres") ? "PostgreSQL" : "H2";
        Population.Database db;
        var home = bench.work.resolve("home");
        Files.createDirectories(home.resolve("db"));
        if (database.equals("postgres")) {
            var dbName = "landline_bench_scale_" + size + "_" + System.currentTimeMillis();
            bench.createPostgresDatabase(dbName, !o.scaleKeep);
            bench.scalePostgres = dbName;
            db = new Population.Database("jdbc:postgresql://127.0.0.1:5432/" + dbName, "postgres",
                    "unused-with-trust-auth");
        } else {
            bench.h2Name = "scale-" + size;
            db = new Population.Database("jdbc:h2:" + home.resolve("db/" + bench.h2Name), "sa", "bench");
        }
        int active = Math.min(size, o.smoke ? 20 : 100); // 100 own hashes: about 15 s on 2 cores
        long g0 = System.nanoTime();
        var data = Population.generate(db, o.build.resolve("payara-micro.jar"), bench.work, bench.seedKey,
                bench.pepper, o.iterations, size, active, 1515);
        double generated = (System.nanoTime() - g0) / 1e9;
        bench.say(String.format(Locale.ROOT, "[bench] scale %s: generated %,d callers with %,d accounts in %.0f s"
                + " (%d active callers with their own PIN hash)", name, size, data.accounts, generated,
                data.callers.size()));
        try {
            var base = start.get();
            usesGenerated(bench, database.equals("postgres") ? bench.scalePostgres : bench.h2Name);
            var label = "scale " + name + " " + size;
            var unknown = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
            var answer = bench.answerPhase(label + " answer", vonage, base, unknown);
            var rotation = new CallerRotation(data.callers, o.callingCap);
            var checked = new AtomicLong();
            var calls = bench.phase(label + " calls", bench.service, o.callSeconds,
                    (thread, steps) -> bench.call(vonage, base, rotation, Pace.NONE, steps, checked));
            double probe = readyProbeMillis(base);
            var a = answer.byStep().get("answer");
            var w = calls.byStep().get("whole call");
            long answerRequests = a == null ? 0 : a.count();
            long callRequests = calls.byStep().entrySet().stream().filter(e -> !e.getKey().equals("whole call"))
                    .mapToLong(e -> e.getValue().count()).sum();
            double answerCpu = bench.cpu.getOrDefault(label + " answer", -1.0) / Math.max(1, answerRequests);
            double callCpu = bench.cpu.getOrDefault(label + " calls", -1.0) / Math.max(1, calls.units());
            return new Row(name, size, run, data.accounts, generated, bench.lastReadySeconds, probe, a == null ? 0 : a.count() / answer.seconds(),
                    a == null ? 0 : a.millis(0.5), a == null ? 0 : a.millis(0.99), answerCpu,
                    calls.unitsPerSecond(), w == null ? 0 : w.millis(0.5), w == null ? 0 : w.millis(0.99), callCpu,
                    answer.errors() + calls.errors(), load);
        } finally {
            Processes.stop(bench.service);
            bench.service = null;
            if (database.equals("postgres") && !o.scaleKeep) {
                bench.dropPostgresDatabase(bench.scalePostgres);
                bench.scalePostgres = null;
            }
        }
    }

    /** Fails the row when the server did not start on the database just generated (its startup line names it). */
    private static void usesGenerated(CallBench bench, String name) throws Exception {
        var log = Files.readString(bench.work.resolve("service.log"), StandardCharsets.UTF_8);
        var line = log.lines().filter(l -> l.contains("Landline Authenticator on") && l.contains(", database "))
                .reduce((first, last) -> last).orElse("");
        if (!line.contains(name)) {
            throw new IllegalStateException("the server's startup line does not name the generated database "
                    + name + ": " + line.substring(Math.max(0, line.indexOf(", database "))));
        }
        bench.say("[bench] scale: the server runs on the generated database " + name);
    }

    /**
     * One readiness probe after the load (the stored-keys check counts whole tables, at most every 10 s, and the
     * last probe is older than that): how long {@code /health/ready} takes at this size.
     */
    private static double readyProbeMillis(java.net.URI base) {
        long t0 = System.nanoTime();
        var response = dev.landline.testkit.Http.send("GET", base.resolve("health/ready"), null, null, null);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/health/ready answered " + response.statusCode());
        }
        return ms;
    }

    private static void write(Path file, List<Row> rows, Options o, Instant startedAt) throws Exception {
        String current = DocSection.current(file, "scale");
        // rows of earlier runs stay (the latest RUNS_KEPT per database and size; rows of an older layout go)
        var kept = new java.util.TreeMap<String, String>();
        for (var line : current.split("\n")) {
            if ((line.startsWith("| H2 |") || line.startsWith("| PostgreSQL |")) && line.split("\\|").length == 18) {
                var cells = line.split("\\|");
                kept.put("| " + cells[1].strip() + " | " + cells[2].strip() + " | " + cells[3].strip() + " |", line);
            }
        }
        rows.forEach(r -> kept.put(r.key(), r.markdown()));
        var perSize = new LinkedHashMap<String, List<String>>();
        kept.forEach((key, line) -> perSize.computeIfAbsent(key.substring(0, key.lastIndexOf('|', key.length() - 2)),
                k -> new ArrayList<>()).add(line));
        var lines = new ArrayList<String>();
        perSize.values().forEach(l -> lines.addAll(l.subList(Math.max(0, l.size() - RUNS_KEPT), l.size())));
        lines.sort(java.util.Comparator.comparing((String l) -> l.split("\\|")[1].strip())
                .thenComparing(l -> l.split("\\|")[3].strip())
                .thenComparingInt(l -> Integer.parseInt(l.split("\\|")[2].strip().replace(",", ""))));
        var md = new StringBuilder();
        md.append(Report.f("Last measured %s with `bench/run %s`%s: the server stopped, a fresh database filled"
                + " straight through the app's entities (`Population`), the server started on it (checked: its"
                + " startup line names that database), then the answer webhook (%d connections, unknown numbers:"
                + " the whole lookup, nothing found) for %.0f s and whole calls back to back (%d at once, signed,"
                + " PBKDF2 %,d iterations) for %.0f s, after %.0f s warm-up each; then one `/health/ready` probe."
                + " Rows of earlier runs stay (latest %d per database and size); `run` is when that bench run"
                + " started (UTC).%n%n", startedAt, String.join(" ", o.args), o.smoke
                        ? " (**smoke: figures mean nothing**)" : "", o.concurrency, o.seconds, o.concurrency,
                o.iterations, o.callSeconds, o.warmup, RUNS_KEPT));
        md.append("| database | callers | run | accounts | generated in | first answer after start | ready probe ms |"
                + " answer req/s | answer p50 ms | answer p99 ms | answer CPU ms/req | whole calls/s |"
                + " whole call p50 ms | whole call p99 ms | CPU ms/call | errors | load avg |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        lines.forEach(line -> md.append(line).append('\n'));
        md.append('\n').append(verdict(lines)).append('\n');
        DocSection.replace(file, "scale", md.toString());
    }

    /**
     * Like with like: per database, the smallest and the largest size measured in the SAME run (same settings, back
     * to back), compared by server CPU per answer and per whole call (robust to neighbours), with both rows' load
     * averages; flat when every such pair is within 10 % on both. Sizes measured only in different runs get no
     * verdict.
     */
    static String verdict(java.util.Collection<String> lines) {
        var byDbRun = new java.util.TreeMap<String, java.util.TreeMap<Integer, String[]>>();
        for (var line : lines) {
            var cells = line.split("\\|");
            byDbRun.computeIfAbsent(cells[1].strip() + "|" + cells[3].strip(), k -> new java.util.TreeMap<>())
                    .put(Integer.parseInt(cells[2].strip().replace(",", "")), cells);
        }
        var pairs = new LinkedHashMap<String, List<String>>();
        var flat = new LinkedHashMap<String, Boolean>();
        byDbRun.forEach((dbRun, sizes) -> {
            var db = dbRun.substring(0, dbRun.indexOf('|'));
            if (sizes.size() < 2) {
                pairs.computeIfAbsent(db, k -> new ArrayList<>());
                return;
            }
            var small = sizes.firstEntry().getValue();
            var large = sizes.lastEntry().getValue();
            double answer = ratio(large[11], small[11]);
            double call = ratio(large[15], small[15]);
            boolean within = Math.abs(answer - 1) <= 0.10 && Math.abs(call - 1) <= 0.10
                    && Long.parseLong(large[16].strip()) == 0 && Long.parseLong(small[16].strip()) == 0;
            flat.merge(db, within, Boolean::logicalAnd);
            pairs.computeIfAbsent(db, k -> new ArrayList<>()).add(Report.f("run %s, %,d against %,d callers: CPU"
                    + " per answer %+.0f %% (%s against %s ms), CPU per whole call %+.0f %% (%s against %s ms), answer"
                    + " p50 %s against %s ms; load %s / %s", dbRun.substring(dbRun.indexOf('|') + 1),
                    sizes.lastKey(), sizes.firstKey(), (answer - 1) * 100, large[11].strip(), small[11].strip(),
                    (call - 1) * 100, large[15].strip(), small[15].strip(), large[9].strip(), small[9].strip(),
                    large[17].strip(), small[17].strip()));
        });
        var md = new StringBuilder();
        pairs.forEach((db, list) -> {
            if (list.isEmpty()) {
                md.append(Report.f("- %s: no run measured two sizes back to back yet: no verdict.%n", db));
                return;
            }
            md.append(Report.f("- %s: %s.%n", db, flat.get(db) ? "**flat (every same-run pair within 10 %, no"
                    + " errors)**" : "**not within 10 % in every same-run pair (or errors)**"));
            list.forEach(pair -> md.append("  - ").append(pair).append('\n'));
        });
        return md.toString();
    }

    private static double ratio(String large, String small) {
        return Double.parseDouble(large.strip()) / Double.parseDouble(small.strip());
    }
}
