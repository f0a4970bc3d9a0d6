package dev.landline.guard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a caller may try a PIN. The first {@code freeAttempts} consecutive failures cost nothing; from then on
 * each failure makes the next attempt wait, doubling from {@code firstDelay}; at {@code lockThreshold} failures
 * the caller is locked until an administrator unlocks them. A success resets those consecutive failures, but not
 * the long window: at {@code windowThreshold} wrong PINs within the last {@code windowDays} days, successes in
 * between or not, the caller is locked too. Time alone never lifts either lock.
 */
@ApplicationScoped
public class LockoutRule {

    public enum Decision {
        ALLOWED, DELAYED, LOCKED
    }

    @Inject
    @ConfigProperty(name = "landline.guard.free-attempts", defaultValue = "3")
    int freeAttempts;

    @Inject
    @ConfigProperty(name = "landline.guard.first-delay-seconds", defaultValue = "30")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "landline.guard.lock-threshold", defaultValue = "10")
    int lockThreshold;

    @Inject
    @ConfigProperty(name = "landline.guard.long-window-days", defaultValue = "30")
    int windowDays;

    @Inject
    @ConfigProperty(name = "landline.guard.long-window-threshold", defaultValue = "20")
    int windowThreshold;

    protected LockoutRule() {
    }

    public LockoutRule(int freeAttempts, Duration firstDelay, int lockThreshold) {
        this(freeAttempts, firstDelay, lockThreshold, 30, 20);
    }

    public LockoutRule(int freeAttempts, Duration firstDelay, int lockThreshold, int windowDays,
            int windowThreshold) {
        this.freeAttempts = freeAttempts;
        this.firstDelaySeconds = firstDelay.toSeconds();
        this.lockThreshold = lockThreshold;
        this.windowDays = windowDays;
        this.windowThreshold = windowThreshold;
    }

    /** Without the long window: only the consecutive failures. */
    public Decision decide(int failures, Instant lastFailure, Instant now) {
        return decide(failures, lastFailure, 0, false, now);
    }

    /**
     * @param failures       consecutive failures (a success reset them)
     * @param windowFailures wrong PINs counted in the window ending now ({@link #windowStart}), successes or not
     * @param windowLocked   the window reached the threshold before and no administrator has unlocked since
     */
    public Decision decide(int failures, Instant lastFailure, int windowFailures, boolean windowLocked, Instant now) {
        if (locked(failures) || windowLocked || windowLocks(windowFailures)) {
            return Decision.LOCKED;
        }
        if (lastFailure != null && now.isBefore(lastFailure.plus(delayAfter(failures)))) {
            return Decision.DELAYED;
        }
        return Decision.ALLOWED;
    }

    public boolean locked(int failures) {
        return failures >= lockThreshold();
    }

    /** How long after the last failure the next attempt must wait, given the consecutive failures so far. */
    public Duration delayAfter(int failures) {
        if (failures < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeAttempts, 20);
        return Duration.ofSeconds(firstDelaySeconds).multipliedBy(1L << doublings);
    }

    /** Whether this many wrong PINs within the window lock the caller. */
    public boolean windowLocks(int windowFailures) {
        return windowFailures >= windowThreshold();
    }

    /** Wrong PINs strictly after this instant are in the window that ends now. */
    public Instant windowStart(Instant now) {
        return now.minus(window());
    }

    public Duration window() {
        return Duration.ofDays(Math.max(1, windowDays));
    }

    public int windowThreshold() {
        return Math.max(1, windowThreshold);
    }

    public int lockThreshold() {
        return Math.max(1, lockThreshold);
    }
}
