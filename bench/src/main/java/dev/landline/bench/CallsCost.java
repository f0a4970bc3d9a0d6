package dev.landline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Issue 15's whole-call figures, from the {@code paced} and {@code calls} phases of the same run: every step's p99
 * at a person's pace against 20 ms (the PIN step against the PIN hash's own cost + 20 ms, that cost measured in the
 * same run by {@link CallBench#pbkdf2Millis}), and the service's CPU per whole call with the PIN check and without it
 * (the CPU of the service's own PIN-check threads over the same window taken off: before the seventh session, one
 * hash measured in the driver's JVM per PIN step was, and the host's drift between the two measurements could leave
 * nothing to report). Written between
 * {@code <!-- calls-cost:start -->} and {@code <!-- calls-cost:end -->} in docs/benchmarks.md.
 */
final class CallsCost {

    private static final String PIN = "3 PIN";

    private CallsCost() {
    }

    static String markdown(Options o, Instant startedAt, String load, Load.Result paced, Load.Result calls,
            Map<String, Double> cpu, Map<String, Double> pinCheckCpu, double hashMs, Latencies floor, double pinRate,
            int threads) {
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
        double checksPerCall = pinCheckCpu.getOrDefault("whole calls", -1.0) / Math.max(1, calls.units());
        double pacedChecksPerCall = pinCheckCpu.getOrDefault("paced calls", -1.0) / Math.max(1, paced.units());
        md.append(Report.f("%nService CPU per whole call (phase `calls`, back to back, %,d calls): **%.1f ms with the"
                + " PIN check**, %s. At a person's pace (phase `paced`, %,d calls): %.1f ms per call with the check, %s."
                + " (The service's PIN checks run on their own threads, `pin-check-N`; their CPU is read from"
                + " `/proc/PID/task` over the same windows: the hash and the check's own transaction. As a cross-check,"
                + " %.2f hashes per call × %.0f ms, the hash measured above in the driver's JVM, come to %.1f ms.)%n",
                calls.units(), perCall, without(perCall, checksPerCall), paced.units(), pacedPerCall,
                without(pacedPerCall, pacedChecksPerCall), hashesPerCall, hashMs, hashesPerCall * hashMs));
        return md.toString();
    }

    private static String without(double perCall, double checksPerCall) {
        if (checksPerCall < 0) {
            return "without it: not measured (the PIN-check threads' CPU could not be read)";
        }
        return Report.f("**%.1f ms without it** (the PIN-check threads: %.1f ms per call)", perCall - checksPerCall,
                checksPerCall);
    }

    static void write(Path file, String section) throws java.io.IOException {
        DocSection.replace(file, "calls-cost", section);
    }
}
