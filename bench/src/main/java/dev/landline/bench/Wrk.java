package dev.landline.bench;

import dev.landline.testkit.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Drives a server with wrk ({@code wrk -t1 -cN -dS --latency}), the reference client: one thread, keep-alive
 * connections, no per-request work in the client. Signed webhooks differ per request (Vonage's JWT has a fresh
 * {@code iat} and {@code jti}), so they are signed just before a run into a file of pre-signed requests
 * ({@link #presignedAnswers}) that the Lua script presigned.lua cycles through. A run reports the server's CPU time in
 * the window beside wrk's figures; a non-2xx answer or a socket error is a failed request.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path work;
    private final int connections;
    private Path script;
    private int count;

    Wrk(Path work, int connections) {
        this.work = work;
        this.connections = connections;
    }

    static boolean available() {
        return Processes.onPath("wrk");
    }

    /** What one wrk run measured; the server's CPU time in its window (ms, -1 when unknown). */
    record Run(long requests, double seconds, double perSecond, double p50, double p99, long non2xx,
            long socketErrors, double serverCpuMillis, long presigned) {

        long failed() {
            return non2xx + socketErrors;
        }

        /** More requests than were signed: some signatures were sent twice. */
        boolean reusedSignatures() {
            return presigned > 0 && requests > presigned;
        }
    }

    /**
     * A file of answer webhooks as Vonage sends them by default (GET, the call's fields in the query), each with its
     * own signature and a fresh call from a number nobody enrolled ("1555" and seven digits) to a called number of
     * its own (so no per-number call cap is ever reached), signed now: run it at once.
     */
    Path presignedAnswers(URI base, WebhookSigner signer, int requests, long firstUnknown) throws IOException {
        var file = work.resolve("presigned-" + (++count) + ".tsv");
        var path = base.getRawPath() + "webhooks/answer";
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < requests; i++) {
                var uuid = java.util.UUID.randomUUID().toString();
                var from = "1555" + String.format(Locale.ROOT, "%07d", (firstUnknown + i) % 10_000_000);
                var to = "4420" + String.format(Locale.ROOT, "%07d", (firstUnknown + i) % 10_000_000);
                var query = "uuid=" + uuid + "&conversation_uuid=CON-" + uuid + "&from=" + from + "&to=" + to;
                out.write("GET\t" + path + "?" + query + "\t" + signer.bearer(null) + "\n");
            }
        }
        return file;
    }

    /** wrk on a plain GET of this URL. */
    Run get(URI url, double seconds, Optional<ProcessHandle> server) throws IOException, InterruptedException {
        return run(url, seconds, server, null, 0);
    }

    /** wrk cycling through a file of pre-signed requests (of {@code presigned} lines) against this server. */
    Run presigned(URI base, Path requests, int presigned, double seconds, Optional<ProcessHandle> server)
            throws IOException, InterruptedException {
        return run(base, seconds, server, requests, presigned);
    }

    private Run run(URI url, double seconds, Optional<ProcessHandle> server, Path requests, int presigned)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections,
                "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s", "--latency"));
        if (requests != null) {
            command.addAll(List.of("-s", script().toString(), url.toString(), "--", requests.toString()));
        } else {
            command.add(url.toString());
        }
        var cpuBefore = cpuMillis(server);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(Math.round(seconds) + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not end");
        }
        var cpuAfter = cpuMillis(server);
        Files.writeString(work.resolve("wrk.log"), "$ " + String.join(" ", command) + "\n" + output + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("wrk exited with " + process.exitValue() + ": " + output);
        }
        return parse(output, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, presigned);
    }

    static Run parse(String output, double cpuMillis, long presigned) {
        var total = TOTAL.matcher(output);
        var rate = RATE.matcher(output);
        if (!total.find() || !rate.find()) {
            throw new IllegalStateException("no wrk summary in: " + output);
        }
        double p50 = -1;
        double p99 = -1;
        var percentiles = PERCENTILE.matcher(output);
        while (percentiles.find()) {
            var ms = millis(percentiles.group(2), percentiles.group(3));
            if (percentiles.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        var non2xx = NON_2XX.matcher(output);
        var socket = SOCKET.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Run(Long.parseLong(total.group(1)), millis(total.group(2), total.group(3)) / 1000,
                Double.parseDouble(rate.group(1)), p50, p99, non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors, cpuMillis, presigned);
    }

    private static double millis(String value, String unit) {
        var v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    /** CPU time (ms) of a process and its descendants (WildFly's standalone.sh and its JVM), or -1. */
    static double cpuMillis(Optional<ProcessHandle> process) {
        if (process.isEmpty()) {
            return -1;
        }
        var all = new ArrayList<ProcessHandle>();
        all.add(process.get());
        process.get().descendants().forEach(all::add);
        double sum = 0;
        for (var handle : all) {
            var ms = Processes.cpuMillis(handle.pid());
            if (ms < 0) {
                return -1;
            }
            sum += ms;
        }
        return sum;
    }

    private Path script() throws IOException {
        if (script == null) {
            script = work.resolve("presigned.lua");
            try (var in = Wrk.class.getResourceAsStream("presigned.lua")) {
                Files.write(script, in.readAllBytes());
            }
        }
        return script;
    }
}
