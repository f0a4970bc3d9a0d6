package dev.landline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The generated part of docs/benchmarks.md. */
final class Report {

    private Report() {
    }

    static String markdown(Options o, Instant startedAt, String loadBefore, String loadAfter, double readySeconds,
            DataSet data, double enrolSeconds, Map<String, Load.Result> results, long codesChecked,
            long twilioCodesChecked, double serviceRss, double demoRss, double hashMs, boolean withDemo,
            Map<String, Double> cpu, Map<String, GcPauses> gc) {
        var md = new StringBuilder();
        header(md, o, startedAt, loadBefore, loadAfter, data, enrolSeconds);
        single(md, results, cpu, gc);
        providers(md, o, results, cpu, twilioCodesChecked);
        return rest(md, o, readySeconds, results, codesChecked, serviceRss, demoRss, hashMs, withDemo, cpu, gc);
    }

    /**
     * A run of the provider phases only ({@code --phases answer,twilio-answer,calls,twilio-calls}): the machine, the
     * settings and Vonage and Twilio side by side.
     */
    static String providersOnly(Options o, Instant startedAt, String loadBefore, String loadAfter, DataSet data,
            double enrolSeconds, Map<String, Load.Result> results, long twilioCodesChecked, Map<String, Double> cpu) {
        var md = new StringBuilder();
        header(md, o, startedAt, loadBefore, loadAfter, data, enrolSeconds);
        providers(md, o, results, cpu, twilioCodesChecked);
        return md.toString();
    }

    private static void header(StringBuilder md, Options o, Instant startedAt, String loadBefore, String loadAfter,
            DataSet data, double enrolSeconds) {
        md.append(f("Measured %s with `%s`%s.%n%n", startedAt, command(o),
                o.smoke ? " (**smoke run: tiny data set, seconds of load; the figures mean nothing**)" : ""));
        md.append("| machine | |\n|---|---|\n");
        md.append(f("| `nproc` | %d |%n", Runtime.getRuntime().availableProcessors()));
        md.append(f("| CPU | %s |%n", cpu()));
        md.append(f("| memory | %s |%n", memory()));
        md.append(f("| Java (service and driver) | %s %s |%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version")));
        md.append(f("| OS | %s %s %s |%n", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch")));
        md.append(f("| load average before / after (1 min) | %s / %s (the driver, the service and the demo share"
                + " these cores) |%n%n", loadBefore, loadAfter));

        md.append("| settings | |\n|---|---|\n");
        md.append(f("| service | Payara Micro from the app module's WAR, JVM options `%s`%s, Payara Micro"
                + " options `%s`, database %s, JDBC statement cache %d per connection%s |%n",
                String.join(" ", o.serverJvm), o.serverEnv.isEmpty() ? "" : ", environment `" + o.serverEnv + "`",
                String.join(" ", o.serverArgs), o.postgres ? "PostgreSQL 127.0.0.1:5432 (a fresh database)"
                        : "embedded H2 (file, as the run command)", o.statementCache,
                o.postgres ? "" : f(", H2 query cache %d", o.h2QueryCache)));
        md.append(f("| production settings | PIN hash PBKDF2-HMAC-SHA256 **%,d** iterations (+ pepper); signed webhooks"
                + " (Vonage: HS256 JWT with payload hash on every request; Twilio: `X-Twilio-Signature`, HMAC-SHA1"
                + " over the URL and the form); PIN guard and call caps on: 6 calls/min per"
                + " calling number (default), %,d per called number (see below) |%n", o.iterations, o.calledCap));
        md.append(f("| data set | %,d callers, %,d accounts (1–12 each; ≈70%% TOTP SHA1/6/30, 10%% SHA256/8/30, 5%%"
                + " SHA512/8/60, 5%% SHA1/7/30, 10%% HOTP SHA1/6), enrolled through the admin API in %.0f s |%n",
                data.callers.size(), data.accounts, enrolSeconds));
        md.append(f("| load | closed loop, %d connections (single webhooks) and %d concurrent calls, HTTP/1.1 on"
                + " loopback from a separate JVM (`java.net.http`); warmup %.0f s per phase, then %.0f s measured"
                + " (whole calls: %.0f s) |%n%n", o.concurrency, o.concurrency, o.warmup, o.seconds, o.callSeconds));
    }

    private static void single(StringBuilder md, Map<String, Load.Result> results, Map<String, Double> cpu,
            Map<String, GcPauses> gc) {
        var answer = results.get("service answer");
        var demoAnswer = results.get("demo answer");
        var pin = results.get("service PIN");
        var passcode = results.get("demo passcode");
        md.append("### Single webhooks\n\n");
        md.append("| webhook | req/s | p50 ms | p99 ms | errors | demo req/s | demo p50 ms | demo p99 ms |"
                + " service / demo req/s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(row("answer (GET, unknown number: account number asked)", answer, "answer", demoAnswer, "answer"));
        md.append(row("PIN input (service: correct PIN, PBKDF2) / passcode (demo: string compare)", pin, "PIN",
                passcode, "passcode"));
        md.append(f("%nCPU time of the server process per request in the measured window (from `/proc/PID/stat`;"
                + " steadier than req/s, but on a shared host it too varies between runs): service answer %s, service"
                + " PIN %s (with its untimed answer), whole call %s; demo answer %s, demo passcode %s.%n",
                perRequest(cpu, results, "service answer", "answer"), perRequest(cpu, results, "service PIN", "PIN"),
                perUnit(cpu, results, "whole calls"), perRequest(cpu, results, "demo answer", "answer"),
                perRequest(cpu, results, "demo passcode", "passcode")));
        md.append(f("%nWhat that CPU time allows on this machine's 2 cores when nothing else runs (the service uses both"
                + " cores, the demo's single event loop one; the load generator's own CPU not counted): service"
                + " answer ≈ %s/s, demo answer ≈ %s/s, ratio ≈ %s; whole calls ≈ %s/s.%n",
                capacity(cpu, results, "service answer", "answer", 2000), capacity(cpu, results, "demo answer",
                        "answer", 1000), capacityRatio(cpu, results), callCapacity(cpu, results)));
        md.append(f("%nThe service's garbage-collector pauses in the measured windows (from its GC log): answer %s;"
                + " PIN %s.%n", gc.getOrDefault("service answer", null), gc.getOrDefault("service PIN", null)));
        md.append("\nThe service's PIN row plays an untimed answer before each PIN (its token is single-use), so its"
                + " req/s counts PIN webhooks only.\n\n");
    }

    private static String rest(StringBuilder md, Options o, double readySeconds, Map<String, Load.Result> results,
            long codesChecked, double serviceRss, double demoRss, double hashMs, boolean withDemo,
            Map<String, Double> cpu, Map<String, GcPauses> gc) {
        var answer = results.get("service answer");
        var demoAnswer = results.get("demo answer");
        var calls = results.get("whole calls");
        md.append("### Whole calls, back to back (saturation)\n\n");
        md.append(f("**%.1f whole calls/s** with %d calls at once, each line starting its next call the moment the"
                + " last one ends, with no time for speech or typing (the service's capacity, not a real line's"
                + " load); %,d calls completed, %,d failed; %,d spoken TOTP"
                + " codes checked (in this run and the paced one below) against an independent RFC 6238 implementation.%n%n", calls.unitsPerSecond(),
                o.concurrency, calls.units(), calls.failedUnits(), codesChecked));
        md.append("| step | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
        calls.byStep().forEach((step, l) -> md.append(f("| %s | %.1f | %s | %s | %d |%n", step,
                l.count() / calls.seconds(), Latencies.ms(l.millis(0.5)), Latencies.ms(l.millis(0.99)),
                l.errors())));
        md.append(f("%nService GC pauses in the measured window: %s.%n", gc.get("whole calls")));
        md.append("\nSteps: 1 answer; 2 account number (only the 20 % of calls from an unrecognised number); 3 PIN"
                + " (answers the menu, or the code for a caller with one account); 4 menu choice (callers with more"
                + " than one account: answers the code); 5 the `completed` event Vonage sends when the caller hangs"
                + " up.\n\n");
        if (!calls.failures().isEmpty()) {
            md.append("Failures (first few): ").append(String.join("; ", calls.failures())).append("\n\n");
        }

        var paced = results.get("paced calls");
        md.append("### Whole calls at a person's pace\n\n");
        md.append(f("**%d calls on the line at once**, each played at a person's pace (typing starts 1–2 s into a"
                + " prompt, 3 keys a second, the code heard twice before hanging up; ±30 %%), which is what 50 busy"
                + " lines bring: %.1f calls/s; %,d calls completed, %,d failed. Warmup 30 s, then %.0f s measured."
                + "%n%n", o.concurrency, paced.unitsPerSecond(), paced.units(), paced.failedUnits(), paced.seconds()));
        md.append("| step | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
        paced.byStep().forEach((step, l) -> md.append(f("| %s | %.1f | %s | %s | %d |%n",
                step.equals("whole call") ? "whole call (with the caller's own time)" : step,
                l.count() / paced.seconds(), Latencies.ms(l.millis(0.5)), Latencies.ms(l.millis(0.99)),
                l.errors())));
        if (!paced.failures().isEmpty()) {
            md.append("\nFailures (first few): ").append(String.join("; ", paced.failures())).append("\n");
        }
        md.append(f("%nCPU time of the service per paced call: %s. Service GC pauses in the measured window: %s.%n%n",
                perUnit(cpu, results, "paced calls"), gc.get("paced calls")));

        md.append("### Start and memory\n\n| | service | demo |\n|---|---:|---:|\n");
        md.append(f("| from process start to the first answered call | %.1f s | – |%n", readySeconds));
        md.append(f("| RSS after the run | %.0f MB | %s |%n%n", serviceRss,
                withDemo ? f("%.0f MB", demoRss) : "–"));

        md.append(f("One PIN hash (the service's own PinHasher: pepper, then PBKDF2-HMAC-SHA256 at %,d iterations) takes"
                + " **%.0f ms** of one core's CPU on this machine (measured in the driver's JVM; JMH:"
                + " `PinDerivationBenchmark`).%n%n",
                o.iterations, hashMs));

        md.append("### Targets (issue 6)\n\n| target | measured | |\n|---|---|---|\n");
        double ratio = withDemo ? answer.perSecond("answer") / demoAnswer.perSecond("answer") : Double.NaN;
        md.append(target("answer webhook ≥ 3× the demo's req/s", withDemo ? f("%.2f×", ratio) : "demo not run",
                withDemo ? ratio >= 3 : null));
        double answerP99 = answer.byStep().get("answer").millis(0.99);
        md.append(target(f("answer webhook p99 ≤ 5 ms at %d connections", o.concurrency),
                Latencies.ms(answerP99) + " ms", answerP99 <= 5));
        md.append(stepsTarget(f("whole call at %d concurrent calls (at a person's pace): p99 ≤ 150 ms for every"
                + " step, no errors", o.concurrency), paced));
        md.append(stepsTarget(f("the same, %d calls back to back with no one's time in between (the saturation"
                + " run above; beyond the target)", o.concurrency), calls));
        md.append(target("ready to answer ≤ 10 s after start", f("%.1f s", readySeconds), readySeconds <= 10));
        md.append(target("RSS ≤ 512 MB after the run", f("%.0f MB", serviceRss), serviceRss > 0 && serviceRss <= 512));
        md.append("| code generation within 2× of the raw HMAC floor | JMH, see [benchmarks-codes.md]"
                + "(benchmarks-codes.md) | see there |\n");
        return md.toString();
    }

    /**
     * The same service through each provider: the answer webhook alone, and whole calls back to back, the same calls
     * on the same data one after the other.
     */
    private static void providers(StringBuilder md, Options o, Map<String, Load.Result> results,
            Map<String, Double> cpu, long twilioCodesChecked) {
        var twilioAnswer = results.get("twilio answer");
        var twilioCalls = results.get("twilio calls");
        md.append("### Vonage and Twilio side by side\n\n");
        if (twilioAnswer == null && twilioCalls == null) {
            md.append("Not run (`--phases` without `twilio-answer`, `twilio-calls`).\n\n");
            return;
        }
        md.append(f("The same service, the same data, one provider after the other: the answer webhook alone (%d"
                + " connections, a fresh call from an unrecognised number each time), then whole calls back to back"
                + " (%d lines, each starting its next call the moment the last one ends). Vonage: GET answer, JSON input, NCCO replies; Twilio:"
                + " form POSTs to `/webhooks/twilio/voice` and the `<Gather>` action, TwiML replies, the status"
                + " callback at the end. The PIN hash dominates a whole call either way.%n%n", o.concurrency,
                o.concurrency));
        md.append("| provider | answer req/s | answer p50 ms | answer p99 ms | CPU per answer | whole calls/s |"
                + " whole call p50 ms | whole call p99 ms | calls completed / failed | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(providerRow("Vonage", results.get("service answer"), results.get("whole calls"),
                perRequest(cpu, results, "service answer", "answer")));
        md.append(providerRow("Twilio", twilioAnswer, twilioCalls, perRequest(cpu, results, "twilio answer",
                "answer")));
        var vonageCalls = results.get("whole calls");
        if (twilioCalls != null && vonageCalls != null) {
            md.append("\n| step (back to back) | Vonage req/s | Vonage p50 ms | Vonage p99 ms | Twilio req/s |"
                    + " Twilio p50 ms | Twilio p99 ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
            var steps = new java.util.TreeSet<>(vonageCalls.byStep().keySet());
            steps.addAll(twilioCalls.byStep().keySet());
            for (var step : steps) {
                md.append(f("| %s | %s | %s |%n", step, stepCells(vonageCalls, step), stepCells(twilioCalls, step)));
            }
            md.append(f("%n%,d spoken TOTP codes of Twilio calls (warmup included) checked against an independent RFC 6238"
                    + " implementation (read from the TwiML's `<Say>` text, digits separated by \", \"). Step 5 is"
                    + " Vonage's `completed` event or Twilio's status callback.%n", twilioCodesChecked));
            if (!twilioCalls.failures().isEmpty()) {
                md.append("\nTwilio failures (first few): ").append(String.join("; ", twilioCalls.failures()))
                        .append("\n");
            }
        }
        md.append("\n");
    }

    private static String providerRow(String provider, Load.Result answer, Load.Result calls, String cpuPerAnswer) {
        var a = answer == null ? null : answer.byStep().get("answer");
        var whole = calls == null ? null : calls.byStep().get("whole call");
        return f("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", provider,
                a == null ? "–" : f("%.0f", answer.perSecond("answer")), a == null ? "–" : Latencies.ms(a.millis(0.5)),
                a == null ? "–" : Latencies.ms(a.millis(0.99)), cpuPerAnswer,
                calls == null ? "–" : f("%.1f", calls.unitsPerSecond()),
                whole == null ? "–" : Latencies.ms(whole.millis(0.5)),
                whole == null ? "–" : Latencies.ms(whole.millis(0.99)),
                calls == null ? "–" : f("%,d / %,d", calls.units(), calls.failedUnits()),
                (answer == null ? 0 : answer.errors()) + (calls == null ? 0 : calls.errors()));
    }

    private static String stepCells(Load.Result calls, String step) {
        var l = calls.byStep().get(step);
        return l == null ? "– | – | –" : f("%.1f | %s | %s", l.count() / calls.seconds(), Latencies.ms(l.millis(0.5)),
                Latencies.ms(l.millis(0.99)));
    }

    private static String stepsTarget(String what, Load.Result calls) {
        double worst = 0;
        String worstStep = "";
        for (var e : calls.byStep().entrySet()) {
            if (!e.getKey().equals("whole call") && e.getValue().millis(0.99) > worst) {
                worst = e.getValue().millis(0.99);
                worstStep = e.getKey();
            }
        }
        return target(what, f("worst step p99 %s ms (%s), %d errors", Latencies.ms(worst), worstStep,
                calls.errors()), worst <= 150 && calls.errors() == 0);
    }

    private static String row(String name, Load.Result ours, String step, Load.Result demo, String demoStep) {
        var l = ours.byStep().get(step);
        var d = demo == null ? null : demo.byStep().get(demoStep);
        double ratio = d == null || d.count() == 0 ? Double.NaN : (double) (l == null ? 0 : l.count()) / d.count()
                * demo.seconds() / ours.seconds();
        return f("| %s | %.0f | %s | %s | %d | %s | %s | %s | %s |%n", name, ours.perSecond(step),
                l == null ? "–" : Latencies.ms(l.millis(0.5)), l == null ? "–" : Latencies.ms(l.millis(0.99)),
                ours.errors(), d == null ? "–" : f("%.0f", demo.perSecond(demoStep)),
                d == null ? "–" : Latencies.ms(d.millis(0.5)), d == null ? "–" : Latencies.ms(d.millis(0.99)),
                Double.isNaN(ratio) ? "–" : f("%.2f×", ratio));
    }

    private static String perRequest(Map<String, Double> cpu, Map<String, Load.Result> results, String phase,
            String step) {
        var r = results.get(phase);
        var ms = cpu.get(phase);
        if (r == null || ms == null || ms < 0 || r.byStep().get(step) == null) {
            return "–";
        }
        return f("%.2f ms", ms / r.byStep().get(step).count());
    }

    private static String perUnit(Map<String, Double> cpu, Map<String, Load.Result> results, String phase) {
        var r = results.get(phase);
        var ms = cpu.get(phase);
        return r == null || ms == null || ms < 0 || r.units() == 0 ? "–" : f("%.1f ms", ms / r.units());
    }

    private static double cpuPer(Map<String, Double> cpu, Map<String, Load.Result> results, String phase,
            String step) {
        var r = results.get(phase);
        var ms = cpu.get(phase);
        if (r == null || ms == null || ms <= 0 || r.byStep().get(step) == null || r.byStep().get(step).count() == 0) {
            return Double.NaN;
        }
        return ms / r.byStep().get(step).count();
    }

    private static String capacity(Map<String, Double> cpu, Map<String, Load.Result> results, String phase,
            String step, double cpuMillisPerSecond) {
        double per = cpuPer(cpu, results, phase, step);
        return Double.isNaN(per) ? "–" : f("%.0f", cpuMillisPerSecond / per);
    }

    private static String capacityRatio(Map<String, Double> cpu, Map<String, Load.Result> results) {
        double ours = 2000 / cpuPer(cpu, results, "service answer", "answer");
        double demo = 1000 / cpuPer(cpu, results, "demo answer", "answer");
        return Double.isNaN(ours / demo) ? "–" : f("%.2f×", ours / demo);
    }

    private static String callCapacity(Map<String, Double> cpu, Map<String, Load.Result> results) {
        var r = results.get("whole calls");
        var ms = cpu.get("whole calls");
        return r == null || ms == null || ms <= 0 || r.units() == 0 ? "–" : f("%.1f", 2000 / (ms / r.units()));
    }

    private static String target(String what, String measured, Boolean met) {
        return f("| %s | %s | %s |%n", what, measured, met == null ? "not judged" : met ? "**met**" : "**not met**");
    }

    static String command(Options o) {
        return "bench/run" + (o.args.isEmpty() ? "" : " " + String.join(" ", o.args));
    }

    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> f("%.1f GB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The median of values sorted ascending (at least one). */
    static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
