package dev.landline.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * For the tests that start a server as a process of their own (the run command's Payara Micro, or one started
 * without a setting): a free port to give it, stopping it politely or like a crash, and the end of its log for a
 * failure's message.
 */
final class ServerProcesses {

    private ServerProcesses() {
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
