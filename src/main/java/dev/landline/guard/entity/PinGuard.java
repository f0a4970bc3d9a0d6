package dev.landline.guard.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A caller's consecutive PIN failures. Every evaluated attempt is charged here first; a success resets it. */
@Entity
@Table(name = "pin_guard")
@NamedQuery(name = PinGuard.AT_LEAST, query = "select g from PinGuard g where g.failures >= :failures order by g.callerId")
public class PinGuard {

    public static final String AT_LEAST = "PinGuard.atLeast";

    @Id
    @Column(name = "caller_id")
    private Long callerId;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure_at")
    private OffsetDateTime lastFailureAt;

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

    public void reset() {
        failures = 0;
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
