package dev.landline.guard.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A caller's consecutive PIN failures (every evaluated attempt is charged here first; a success resets them), and
 * whether the long window of wrong PINs ({@link PinFailure}) has locked the caller until an administrator unlocks.
 * Its row lock serialises everything that charges, clears or counts the caller's attempts.
 */
@Entity
@Table(name = "pin_guard")
@NamedQuery(name = PinGuard.AT_LEAST, query = "select g from PinGuard g where g.failures >= :failures"
        + " or g.windowLockedAt is not null order by g.callerId")
public class PinGuard {

    public static final String AT_LEAST = "PinGuard.atLeast";

    @Id
    @Column(name = "caller_id")
    private Long callerId;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure_at")
    private OffsetDateTime lastFailureAt;

    @Column(name = "window_locked_at")
    private OffsetDateTime windowLockedAt;

    @Version
    private long version;

    protected PinGuard() {
    }

    public PinGuard(Long callerId) {
        this.callerId = callerId;
    }

    /** Counts an attempt as failed before it is evaluated. */
    public void charge(OffsetDateTime now) {
        failures++;
        lastFailureAt = now;
    }

    /** A right PIN: the consecutive failures start again (the long window does not). */
    public void reset() {
        failures = 0;
    }

    /** The long window holds the threshold: locked until an administrator unlocks, whatever time does. */
    public void lockForTheWindow(OffsetDateTime now) {
        if (windowLockedAt == null) {
            windowLockedAt = now;
        }
    }

    /** An administrator lifts both locks (and any delay). */
    public void unlock() {
        failures = 0;
        windowLockedAt = null;
    }

    public OffsetDateTime windowLockedAt() {
        return windowLockedAt;
    }

    public Long callerId() {
        return callerId;
    }

    public int failures() {
        return failures;
    }

    public OffsetDateTime lastFailureAt() {
        return lastFailureAt;
    }
}
