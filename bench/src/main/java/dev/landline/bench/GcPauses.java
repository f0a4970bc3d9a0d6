package dev.landline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The service's garbage-collector pauses inside a measured window, read from its unified GC log
 * ({@code -Xlog:gc:file=…:uptime}, which the driver adds): a stop-the-world pause holds every webhook in flight, so it
 * shows in the p99s.
 */
record GcPauses(int young, int full, double totalMillis, double longestMillis) {

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([0-9.]+)s\\].*Pause (Young|Full|Remark|Cleanup|Mixed)?.* ([0-9.]+)ms$");

    /** {@code option} for the service's JVM. */
    static String logOption(Path file) {
        return "-Xlog:gc:file=" + file + ":uptime";
    }

    /** Pauses that started between {@code from} and {@code to}, in seconds of the service's uptime. */
    static GcPauses between(Path log, double from, double to) {
        int young = 0;
        int full = 0;
        double total = 0;
        double longest = 0;
        try {
            for (var line : Files.readAllLines(log)) {
                var m = PAUSE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                double at = Double.parseDouble(m.group(1));
                if (at < from || at > to) {
                    continue;
                }
                double ms = Double.parseDouble(m.group(3));
                if (line.contains("Pause Full")) {
                    full++;
                } else {
                    young++;
                }
                total += ms;
                longest = Math.max(longest, ms);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return new GcPauses(young, full, total, longest);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d pauses (%d full), %.0f ms in all, longest %.0f ms", young + full, full,
                totalMillis, longestMillis);
    }
}
