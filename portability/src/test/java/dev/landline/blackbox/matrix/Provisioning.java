package dev.landline.blackbox.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipFile;

/**
 * What every server of the matrix does alike: free loopback ports, a distribution unzipped, a command run to its
 * end, the wait for readiness, a process tree stopped. Servers run one at a time (the machine has 2 cores).
 */
final class Provisioning {

    /** How long a server may take to become ready on a crowded 2-core machine. */
    static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("matrix.ready-seconds", 300));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Provisioning() {
    }

    /** Ports nothing listens on at 127.0.0.1, all different. */
    static int[] freePorts(int count) {
        var sockets = new ArrayList<ServerSocket>();
        try {
            var ports = new int[count];
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (var socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    /**
     * Unzips a distribution; the scripts in its bin folders (which zip entries carry no mode for) executable. Returns
     * the one folder the distribution unpacks into (payara6, wildfly-&lt;version&gt;, wlp).
     */
    static Path unzip(Path zip, Path into) throws IOException {
        var tops = new TreeSet<Path>();
        try (var file = new ZipFile(zip.toFile())) {
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                var target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                tops.add(into.relativize(target).getName(0));
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                var parent = target.getParent().getFileName().toString();
                if (parent.equals("bin") && !entry.getName().endsWith(".bat") && !entry.getName().endsWith(".ps1")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
        if (tops.size() != 1) {
            throw new IOException(zip + " does not unpack into one folder but into " + tops);
        }
        return into.resolve(tops.first());
    }

    /** A process builder with this JVM's Java as JAVA_HOME, its output appended to the log. */
    static ProcessBuilder command(Path log, List<String> command) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder;
    }

    /** Runs a command to its end (bounded); fails with the log's tail unless it exits 0. */
    static void run(Path log, Duration within, String... command) throws IOException, InterruptedException {
        run(log, within, Map.of(), command);
    }

    /**
     * Runs a command to its end (bounded), with these environment variables besides JAVA_HOME; the log shows the
     * command, then its output, exit value and duration. Fails with the log's tail unless it exits 0.
     */
    static void run(Path log, Duration within, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Files.writeString(log, "\n$ " + shown(command) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        var started = Instant.now();
        var builder = command(log, List.of(command));
        builder.environment().putAll(environment);
        var process = builder.start();
        if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
            stop(process.toHandle(), Duration.ofSeconds(10));
            throw new IllegalStateException(command[0] + " did not finish within " + within + tail(log));
        }
        Files.writeString(log, "(exit " + process.exitValue() + ", "
                + Duration.between(started, Instant.now()).toMillis() + " ms)\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command[0] + " exited with " + process.exitValue() + tail(log));
        }
    }

    /** The command as the log may show it: never a password given on the command line. */
    private static String shown(String... command) {
        var shown = new ArrayList<String>();
        for (int i = 0; i < command.length; i++) {
            shown.add(i > 0 && command[i - 1].equals("-p") ? "****" : command[i]);
        }
        return String.join(" ", shown);
    }

    /** Waits until the URL answers 200 with an UP status, while the server lives; fails with the log's tail. */
    static void awaitUp(URI url, BooleanSupplier alive, Path log) throws InterruptedException {
        var deadline = Instant.now().plus(READY_WITHIN);
        var last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the server ended before " + url + " answered UP" + tail(log));
            }
            try {
                var response = CLIENT.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(url + " did not answer UP within " + READY_WITHIN + ": " + last + tail(log));
    }

    /** Asks the process and its children to end, waits, then forces those still there. */
    static void stop(ProcessHandle process, Duration grace) {
        var all = new ArrayList<ProcessHandle>();
        all.add(process);
        process.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroy);
        awaitGone(all, grace);
    }

    /** Waits until each process has ended; forces those that have not within the grace period. */
    static void awaitGone(List<ProcessHandle> processes, Duration grace) {
        var deadline = Instant.now().plus(grace);
        for (var handle : processes) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception stillThere) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
                handle.onExit().join();
            }
        }
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return " (no log at " + log + ")";
        }
    }
}
