package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * For the tests that start a server as a process of their own (the run command's Payara Micro, or one started
 * without a setting): a LANDLINE_HOME prepared as the run command prepares it, a free port, stopping the server
 * politely or like a crash, and the end of its log for a failure's message.
 */
final class ServerProcesses {

    private ServerProcesses() {
    }

    /**
     * Prepares {@code home} as the run command does ({@code PrepareLocalServer}, with this admin password;
     * docs/deploying-payara-micro.md), then puts the "Vonage account's" signature secret (the tests'
     * {@link TestCredentials#VONAGE_SIGNATURE_SECRET}) in place of the generated one, as docs/deploying.md ("Connecting a Vonage number")
     * says, so that the tests' webhooks are signed as Vonage signs them. Returns the keys file,
     * {@code server-keys.properties}.
     */
    static Path prepareRunCommandHome(Path home, String adminPassword) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var prepare = new ProcessBuilder(java, "src/main/payara/PrepareLocalServer.java", home.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("prepare.log").toFile());
        prepare.environment().put("LANDLINE_ADMIN_PASSWORD", adminPassword);
        assertEquals(0, prepare.start().waitFor(), () -> tail(home.resolve("prepare.log")));
        var keys = home.resolve("server-keys.properties");
        var properties = new Properties();
        try (var in = Files.newInputStream(keys)) {
            properties.load(in);
        }
        assertTrue(properties.getProperty("landline.vonage.signature-secret", "").length() >= 32,
                "the run command generated a signature secret");
        properties.setProperty("landline.vonage.signature-secret", TestCredentials.VONAGE_SIGNATURE_SECRET);
        try (var out = Files.newOutputStream(keys)) {
            properties.store(out, null);
        }
        return keys;
    }

    /**
     * Starts Payara Micro exactly as the run command does (app/pom.xml, profile run: the memory settings, loopback H2,
     * the pre-boot commands, the post-boot commands and keys of {@code home} as {@link #prepareRunCommandHome} left
     * them), on this port, with these JVM options added; its output goes to {@code home/server.log}.
     */
    static Process startAsRunCommand(Path home, int port, String... extraJvmOptions) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("@src/main/payara/memory.args", "-Dh2.bindAddress=127.0.0.1",
                "-Djava.awt.headless=true"));
        command.addAll(List.of(extraJvmOptions));
        command.addAll(List.of("-jar", "target/payara-micro.jar", "--nocluster", "--maxHttpThreads", "4",
                "--minHttpThreads", "4",
                "--deploy", "target/landline-authenticator.war", "--contextroot", "/", "--port", String.valueOf(port),
                "--prebootcommandfile", "src/main/payara/pre-boot-commands.txt",
                "--postbootcommandfile", home.resolve("post-boot-commands.txt").toString(),
                "--systemproperties", home.resolve("server-keys.properties").toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until {@code up} says the server is up (asked every half second; not listening yet counts as not up),
     * failing with the end of its log if it dies or takes longer than {@code limit}.
     */
    static void awaitUp(Process server, Path log, Duration limit, BooleanSupplier up) throws InterruptedException {
        var deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(server.isAlive(), () -> "the server died: " + tail(log));
            try {
                if (up.getAsBoolean()) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not up in " + limit.toSeconds() + " s: " + tail(log));
    }

    /** Stops the server, if it runs: politely (killed after 30 s), or killed at once like a crash. */
    static void stop(Process server, boolean crash) throws InterruptedException {
        if (server != null && server.isAlive()) {
            if (crash) {
                server.destroyForcibly().waitFor();
            } else {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** The last 4,000 characters of a log. */
    static String tail(Path log) {
        try {
            var text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
