package dev.landline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting, watching and stopping the processes the benchmark measures. */
final class Processes {

    private Processes() {
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Process start(List<String> command, Path dir, Path log, java.util.Map<String, String> env)
            throws IOException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Resident set size of a process in MB from /proc (Linux), or -1. */
    static double rssMb(Process process) {
        var status = Path.of("/proc/" + process.pid() + "/status");
        try {
            for (var line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /**
     * The JVM's native memory summary (the process must run with -XX:NativeMemoryTracking=summary), written whole to
     * {@code file}; returns the committed MB of each category in one line, largest first, or why there is none.
     */
    static String nativeMemory(Process process, Path file) {
        try {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            var run = new ProcessBuilder(jcmd, Long.toString(process.pid()), "VM.native_memory", "summary", "scale=KB")
                    .redirectErrorStream(true).start();
            var text = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            run.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(file, text);
            var category = java.util.regex.Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
            var total = java.util.regex.Pattern.compile("(?m)^Total: reserved=\\d+KB, committed=(\\d+)KB");
            var parts = new ArrayList<java.util.Map.Entry<String, Long>>();
            var m = category.matcher(text);
            while (m.find()) {
                parts.add(java.util.Map.entry(m.group(1).trim(), Long.parseLong(m.group(2))));
            }
            parts.sort(java.util.Map.Entry.<String, Long>comparingByValue().reversed());
            var t = total.matcher(text);
            var line = new StringBuilder(t.find() ? "total " + Long.parseLong(t.group(1)) / 1024 : "total ?");
            for (var part : parts) {
                if (part.getValue() >= 1024) {
                    line.append(", ").append(part.getKey()).append(' ').append(part.getValue() / 1024);
                }
            }
            return line + " (" + file + ")";
        } catch (IOException e) {
            return "unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * CPU time (user + system) a process has used so far, in ms, from /proc/PID/stat (Linux; clock ticks assumed
     * 100 per second, the Linux default), or -1. Robust against other load on the machine, unlike req/s.
     */
    static double cpuMillis(Process process) {
        return process == null ? -1 : cpuMillis(process.pid());
    }

    /** The same for a process id. */
    static double cpuMillis(long pid) {
        try {
            return cpuMillisOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a /proc stat line (a process's or a thread's), in ms. */
    private static double cpuMillisOf(String stat) {
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, utime field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    /**
     * CPU time (user + system) the threads of a process whose name (Linux keeps 15 characters of it) starts with
     * {@code prefix} have used so far, in ms, from /proc/PID/task/TID/stat; -1 when it cannot be read. A thread that
     * ended is no longer counted, so this is for long-lived threads (the service's {@code pin-check-N}).
     */
    static double threadsCpuMillis(long pid, String prefix) {
        if (pid < 0) {
            return -1;
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            double sum = 0;
            for (var task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith(prefix)) {
                    sum += cpuMillisOf(stat);
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a command to the end; its exit code, output captured in the log. */
    static int run(List<String> command, Path dir, Path log) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    static boolean onPath(String tool) {
        var path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (var dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
