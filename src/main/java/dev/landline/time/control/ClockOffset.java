package dev.landline.time.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A running estimate of how far our clock is from the voice provider's: each signed webhook it accepted says when
 * the provider sent it, and {@code our time − provider time} is one sample. The estimate is the median of the last
 * {@value #SAMPLES} samples of the past hour, once there are {@value #MIN_SAMPLES}: network delay and whole-second
 * {@code iat}s make every sample up to about a second too high, a retried or queued webhook makes one far too high,
 * and a median shrugs off both where a mean or a minimum would not. Beyond {@link #WARNING} the log says so once
 * (again after it came back); beyond {@value #MAX_OFFSET} the node must not read codes (see the clock readiness).
 */
@ApplicationScoped
public class ClockOffset {

    public static final String MAX_OFFSET = "landline.clock.max-offset-seconds";
    public static final Duration WARNING = Duration.ofSeconds(5);
    static final int SAMPLES = 15;
    static final int MIN_SAMPLES = 3;
    static final Duration SAMPLE_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ClockOffset.class.getName());

    @Inject
    @ConfigProperty(name = MAX_OFFSET, defaultValue = "20")
    long maxOffsetSeconds;

    /** Monotonic nanoseconds, for the samples' age only (a test's settable clock must not age them). */
    LongSupplier nanoTime = System::nanoTime;

    private record Sample(long offsetMillis, long takenNanos) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();
    private boolean warned;

    public ClockOffset() {
    }

    /** For tests and tools: an estimate with this limit. */
    public static ClockOffset withLimit(long maxOffsetSeconds) {
        var offset = new ClockOffset();
        offset.maxOffsetSeconds = maxOffsetSeconds;
        return offset;
    }

    /** One signed webhook: the provider says it sent it at {@code providerTime}; our clock said {@code ourTime}. */
    public void observe(Instant providerTime, Instant ourTime) {
        var sample = new Sample(Duration.between(providerTime, ourTime).toMillis(), nanoTime.getAsLong());
        Estimate estimate;
        synchronized (this) {
            samples.addLast(sample);
            while (samples.size() > SAMPLES) {
                samples.removeFirst();
            }
            estimate = estimate();
            if (estimate.beyondWarning() == warned) {
                return;
            }
            warned = estimate.beyondWarning();
        }
        if (warned) {
            LOG.warning("This server's clock is " + estimate.describe() + ": callers may hear wrong codes. Check its"
                    + " time synchronisation (NTP).");
        } else {
            LOG.info("This server's clock is back within " + WARNING.toSeconds() + " s of the voice provider's ("
                    + estimate.describe() + ")");
        }
    }

    /** The current estimate, from the samples of the past hour. */
    public synchronized Estimate estimate() {
        var oldest = nanoTime.getAsLong() - SAMPLE_LIFETIME.toNanos();
        samples.removeIf(sample -> sample.takenNanos() - oldest < 0);
        var offsets = samples.stream().mapToLong(Sample::offsetMillis).sorted().toArray();
        if (offsets.length < MIN_SAMPLES) {
            return new Estimate(Optional.empty(), offsets.length, maxOffsetSeconds);
        }
        return new Estimate(Optional.of(Duration.ofMillis(median(offsets))), offsets.length, maxOffsetSeconds);
    }

    private static long median(long[] sorted) {
        var middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : Math.floorDiv(sorted[middle - 1] + sorted[middle], 2);
    }

    /**
     * How far our clock is ahead of the provider's (negative: behind), if enough signed webhooks came in lately; how
     * many samples it rests on; the limit beyond which codes would be read wrong.
     */
    public record Estimate(Optional<Duration> offset, int samples, long maxOffsetSeconds) {

        public boolean beyondWarning() {
            return offset.filter(o -> o.abs().compareTo(WARNING) > 0).isPresent();
        }

        public boolean beyondLimit() {
            return offset.filter(o -> o.abs().compareTo(Duration.ofSeconds(maxOffsetSeconds)) > 0).isPresent();
        }

        /** Seconds with one decimal, e.g. 12.3 (ahead) or -4.0 (behind); empty without an estimate. */
        public Optional<Double> seconds() {
            return offset.map(o -> Math.round(o.toMillis() / 100.0) / 10.0);
        }

        /** e.g. "12.3 s ahead of the voice provider's (median of 15 signed webhooks)". */
        public String describe() {
            if (offset.isEmpty()) {
                return "not measured yet (" + samples + " of " + MIN_SAMPLES + " signed webhooks needed)";
            }
            var seconds = seconds().orElseThrow();
            return Math.abs(seconds) + " s " + (seconds < 0 ? "behind" : "ahead of") + " the voice provider's (median"
                    + " of " + samples + " signed webhooks)";
        }
    }
}
