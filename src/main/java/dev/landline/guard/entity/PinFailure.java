package dev.landline.guard.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One wrong PIN of a caller, kept for the rolling window (a success does not clear it) and until the caller has
 * been told about it. Written when an attempt is charged, before the PIN is evaluated; deleted again when the PIN
 * was right. Never holds the PIN.
 */
@Entity
@Table(name = "pin_failure")
@NamedQueries({
    @NamedQuery(name = PinFailure.IN_WINDOW, query = "select count(f) from PinFailure f where f.callerId = :caller"
            + " and f.forgiven = false and f.failedAt > :after"),
    @NamedQuery(name = PinFailure.UNTOLD, query = "select f from PinFailure f where f.callerId = :caller"
            + " and f.told = false order by f.id"),
    @NamedQuery(name = PinFailure.PRUNE, query = "delete from PinFailure f where f.callerId = :caller"
            + " and f.told = true and (f.forgiven = true or f.failedAt <= :after)"),
    @NamedQuery(name = PinFailure.FORGIVE, query = "update PinFailure f set f.forgiven = true"
            + " where f.callerId = :caller")
})
public class PinFailure {

    /** Wrong PINs of a caller after an instant that an administrator has not forgiven. */
    public static final String IN_WINDOW = "PinFailure.inWindow";
    /** Wrong PINs the caller has not been told about yet, oldest first. */
    public static final String UNTOLD = "PinFailure.untold";
    /** Deletes what neither the window nor the next notice needs any more. */
    public static final String PRUNE = "PinFailure.prune";
    /** An administrator's unlock: the caller's wrong PINs stop counting towards the window. */
    public static final String FORGIVE = "PinFailure.forgive";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pin_failure_seq")
    @SequenceGenerator(name = "pin_failure_seq", sequenceName = "pin_failure_seq", allocationSize = 1)
    private Long id;

    @Column(name = "caller_id", nullable = false)
    private Long callerId;

    @Column(name = "call_uuid", length = 64)
    private String callUuid;

    @Column(name = "failed_at", nullable = false)
    private OffsetDateTime failedAt;

    @Column(name = "forgiven", nullable = false)
    private boolean forgiven;

    @Column(name = "told", nullable = false)
    private boolean told;

    protected PinFailure() {
    }

    public PinFailure(long callerId, String callUuid, OffsetDateTime failedAt) {
        this.callerId = callerId;
        this.callUuid = callUuid;
        this.failedAt = Objects.requireNonNull(failedAt);
    }

    public Long id() {
        return id;
    }

    public String callUuid() {
        return callUuid;
    }

    public void told() {
        this.told = true;
    }
}
