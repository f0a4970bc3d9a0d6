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
 * been told about it. Written pending when an attempt is charged, before the PIN is evaluated; marked evaluated
 * when the PIN was wrong, deleted when it was right. Pending rows only hold back further attempts; the lasting
 * window lock and every figure shown or told count evaluated rows. Never holds the PIN.
 */
@Entity
@Table(name = "pin_failure")
@NamedQueries({
    @NamedQuery(name = PinFailure.IN_WINDOW, query = "select f.evaluated, count(f) from PinFailure f"
            + " where f.callerId = :caller and f.forgiven = false and f.failedAt > :after group by f.evaluated"),
    @NamedQuery(name = PinFailure.UNTOLD, query = "select count(f) from PinFailure f where f.callerId = :caller"
            + " and f.evaluated = true and f.told = false"),
    @NamedQuery(name = PinFailure.TELL, query = "update PinFailure f set f.told = true where f.callerId = :caller"
            + " and f.evaluated = true and f.told = false"),
    @NamedQuery(name = PinFailure.TELL_OF_CALL, query = "update PinFailure f set f.told = true"
            + " where f.callerId = :caller and f.callUuid = :call and f.evaluated = true and f.told = false"),
    @NamedQuery(name = PinFailure.EVALUATED, query = "update PinFailure f set f.evaluated = true"
            + " where f.id = :id"),
    @NamedQuery(name = PinFailure.DISCARD, query = "delete from PinFailure f where f.id = :id"
            + " and f.evaluated = false"),
    @NamedQuery(name = PinFailure.PRUNE, query = "delete from PinFailure f where f.callerId = :caller"
            + " and f.told = true and (f.forgiven = true or f.failedAt <= :after)"),
    @NamedQuery(name = PinFailure.FORGIVE, query = "update PinFailure f set f.forgiven = true"
            + " where f.callerId = :caller")
})
public class PinFailure {

    /**
     * Charged attempts of a caller after an instant that an administrator has not forgiven, counted apart by
     * whether they were evaluated (wrong PINs) or are still pending: rows of (Boolean evaluated, Long count).
     */
    public static final String IN_WINDOW = "PinFailure.inWindow";
    /**
     * How many wrong PINs the caller has not been told about yet: the figure the administrator sees, and the one
     * the caller hears at their next right PIN (less the slips of the call that succeeds, told with it).
     */
    public static final String UNTOLD = "PinFailure.untold";
    /** Counts the caller's untold wrong PINs as told; the number updated is the figure told. */
    public static final String TELL = "PinFailure.tell";
    /** Counts a call's own untold wrong PINs as told (its slips are no news to a caller who then got it right). */
    public static final String TELL_OF_CALL = "PinFailure.tellOfCall";
    /** A pending row's PIN was checked and was wrong. */
    public static final String EVALUATED = "PinFailure.evaluated";
    /** A pending row's PIN was checked and was right: the row goes. */
    public static final String DISCARD = "PinFailure.discard";
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

    @Column(name = "evaluated", nullable = false)
    private boolean evaluated;

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
}
