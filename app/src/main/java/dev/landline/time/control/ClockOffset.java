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
 * <p>
 * An estimate beyond the limit is <em>held</em> when its samples expire: a node that is not ready gets no webhooks,
 * so no new samples would come, and forgetting the old ones would make it ready again with its clock still wrong.
 * It is replaced only by a newer estimate from {@value #MIN_SAMPLES} fresh samples, or dropped by an administrator
 * who has fixed the clock ({@link #forget()}; admin page and {@code DELETE /api/status/clock}), after which the next
 * signed webhooks measure it again. Browser phone tokens are ours and never count as samples.
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
    /** The last estimate from enough samples, while it was beyond the limit; null otherwise. */
    private Estimate held;

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

    /**
     * The current estimate, from the samples of the past hour; without enough of them, the last one that was beyond
     * the limit (held) if there was one.
     */
    public synchronized Estimate estimate() {
        var oldest = nanoTime.getAsLong() - SAMPLE_LIFETIME.toNanos();
        samples.removeIf(sample -> sample.takenNanos() - oldest < 0);
        var offsets = samples.stream().mapToLong(Sample::offsetMillis).sorted().toArray();
        if (offsets.length < MIN_SAMPLES) {
            return held != null ? held : new Estimate(Optional.empty(), offsets.length, maxOffsetSeconds, false);
        }
        var estimate = new Estimate(Optional.of(Duration.ofMillis(median(offsets))), offsets.length,
                maxOffsetSeconds, false);
        held = estimate.beyondLimit() ? new Estimate(estimate.offset(), estimate.samples(), maxOffsetSeconds, true)
                : null;
        return estimate;
    }

    /**
     * An administrator fixed this server's clock: forget every sample and the held estimate, so that the node is
     * ready again and the next {@value #MIN_SAMPLES} signed webhooks measure the clock afresh.
     */
    public void forget() {
        Estimate before;
        synchronized (this) {
            before = estimate();
            samples.clear();
            held = null;
            warned = false;
        }
        LOG.info("Clock estimate forgotten by an administrator (it was " + before.describe() + "); the next signed"
                + " webhooks measure it again");
    }

    private static long median(long[] sorted) {
        var middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : Math.floorDiv(sorted[middle - 1] + sorted[middle], 2);
    }

    /**
     * How far our clock is ahead of the provider's (negative: behind), if enough signed webhooks came in lately; how
     * many samples it rests on; the limit beyond which codes would be read wrong; whether it is a held estimate
     * beyond the limit whose samples have expired (no signed webhook since: the node is out of rotation).
     */
    public record Estimate(Optional<Duration> offset, int samples, long maxOffsetSeconds, boolean held) {

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
                    + " of " + samples + " signed webhooks" + (held ? ", held: none came in since, as this node is"
                    + " not ready; once its clock is fixed, an administrator clears it on the admin page" : "")
                    + ")";
        }
    }
}
