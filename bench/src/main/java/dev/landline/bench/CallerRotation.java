package dev.landline.bench;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Hands out the enrolled callers in turn, the way real people call: no number calls more often than the service's
 * cap of calls per calling number (6 a minute by default), so the benchmark never trips the cap it measures. When
 * every caller has used up their minute (a small data set on a fast machine), the next call waits for one.
 */
final class CallerRotation {

    /** A little more than the service's minute, for the time between picking a caller and the server counting. */
    private static final long WINDOW_NANOS = 62_000_000_000L;

    private final List<DataSet.Caller> callers;
    private final int perMinute;
    private final ArrayDeque<Long>[] recent;
    private int next;

    @SuppressWarnings("unchecked")
    CallerRotation(List<DataSet.Caller> callers, int perMinute) {
        if (callers.isEmpty() || perMinute < 1) {
            throw new IllegalArgumentException("no callers, or a cap below 1");
        }
        this.callers = callers;
        this.perMinute = perMinute;
        this.recent = new ArrayDeque[callers.size()];
        for (int i = 0; i < recent.length; i++) {
            recent[i] = new ArrayDeque<>();
        }
    }

    synchronized DataSet.Caller next() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            for (int k = 0; k < callers.size(); k++) {
                int i = (next + k) % callers.size();
                var calls = recent[i];
                while (!calls.isEmpty() && now - calls.peekFirst() >= WINDOW_NANOS) {
                    calls.pollFirst();
                }
                if (calls.size() < perMinute) {
                    calls.addLast(now);
                    next = i + 1;
                    return callers.get(i);
                }
            }
            wait(20);
        }
    }
}
