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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase {@code scale} (issue 15, "cost stays flat as the data grows"): for each database (H2, an embedded file as
 * the run command's, and PostgreSQL when psql is on the PATH), a fresh database per size (1,000 and 100,000 callers; 6.5
 * accounts each on average) is filled by {@link Population} with no server on it; then one server per size starts on
 * its own database, and the sizes are measured <b>side by side, in alternated rounds</b> (1k, 100k, 100k, 1k, …) after
 * a warm-up of each: the answer webhook (unknown numbers: the full lookup, nothing found), then whole calls back to
 * back (the generated active callers, spread over the whole id range). So the host's drift from one minute to the
 * next falls on both sizes alike, which one server after the other did not give (docs/benchmarks.md). Writes
 * docs/benchmarks.md between {@code <!-- scale:start -->} and {@code <!-- scale:end -->}; rows of a database or size
 * not measured in this run are kept, so the table can be filled in pieces ({@code --scale-databases},
 * {@code --scale-sizes}).
 */
final class Scale {

    /**
     * One database at one size, in one run ({@code run}: when that bench run started, HH:mm UTC; the sizes of one run
     * were measured side by side, so the verdict compares only rows of the same run). The CPU figures are over all
     * of the size's rounds; {@code answerCpuRounds} and {@code callCpuRounds} give them round by round.
     */
    record Row(String database, int callers, String run, int accounts, double generateSeconds, double startSeconds,
            double readyProbeMs, double answerPerSecond, double answerP50, double answerP99, double answerCpu,
            double callsPerSecond, double callP50, double callP99, double callCpu, long errors, String load,
            List<Double> answerCpuRounds, List<Double> callCpuRounds) {

        String key() {
            return "| " + database + " | " + String.format(Locale.ROOT, "%,d", callers) + " | " + run + " |";
        }

        String markdown() {
            return key() + String.format(Locale.ROOT, " %,d | %.0f s | %.1f s | %.0f | %.0f | %s | %s | %.3f | %.1f"
                    + " | %s | %s | %.1f | %d | %s | %s | %s |", accounts, generateSeconds, startSeconds, readyProbeMs,
                    answerPerSecond, Latencies.ms(answerP50), Latencies.ms(answerP99), answerCpu, callsPerSecond,
                    Latencies.ms(callP50), Latencies.ms(callP99), callCpu, errors, load,
                    rounds(answerCpuRounds, "%.3f"), rounds(callCpuRounds, "%.1f"));
        }

        private static String rounds(List<Double> values, String format) {
            return String.join(" · ", values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList());
        }
    }

    /** Cells in a table line split on "|": the leading empty one and 19 columns. */
    private static final int CELLS = 20;

    /** Rows kept per database and size: the latest runs. */
    private static final int RUNS_KEPT = 4;

    /** Starts a server in {@code dir} on a PostgreSQL database or, when that is null, the H2 file, and waits for it. */
    interface Starter {
        CallBench.Server start(Path dir, String postgres, Path h2);
    }

    /** One size's database and the data the driver calls, and the server on it once started. */
    private static final class Size {
        final int callers;
        final Path dir;
        final String postgres;
        final Path h2;
        DataSet data;
        double generated;
        CallBench.Server server;
        CallerRotation rotation;
        final AtomicLong unknown = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
        final List<Load.Result> answers = new ArrayList<>();
        final List<Double> answerCpu = new ArrayList<>();
        final List<Load.Result> calls = new ArrayList<>();
        final List<Double> callCpu = new ArrayList<>();

        Size(int callers, Path dir, String postgres, Path h2) {
            this.callers = callers;
            this.dir = dir;
            this.postgres = postgres;
            this.h2 = h2;
        }
    }

    private Scale() {
    }

    /** Runs every database with its sizes side by side; returns the number of failed requests. */
    static long run(CallBench bench, Options o, Line vonage, Starter start) throws Exception {
        var rows = new ArrayList<Row>();
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var run = startedAt.toString().substring(0, 16).replace('T', ' ');
        for (var database : o.scaleDatabases) {
            if (database.equals("postgres") && !Processes.onPath("psql")) {
                bench.say("[bench] scale: PostgreSQL SKIPPED (no psql on the PATH)");
                continue;
            }
            var measured = sideBySide(bench, o, vonage, start, database, run);
            rows.addAll(measured);
            if (o.out != null) {
                // database by database: a run cut short keeps what it measured
                write(o.out, measured, o, startedAt);
                bench.say("[bench] scale: wrote the " + measured.get(0).database() + " rows into the scale section of "
                        + o.out);
            }
        }
        return rows.stream().mapToLong(Row::errors).sum();
    }

    private static List<Row> sideBySide(CallBench bench, Options o, Line vonage, Starter start, String database,
            String run) throws Exception {
        String name = database.equals("postgres") ? "PostgreSQL" : "H2";
        var sizes = new ArrayList<Size>();
        try {
            // every size's database first, with no server running: generating is not measured beside a server
            for (int callers : o.scaleSizes.stream().sorted().distinct().toList()) {
                var dir = bench.work.resolve("scale").resolve(database + "-" + callers);
                Files.createDirectories(dir.resolve("home/db"));
                Size size;
                Population.Database db;
                if (database.equals("postgres")) {
                    var dbName = "landline_bench_scale_" + callers + "_" + System.currentTimeMillis();
                    bench.createPostgresDatabase(dbName, !o.scaleKeep);
                    size = new Size(callers, dir, dbName, null);
                    db = new Population.Database("jdbc:postgresql://127.0.0.1:5432/" + dbName, "postgres",
                            "unused-with-trust-auth");
                } else {
                    size = new Size(callers, dir, null, dir.resolve("home/db/scale-" + callers));
                    db = new Population.Database("jdbc:h2:" + size.h2, "sa", "bench");
                }
                sizes.add(size);
                int active = Math.min(callers, o.smoke ? 20 : 100); // 100 own hashes: about 15 s on 2 cores
                long g0 = System.nanoTime();
                size.data = Population.generate(db, o.build.resolve("payara-micro.jar"), bench.work, bench.seedKey,
                        bench.pepper, o.iterations, callers, active, 1515);
                size.generated = (System.nanoTime() - g0) / 1e9;
                bench.say(String.format(Locale.ROOT, "[bench] scale %s: generated %,d callers with %,d accounts in"
                        + " %.0f s (%d active callers with their own PIN hash)", name, callers, size.data.accounts,
                        size.generated, size.data.callers.size()));
            }
            // one server per size, started one after the other (each start alone on the cores), then all of them up
            for (var size : sizes) {
                size.server = start.start(size.dir, size.postgres, size.h2);
                usesGenerated(bench, size.server.log(), size.postgres != null ? size.postgres : size.h2.toString());
                size.rotation = new CallerRotation(size.data.callers, o.callingCap);
            }
            measure(bench, o, vonage, name, sizes);
            var load = CallBench.loadAverage(); // at the end of the measured rounds, the same for every size
            var rows = new ArrayList<Row>();
            for (var size : sizes) {
                rows.add(row(name, run, size, readyProbeMillis(size.server.base()), load));
            }
            return rows;
        } finally {
            // every server stops before any database is dropped; a failed drop is tried again at the end of the run
            sizes.stream().filter(size -> size.server != null).forEach(size -> bench.stop(size.server));
            for (var size : sizes) {
                if (size.postgres != null && !o.scaleKeep) {
                    try {
                        bench.dropPostgresDatabase(size.postgres);
                    } catch (Exception e) {
                        bench.say("[bench] scale: could not drop " + size.postgres + ": " + e);
                    }
                }
            }
        }
    }

    /**
     * A warm-up of each server, then {@code o.scaleRounds} rounds of the answer with the sizes' order turning every
     * round (A B, B A, …), then the same for whole calls. Each measured window opens after a short lead-in that lets
     * the driver's connections ramp up.
     */
    private static void measure(CallBench bench, Options o, Line vonage, String name, List<Size> sizes)
            throws Exception {
        double leadIn = Math.min(2, o.warmup);
        var checked = new AtomicLong();
        for (var size : sizes) {
            bench.say(String.format(Locale.ROOT, "[bench] scale %s %,d: warm-up, %.0f s of answers", name,
                    size.callers, o.warmup));
            answer(bench, vonage, size, name + " " + size.callers + " answer warm-up", o.warmup, o.seconds);
        }
        for (int round = 0; round < o.scaleRounds; round++) {
            for (var size : turned(sizes, round)) {
                var label = String.format(Locale.ROOT, "scale %s %d answer round %d", name, size.callers, round + 1);
                var result = answer(bench, vonage, size, label, leadIn, o.seconds);
                size.answers.add(result);
                size.answerCpu.add(perUnit(bench.cpu.getOrDefault(label, -1.0), requests(result)));
            }
        }
        for (var size : sizes) {
            bench.say(String.format(Locale.ROOT, "[bench] scale %s %,d: warm-up, %.0f s of whole calls", name,
                    size.callers, o.warmup));
            calls(bench, vonage, size, name + " " + size.callers + " calls warm-up", o.warmup, o.callSeconds, checked);
        }
        for (int round = 0; round < o.scaleRounds; round++) {
            for (var size : turned(sizes, round)) {
                var label = String.format(Locale.ROOT, "scale %s %d calls round %d", name, size.callers, round + 1);
                var result = calls(bench, vonage, size, label, leadIn, o.callSeconds, checked);
                size.calls.add(result);
                size.callCpu.add(perUnit(bench.cpu.getOrDefault(label, -1.0), result.units()));
            }
        }
    }

    private static Load.Result answer(CallBench bench, Line vonage, Size size, String label, double warmup,
            double seconds) throws Exception {
        return bench.answerPhase(label, vonage, size.server.base(), size.unknown, size.server.process(), warmup,
                seconds);
    }

    private static Load.Result calls(CallBench bench, Line vonage, Size size, String label, double warmup,
            double seconds, AtomicLong checked) throws Exception {
        var base = size.server.base();
        return bench.phase(label, size.server.process(), warmup, seconds,
                (thread, steps) -> bench.call(vonage, base, size.rotation, Pace.NONE, steps, checked));
    }

    /** The sizes in this round's order: as given in even rounds, reversed in odd ones. */
    static <T> List<T> turned(List<T> sizes, int round) {
        var order = new ArrayList<>(sizes);
        if (round % 2 == 1) {
            java.util.Collections.reverse(order);
        }
        return order;
    }

    private static long requests(Load.Result result) {
        return result.byStep().entrySet().stream().filter(e -> !e.getKey().equals("whole call"))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    /** A size's row: rates as the median of its rounds, latencies over every round's requests, CPU over all. */
    private static Row row(String name, String run, Size size, double probe, String load) {
        var answers = merged(size.answers, "answer");
        var wholeCalls = merged(size.calls, "whole call");
        double answerCpu = weighted(size.answerCpu, size.answers.stream().map(Scale::requests).toList());
        double callCpu = weighted(size.callCpu, size.calls.stream().map(Load.Result::units).toList());
        long errors = size.answers.stream().mapToLong(Load.Result::errors).sum()
                + size.calls.stream().mapToLong(Load.Result::errors).sum();
        return new Row(name, size.callers, run, size.data.accounts, size.generated, size.server.readySeconds(), probe,
                median(size.answers.stream().map(r -> r.perSecond("answer")).toList()), answers.millis(0.5),
                answers.millis(0.99), answerCpu,
                median(size.calls.stream().map(Load.Result::unitsPerSecond).toList()), wholeCalls.millis(0.5),
                wholeCalls.millis(0.99), callCpu, errors, load, size.answerCpu, size.callCpu);
    }

    private static Latencies merged(List<Load.Result> results, String step) {
        var all = new Latencies();
        results.forEach(r -> {
            var l = r.byStep().get(step);
            if (l != null) {
                all.addAll(l);
            }
        });
        return all;
    }

    /** A round's CPU per unit; -1 when its CPU is unknown (no /proc) or it had no units. */
    private static double perUnit(double cpuMillis, long units) {
        return cpuMillis < 0 || units == 0 ? -1 : cpuMillis / units;
    }

    /** CPU per unit over every round: each round's per-unit figure weighted by its units; -1 when one is unknown. */
    private static double weighted(List<Double> perUnit, List<Long> units) {
        double cpu = 0;
        long total = 0;
        for (int i = 0; i < perUnit.size(); i++) {
            if (perUnit.get(i) < 0) {
                return -1;
            }
            cpu += perUnit.get(i) * units.get(i);
            total += units.get(i);
        }
        return total == 0 ? -1 : cpu / total;
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Fails the row when the server did not start on the database just generated (its startup line names it). */
    private static void usesGenerated(CallBench bench, Path log, String name) throws Exception {
        var text = Files.readString(log, StandardCharsets.UTF_8);
        var line = text.lines().filter(l -> l.contains("Landline Authenticator on") && l.contains(", database "))
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
            if ((line.startsWith("| H2 |") || line.startsWith("| PostgreSQL |")) && line.split("\\|").length == CELLS) {
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
        md.append(Report.f("Last measured %s with `bench/run %s`%s: per database, a fresh database per size filled"
                + " straight through the app's entities (`Population`) with no server running, then one server per"
                + " size started on its own database (checked: its startup line names it), from payara-micro.jar in a"
                + " temporary root of its own (so the start is a plain one, without the run command's class-data"
                + " archive), and the sizes measured"
                + " **side by side**: after a %.0f s warm-up of each, %d rounds of the answer webhook (%d connections,"
                + " unknown numbers: the whole lookup, nothing found; %.0f s each), the sizes' order turning every"
                + " round (1k, 100k, 100k, 1k, …), then the same for whole calls back to back (%d at once, signed,"
                + " PBKDF2 %,d iterations; %.0f s each); then one `/health/ready` probe. req/s and calls/s: the"
                + " median of the rounds; p50 and p99 over every round's requests; CPU over all rounds, and round by"
                + " round in the last two columns. Rows of earlier runs stay (latest %d per database and size);"
                + " `run` is when that bench run started (UTC).%n%n", startedAt, String.join(" ", o.args), o.smoke
                        ? " (**smoke: figures mean nothing**)" : "", o.warmup, o.scaleRounds, o.concurrency,
                o.seconds, o.concurrency, o.iterations, o.callSeconds, RUNS_KEPT));
        md.append("| database | callers | run | accounts | generated in | first answer after start | ready probe ms |"
                + " answer req/s | answer p50 ms | answer p99 ms | answer CPU ms/req | whole calls/s |"
                + " whole call p50 ms | whole call p99 ms | CPU ms/call | errors | load avg |"
                + " answer CPU by round | call CPU by round |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        lines.forEach(line -> md.append(line).append('\n'));
        md.append('\n').append(verdict(lines)).append('\n');
        DocSection.replace(file, "scale", md.toString());
    }

    /**
     * Like with like: per database, the smallest and the largest size measured side by side in the SAME run,
     * compared by server CPU per answer and per whole call over all their rounds (robust to neighbours), with the
     * round-by-round ratios beside (round i of both sizes ran back to back); flat when every such pair is within 10 %
     * on both, with no errors. Sizes measured only in different runs get no verdict.
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
            boolean within = !Double.isNaN(answer) && !Double.isNaN(call)
                    && Math.abs(answer - 1) <= 0.10 && Math.abs(call - 1) <= 0.10
                    && Long.parseLong(large[16].strip()) == 0 && Long.parseLong(small[16].strip()) == 0;
            flat.merge(db, within, Boolean::logicalAnd);
            pairs.computeIfAbsent(db, k -> new ArrayList<>()).add(Report.f("run %s, %,d against %,d callers: CPU"
                    + " per answer %s (%s against %s ms; round by round %s), CPU per whole call %s (%s"
                    + " against %s ms; round by round %s), answer p50 %s against %s ms; load %s / %s",
                    dbRun.substring(dbRun.indexOf('|') + 1), sizes.lastKey(), sizes.firstKey(), percent(answer),
                    large[11].strip(), small[11].strip(), byRound(large[18], small[18]), percent(call),
                    large[15].strip(), small[15].strip(), byRound(large[19], small[19]), large[9].strip(),
                    small[9].strip(), large[17].strip(), small[17].strip()));
        });
        var md = new StringBuilder();
        pairs.forEach((db, list) -> {
            if (list.isEmpty()) {
                md.append(Report.f("- %s: no run measured two sizes side by side yet: no verdict.%n", db));
                return;
            }
            md.append(Report.f("- %s: %s.%n", db, flat.get(db) ? "**flat (every same-run pair within 10 %, no"
                    + " errors)**" : "**not within 10 % in every same-run pair (or errors)**"));
            list.forEach(pair -> md.append("  - ").append(pair).append('\n'));
        });
        return md.toString();
    }

    /** The larger size against the smaller, round by round ("+2 %, -1 %, …"), from the cells of both rows. */
    static String byRound(String large, String small) {
        var l = large.strip().split(" · ");
        var s = small.strip().split(" · ");
        var out = new ArrayList<String>();
        for (int i = 0; i < Math.min(l.length, s.length); i++) {
            out.add(percent(ratio(l[i], s[i])));
        }
        return String.join(", ", out);
    }

    /** A ratio as a signed whole percentage: 1.083 is "+8 %", 0.999 "0 %" (not "-0 %"). */
    static String percent(double ratio) {
        if (Double.isNaN(ratio)) {
            return "? (CPU unknown)";
        }
        long p = Math.round((ratio - 1) * 100);
        return p == 0 ? "0 %" : Report.f("%+d %%", p);
    }

    /** large / small; NaN when either CPU figure is unknown (written as a negative number). */
    private static double ratio(String large, String small) {
        double l = Double.parseDouble(large.strip());
        double s = Double.parseDouble(small.strip());
        return l <= 0 || s <= 0 ? Double.NaN : l / s;
    }
}
