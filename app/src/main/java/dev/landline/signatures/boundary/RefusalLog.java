package dev.landline.signatures.boundary;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of refused webhooks, which anyone can cause at request rate: for each kind of refusal (a fixed set, never
 * anything the request chose) the first line is written at once, then at most one line per {@link #INTERVAL}, which
 * says how many more of that kind were refused since the line before. Thread-safe.
 */
final class RefusalLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    /** Monotonic nanoseconds (settable by tests). */
    LongSupplier nanoTime = System::nanoTime;

    private static final class Window {
        final long startedNanos;
        long unlogged;

        Window(long startedNanos) {
            this.startedNanos = startedNanos;
        }
    }

    private final Map<String, Window> windows = new HashMap<>();

    RefusalLog(Logger log) {
        this.log = log;
    }

    /** One refusal of this kind; {@code line} (reason and path only) is built only when it is written. */
    void refused(String kind, Supplier<String> line) {
        if (!log.isLoggable(Level.INFO)) {
            return;
        }
        long unloggedBefore;
        synchronized (windows) {
            var now = nanoTime.getAsLong();
            var window = windows.get(kind);
            if (window != null && now - window.startedNanos < INTERVAL.toNanos()) {
                window.unlogged++;
                return;
            }
            unloggedBefore = window == null ? 0 : window.unlogged;
            windows.put(kind, new Window(now));
        }
        log.info(unloggedBefore == 0 ? line.get() : line.get() + "; " + unloggedBefore + " more refused for this"
                + " reason since the line before, not logged (at most one line a minute per reason)");
    }
}
