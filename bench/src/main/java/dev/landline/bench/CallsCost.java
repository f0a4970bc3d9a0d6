package dev.landline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Issue 15's whole-call figures, from the {@code paced} and {@code calls} phases of the same run: every step's p99
 * at a person's pace against 20 ms (the PIN step against the PIN hash's own cost + 20 ms, that cost measured in the
 * same run by {@link CallBench#pbkdf2Millis}), and the service's CPU per whole call with the PIN hash and without it
 * (the back-to-back run's CPU per call less one measured hash per PIN step). Written between
 * {@code <!-- calls-cost:start -->} and {@code <!-- calls-cost:end -->} in docs/benchmarks.md.
 */
final class CallsCost {

    private static final String PIN = "3 PIN";

    private CallsCost() {
    }

    static String markdown(Options o, Instant startedAt, String load, Load.Result paced, Load.Result calls,
            Map<String, Double> cpu, double hashMs, Latencies floor, double pinRate, int threads) {
        var md = new StringBuilder();
        md.append(Report.f("Measured %s with `bench/run %s`%s, load average %s before the run. PIN hash: the"
                + " service's own (its PinHasher: pepper, then PBKDF2-HMAC-SHA256 at %,d iterations) takes"
                + " **%.0f ms** of CPU here (thread CPU time, best of 4 in the driver's JVM, the same run).%n%n",
                startedAt, String.join(" ", o.args), o.smoke ? " (**smoke: figures mean nothing**)" : "", load,
                o.iterations, hashMs));
        md.append(Report.f("Whole calls at a person's pace, %d at once, signed (phase `paced`, %.0f s measured):%n%n",
                o.concurrency, paced.seconds()));
        md.append("| step | p50 ms | p99 ms | target p99 | |\n|---|---:|---:|---:|---|\n");
        paced.byStep().forEach((step, l) -> {
            if (step.equals("whole call")) {
                return;
            }
            double target = step.equals(PIN) ? hashMs + 20 : 20;
            double p99 = l.millis(0.99);
            boolean met = p99 <= target && l.errors() == 0;
            boolean outOfReach = step.equals(PIN) && floor.count() > 0 && floor.millis(0.99) > target;
            var verdict = met ? "**met**" : outOfReach ? "**not met**: the hash alone has p99 "
                    + Latencies.ms(floor.millis(0.99)) + " ms here (floor below)" : "**not met**";
            md.append(Report.f("| %s | %s | %s | %.0f ms%s | %s |%n", step, Latencies.ms(l.millis(0.5)),
                    Latencies.ms(p99), target, step.equals(PIN) ? " (hash + 20)" : "", verdict));
        });
        md.append(Report.f("%nThe PIN step's floor on this machine (`PinFloor`): the service's own hash alone, no"
                + " server, PIN checks arriving at random at the paced run's rate (%.1f/s) on %d threads (as the"
                + " service's `PinChecks`: one per core), %,d checks: p50 **%s ms**, p99 **%s ms**. A check that"
                + " arrives while every thread is busy waits its turn. Measured apart from the calls, this p99 is what"
                + " the PIN step's p99 should not be expected to beat (one run's two figures can still cross by"
                + " chance).%n",
                pinRate, threads, floor.count(), Latencies.ms(floor.millis(0.5)), Latencies.ms(floor.millis(0.99))));
        var pin = calls.byStep().get(PIN);
        double perCall = cpu.getOrDefault("whole calls", -1.0) / Math.max(1, calls.units());
        double hashesPerCall = pin == null ? 0 : (double) pin.count() / Math.max(1, calls.units());
        double pacedPerCall = cpu.getOrDefault("paced calls", -1.0) / Math.max(1, paced.units());
        double without = perCall - hashesPerCall * hashMs;
        md.append(Report.f("%nService CPU per whole call (phase `calls`, back to back, %,d calls): **%.1f ms with the"
                + " PIN hash**, %s (less %.2f hashes per call × %.0f ms, the hash measured above)."
                + " At a person's pace (phase `paced`): %.1f ms per call with the hash.%n", calls.units(), perCall,
                without > 0 ? Report.f("**%.1f ms without it**", without)
                        : "**without it: below what this run resolves** (the hash measured alone cost more than the"
                                + " call's whole share: the machine's speed moved between the two)",
                hashesPerCall, hashMs, pacedPerCall));
        return md.toString();
    }

    static void write(Path file, String section) throws java.io.IOException {
        DocSection.replace(file, "calls-cost", section);
    }
}
