package dev.landline.bench;

import dev.landline.testkit.WebhookSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Phase {@code answer-wrk} (issue 15's headline comparison): our signed answer webhook on Payara Micro with the run
 * command's settings beside the original node demo's answer, both driven by wrk -t1 -c50 with the same pre-signed
 * requests (an unknown number, a fresh call each), alternated after a warm-up of each. Writes docs/benchmarks.md
 * between {@code <!-- answer-wrk:start -->} and {@code <!-- answer-wrk:end -->}.
 */
final class AnswerBesideDemo {

    static final String SECTION = "answer-wrk";

    private final Options o;
    private final Path work;
    private final Consumer<String> say;
    /** Warm-up windows at most, per target. */
    static final int WARMUP_WINDOWS = 5;
    /** A warm-up window whose rate rose by more than this on the window before is followed by another. */
    static final double STILL_RISING = 0.05;

    private final Map<String, Double> rate = new LinkedHashMap<>();
    private long unknown = ThreadLocalRandom.current().nextLong(10_000_000L);

    AnswerBesideDemo(Options o, Path work, Consumer<String> say) {
        this.o = o;
        this.work = work.resolve("answer-wrk");
        this.say = say;
    }

    void run(URI service, Process serviceProcess, String signatureSecret, URI demo, Process demoProcess)
            throws Exception {
        if (!Wrk.available()) {
            say.accept("[bench] answer-wrk SKIPPED: wrk is not on the PATH (Debian: apt-get install wrk; .ci/run"
                    + " installs it when it runs as root)");
            return;
        }
        Files.createDirectories(work);
        var startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var loadBefore = CallBench.loadAverage();
        var signer = new WebhookSigner(signatureSecret);
        var targets = new LinkedHashMap<String, Object[]>();
        targets.put("our answer (Payara Micro)", new Object[] {service, serviceProcess});
        if (demo != null) {
            targets.put("demo answer (node)", new Object[] {demo, demoProcess});
        } else {
            say.accept("[bench] answer-wrk: the demo is not running (--no-demo, or node/npm missing): our answer alone");
        }
        var wrk = new Wrk(work, o.wrkConnections);
        var runs = new LinkedHashMap<String, List<Wrk.Run>>();
        var failures = new ArrayList<String>();
        long seconds = Math.max(1, Math.round(o.wrkSeconds));
        long warmup = Math.max(1, Math.round(o.wrkWarmup));
        var windows = new LinkedHashMap<String, Integer>();
        for (var target : targets.entrySet()) {
            // warm-up windows until the rate stops rising: a JIT still compiling on a slow host is not the service
            double previous = 0;
            int window = 0;
            while (window < WARMUP_WINDOWS) {
                window++;
                var run = once(wrk, signer, target.getKey(), target.getValue(), warmup, " (warm-up " + window + ")",
                        failures);
                if (window > 1 && run.perSecond() < previous * (1 + STILL_RISING)) {
                    break;
                }
                previous = run.perSecond();
            }
            windows.put(target.getKey(), window);
        }
        for (int round = 0; round < o.wrkRounds; round++) {
            for (var target : targets.entrySet()) {
                runs.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(once(wrk, signer, target.getKey(),
                        target.getValue(), seconds, "", failures));
            }
        }
        var loadAfter = CallBench.loadAverage();
        if (!failures.isEmpty()) {
            failures.forEach(f -> say.accept("[bench]   answer-wrk failure: " + f));
            throw new IllegalStateException("answer-wrk: " + failures.size() + " run(s) with failed requests");
        }
        if (o.out != null) {
            DocSection.replace(o.out, SECTION, markdown(runs, startedAt, loadBefore, loadAfter, seconds, warmup,
                    windows));
            say.accept("[bench] answer-wrk written to " + o.out);
        }
    }

    /** One wrk run against one target, printed; a run with failed requests is noted in {@code failures}. */
    private Wrk.Run once(Wrk wrk, WebhookSigner signer, String name, Object[] target, long window, String note,
            List<String> failures) throws Exception {
        var base = (URI) target[0];
        var process = (Process) target[1];
        int count = (int) Math.min(2_000_000, Math.max(5000, rate.getOrDefault(name, 5000.0) * 3 * window));
        var requests = wrk.presignedAnswers(base, signer, count, unknown);
        unknown += count;
        var run = wrk.presigned(base, requests, count, window, Optional.ofNullable(process).map(Process::toHandle));
        rate.merge(name, run.perSecond(), Math::max);
        say.accept(String.format(Locale.ROOT,
                "[bench]   answer-wrk %s%s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %s ms CPU/request%s%s", name, note,
                run.perSecond(), run.p50(), run.p99(), run.serverCpuMillis() < 0 ? "?" : String.format(Locale.ROOT,
                        "%.3f", run.serverCpuMillis() / Math.max(1, run.requests())),
                run.failed() > 0 ? " FAILED REQUESTS " + run.failed() : "",
                run.reusedSignatures() ? " (signatures reused: more requests than signed)" : ""));
        if (run.failed() > 0) {
            failures.add(name + note + ": " + run.failed() + " failed of " + run.requests() + " (see "
                    + work.resolve("wrk.log") + ")");
        }
        return run;
    }

    private String markdown(Map<String, List<Wrk.Run>> runs, Instant startedAt, String loadBefore, String loadAfter,
            long seconds, long warmup, Map<String, Integer> windows) {
        var md = new StringBuilder();
        md.append(Report.f("Measured %s with `%s` on %d × %s, load average (1 min) %s before, %s after. Our service on"
                + " Payara Micro with the run command's JVM options `%s` and arguments `%s`; wrk -t1 -c%d -d%ds per run,"
                + " the two alternated %d time(s) after a warm-up of each in windows of %d s, repeated while a"
                + " window's rate rose more than %.0f %% on the one before (at most %d; windows: %s), the same kind of"
                + " pre-signed requests for both. req/s, p50, p99: the medians of the runs (req/s:"
                + " lowest–highest).%n%n", startedAt, Report.command(o),
                Runtime.getRuntime().availableProcessors(), Report.cpu(), loadBefore, loadAfter,
                String.join(" ", o.serverJvm), String.join(" ", o.serverArgs), o.wrkConnections, seconds,
                o.wrkRounds, warmup, STILL_RISING * 100, WARMUP_WINDOWS, String.join(", ", windows.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList())));
        md.append("| answer webhook | req/s | p50 ms | p99 ms | server CPU ms/request |\n|---|---:|---:|---:|---:|\n");
        var medians = new LinkedHashMap<String, Double>();
        var p99 = new LinkedHashMap<String, Double>();
        runs.forEach((name, list) -> {
            var m = new Floors.Measured(name, Floors.Row.ANSWER, list);
            medians.put(name, m.median(Wrk.Run::perSecond));
            p99.put(name, m.median(Wrk.Run::p99));
            md.append(Report.f("| %s | %,.0f (%,.0f–%,.0f) | %.2f | %.2f | %s |%n", name, m.median(Wrk.Run::perSecond),
                    m.min(Wrk.Run::perSecond), m.max(Wrk.Run::perSecond), m.median(Wrk.Run::p50),
                    m.median(Wrk.Run::p99), m.cpuPerRequest() < 0 ? "n/a" : Report.f("%.3f", m.cpuPerRequest())));
        });
        if (medians.size() == 2) {
            var values = new ArrayList<>(medians.values());
            var ratio = values.get(0) / values.get(1);
            var ourP99 = p99.values().iterator().next();
            md.append(Report.f("%nOurs / the demo's rate: %.2f×, our p99 %.1f ms. Issue 15's target (at least the"
                    + " demo's rate, p99 ≤ 30 ms, signed): **%s**.%n", ratio, ourP99,
                    ratio >= 1 && ourP99 <= 30 ? "met" : "not met"));
        }
        return md.toString();
    }
}
