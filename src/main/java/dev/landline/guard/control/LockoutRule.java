package dev.landline.guard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a caller may try a PIN. The first {@code freeAttempts} consecutive failures cost nothing; from then on
 * each failure makes the next attempt wait, doubling from {@code firstDelay}; at {@code lockThreshold} failures
 * the caller is locked until an administrator unlocks them. Time alone never lifts the lock.
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

    protected LockoutRule() {
    }

    public LockoutRule(int freeAttempts, Duration firstDelay, int lockThreshold) {
        this.freeAttempts = freeAttempts;
        this.firstDelaySeconds = firstDelay.toSeconds();
        this.lockThreshold = lockThreshold;
    }

    public Decision decide(int failures, Instant lastFailure, Instant now) {
        if (locked(failures)) {
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

    public int lockThreshold() {
        return Math.max(1, lockThreshold);
    }
}
