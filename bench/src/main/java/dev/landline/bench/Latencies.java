package dev.landline.bench;

import java.util.Arrays;
import java.util.Locale;

/** Response times of one kind of request, in microseconds; appended by one thread, merged afterwards. */
final class Latencies {

    private long[] micros = new long[4096];
    private int size;
    private long errors;

    void add(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    void error() {
        errors++;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.micros[i] * 1_000);
        }
        errors += other.errors;
    }

    int count() {
        return size;
    }

    long errors() {
        return errors;
    }

    /** The q-quantile (nearest rank) in milliseconds; NaN when empty. */
    double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        var sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }
}
