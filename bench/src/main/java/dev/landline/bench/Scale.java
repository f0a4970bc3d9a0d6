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

    static final String START = "<!-- scale:start -->";
    static final String END = "<!-- scale:end -->";
    private static final String CALLED = "442079460000";

    /** One database at one size. */
    record Row(String database, int callers, int accounts, double generateSeconds, double answerPerSecond,
            double answerP50, double answerP99, double answerCpu, double callsPerSecond, double callP50,
            double callP99, double callCpu, long errors, String load) {

        String key() {
            return "| " + database + " | " + String.format(Locale.ROOT, "%,d", callers) + " |";
        }

        String markdown() {
            return key() + String.format(Locale.ROOT, " %,d | %.0f s | %.0f | %s | %s | %.3f | %.1f | %s | %s | %.1f"
                    + " | %d | %s |", accounts, generateSeconds, answerPerSecond, Latencies.ms(answerP50),
                    Latencies.ms(answerP99), answerCpu, callsPerSecond, Latencies.ms(callP50), Latencies.ms(callP99),
                    callCpu, errors, load);
        }
    }

    private Scale() {
    }

    /** Runs every database at every size; returns the number of failed requests. */
    static long run(CallBench bench, Options o, Line vonage, java.util.function.Supplier<java.net.URI> start)
            throws Exception {
        var rows = new ArrayList<Row>();
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (var database : o.scaleDatabases) {
            if (database.equals("postgres") && !Processes.onPath("psql")) {
                bench.say("[bench] scale: PostgreSQL SKIPPED (no psql on the PATH)");
                continue;
            }
            for (int size : o.scaleSizes) {
                rows.add(one(bench, o, vonage, start, database, size));
            }
        }
        long errors = rows.stream().mapToLong(Row::errors).sum();
        if (o.out != null && !rows.isEmpty()) {
            write(o.out, rows, o, startedAt);
            bench.say("[bench] scale: wrote the scale section of " + o.out);
        }
        return errors;
    }

    private static Row one(CallBench bench, Options o, Line vonage, java.util.function.Supplier<java.net.URI> start,
            String database, int size) throws Exception {
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
        int active = Math.min(size, o.smoke ? 20 : 200);
        long g0 = System.nanoTime();
        var data = Population.generate(db, o.build.resolve("payara-micro.jar"), bench.work, bench.seedKey,
                bench.pepper, o.iterations, size, active, 1515);
        double generated = (System.nanoTime() - g0) / 1e9;
        bench.say(String.format(Locale.ROOT, "[bench] scale %s: generated %,d callers with %,d accounts in %.0f s"
                + " (%d active callers with their own PIN hash)", name, size, data.accounts, generated,
                data.callers.size()));
        try {
            var base = start.get();
            var label = "scale " + name + " " + size;
            var unknown = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
            var answer = bench.answerPhase(label + " answer", vonage, base, unknown);
            var rotation = new CallerRotation(data.callers, o.callingCap);
            var checked = new AtomicLong();
            var calls = bench.phase(label + " calls", bench.service, o.callSeconds,
                    (thread, steps) -> bench.call(vonage, base, rotation, Pace.NONE, steps, checked));
            var a = answer.byStep().get("answer");
            var w = calls.byStep().get("whole call");
            long answerRequests = a == null ? 0 : a.count();
            long callRequests = calls.byStep().entrySet().stream().filter(e -> !e.getKey().equals("whole call"))
                    .mapToLong(e -> e.getValue().count()).sum();
            double answerCpu = bench.cpu.getOrDefault(label + " answer", -1.0) / Math.max(1, answerRequests);
            double callCpu = bench.cpu.getOrDefault(label + " calls", -1.0) / Math.max(1, calls.units());
            return new Row(name, size, data.accounts, generated, a == null ? 0 : a.count() / answer.seconds(),
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

    private static void write(Path file, List<Row> rows, Options o, Instant startedAt) throws Exception {
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int b = text.indexOf(START);
        int e = text.indexOf(END);
        if (b < 0 || e < b) {
            text = text + "\n" + START + "\n" + END + "\n";
            b = text.indexOf(START);
            e = text.indexOf(END);
        }
        // rows measured earlier (another database or size) stay; this run's replace theirs
        var kept = new LinkedHashMap<String, String>();
        for (var line : text.substring(b, e).split("\n")) {
            if (line.startsWith("| H2 |") || line.startsWith("| PostgreSQL |")) {
                kept.put(line.substring(0, line.indexOf('|', line.indexOf('|', 2) + 1) + 1), line);
            }
        }
        rows.forEach(r -> kept.put(r.key(), r.markdown()));
        var md = new StringBuilder();
        md.append(Report.f("Last measured %s with `bench/run %s`%s: the server stopped, a fresh database filled"
                + " straight through the app's entities (`Population`), the server started on it, then the answer"
                + " webhook (%d connections, unknown numbers: the whole lookup, nothing found) for %.0f s and whole"
                + " calls back to back (%d at once, signed, PBKDF2 %,d iterations) for %.0f s, after %.0f s warm-up"
                + " each.%n%n", startedAt, String.join(" ", o.args), o.smoke ? " (**smoke: figures mean nothing**)"
                        : "", o.concurrency, o.seconds, o.concurrency, o.iterations, o.callSeconds, o.warmup));
        md.append("| database | callers | accounts | generated in | answer req/s | answer p50 ms | answer p99 ms |"
                + " answer CPU ms/req | whole calls/s | whole call p50 ms | whole call p99 ms | CPU ms/call |"
                + " errors | load avg |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        kept.values().stream().sorted().forEach(line -> md.append(line).append('\n'));
        md.append('\n').append(verdict(kept.values())).append('\n');
        Files.writeString(file, text.substring(0, b + START.length()) + "\n" + md + text.substring(e),
                StandardCharsets.UTF_8);
    }

    /** Per database: the largest size against the smallest, by CPU per answer and per whole call (the robust ones). */
    static String verdict(java.util.Collection<String> lines) {
        var byDb = new LinkedHashMap<String, Map<Integer, String[]>>();
        for (var line : lines) {
            var cells = line.split("\\|");
            byDb.computeIfAbsent(cells[1].strip(), k -> new java.util.TreeMap<>())
                    .put(Integer.parseInt(cells[2].strip().replace(",", "")), cells);
        }
        var md = new StringBuilder();
        byDb.forEach((db, sizes) -> {
            if (sizes.size() < 2) {
                md.append(Report.f("- %s: one size only so far.%n", db));
                return;
            }
            var small = ((java.util.TreeMap<Integer, String[]>) sizes).firstEntry();
            var large = ((java.util.TreeMap<Integer, String[]>) sizes).lastEntry();
            double answer = ratio(large.getValue()[8], small.getValue()[8]);
            double call = ratio(large.getValue()[12], small.getValue()[12]);
            double p50 = ratio(large.getValue()[6], small.getValue()[6]);
            md.append(Report.f("- %s, %,d against %,d callers: CPU per answer %+.0f %%, answer p50 %+.0f %%, CPU per"
                    + " whole call %+.0f %%: %s.%n", db, large.getKey(), small.getKey(), (answer - 1) * 100,
                    (p50 - 1) * 100, (call - 1) * 100, Math.abs(answer - 1) <= 0.10 && Math.abs(call - 1) <= 0.10
                            ? "**flat (within 10 %)**" : "**not within 10 %**"));
        });
        return md.toString();
    }

    private static double ratio(String large, String small) {
        return Double.parseDouble(large.strip()) / Double.parseDouble(small.strip());
    }
}
