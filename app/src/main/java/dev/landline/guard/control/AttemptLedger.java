package dev.landline.guard.control;

import dev.landline.accounts.control.CallerRegistered;
import dev.landline.guard.entity.PinFailure;
import dev.landline.guard.entity.PinGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The persisted record of each caller's PIN failures: the consecutive count on the caller's {@code pin_guard} row,
 * and one {@code pin_failure} row per wrong PIN for the long window, which a success does not clear. Each charge
 * is its own short transaction over the caller's locked {@code pin_guard} row, so it holds across calls, server
 * nodes and restarts, and parallel attempts are counted one after another, never lost.
 * <p>
 * A charged attempt's row is pending until its PIN has been checked. Pending rows hold back further attempts (so
 * parallel attempts never evaluate more PINs than the window allows), but only evaluated wrong PINs lock the caller
 * for good and only they are shown and told: a right PIN still being checked never locks its owner.
 */
@ApplicationScoped
public class AttemptLedger {

    /**
     * A charged attempt: what the rule decided and, when the PIN may be evaluated, the pending failure row written
     * for it (marked evaluated if the PIN is wrong, deleted if it is right).
     */
    public record Charge(LockoutRule.Decision decision, Long failureId) {
    }

    /** The caller's charged attempts in the window: wrong PINs (evaluated) and attempts still being checked. */
    record Window(int wrong, int pending) {

        int charged() {
            return wrong + pending;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    LockoutRule rule;

    @Inject
    Clock clock;

    /**
     * Charges one attempt as a failure before it is evaluated, unless the caller is delayed or locked: the
     * consecutive count goes up and a pending failure row is written for the long window. While the window's wrong
     * and pending attempts reach the threshold, further attempts are refused; the caller is locked for good only
     * by {@link #failed}, when the wrong PINs alone reach it.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Charge charge(long callerId, String callUuid) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return new Charge(LockoutRule.Decision.LOCKED, null);
        }
        var now = clock.instant();
        var decision = rule.decide(guard.failures(), instant(guard.lastFailureAt()), window(callerId, now).charged(),
                guard.windowLockedAt() != null, now);
        if (decision != LockoutRule.Decision.ALLOWED) {
            return new Charge(decision, null);
        }
        guard.charge(utc(now));
        var failure = new PinFailure(callerId, callUuid, utc(now));
        em.persist(failure);
        em.flush();
        return new Charge(decision, failure.id());
    }

    /**
     * The charged attempt was right: its pending row goes, the count of consecutive failures starts again, the
     * call's own earlier slips count as told, and what neither the window nor a notice needs any more is deleted.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(long callerId, Long failureId, String callUuid) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return;
        }
        guard.reset();
        if (failureId != null) {
            em.createNamedQuery(PinFailure.DISCARD).setParameter("id", failureId).executeUpdate();
        }
        if (callUuid != null) {
            em.createNamedQuery(PinFailure.TELL_OF_CALL).setParameter("caller", callerId)
                    .setParameter("call", callUuid).executeUpdate();
        }
        em.createNamedQuery(PinFailure.PRUNE).setParameter("caller", callerId)
                .setParameter("after", utc(rule.windowStart(clock.instant()))).executeUpdate();
    }

    /**
     * The charged attempt was wrong: its row counts as a wrong PIN from now on, and if the window's wrong PINs now
     * reach the threshold, the caller stays locked until an administrator unlocks.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(long callerId, Long failureId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return;
        }
        if (failureId != null) {
            em.createNamedQuery(PinFailure.EVALUATED).setParameter("id", failureId).executeUpdate();
        }
        var now = clock.instant();
        if (rule.windowLocks(window(callerId, now).wrong())) {
            guard.lockForTheWindow(utc(now));
        }
    }

    /**
     * After a right PIN, in the transaction of the step that answers it: how many wrong PINs the caller has not
     * been told about yet ({@link PinFailure#UNTOLD}, the figure the admin pages show; the call's own slips were
     * counted as told by {@link #succeeded}). They count as told from now on, so each is told once.
     */
    @Transactional
    public int tell(long callerId) {
        return em.createNamedQuery(PinFailure.TELL).setParameter("caller", callerId).executeUpdate();
    }

    /**
     * An administrator lifts both locks (and any delay): the consecutive count starts again, and the caller's wrong
     * PINs so far no longer count towards the window (they are still told at the next right PIN). False when the
     * caller does not exist.
     */
    @Transactional
    public boolean unlock(long callerId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return false;
        }
        guard.unlock();
        em.createNamedQuery(PinFailure.FORGIVE).setParameter("caller", callerId).executeUpdate();
        return true;
    }

    /** One page of the locked callers, in caller id order: at most {@code size} after the first {@code first}. */
    @Transactional
    public List<LockState> locked(int first, int size) {
        return em.createNamedQuery(PinGuard.AT_LEAST, PinGuard.class)
                .setParameter("failures", rule.lockThreshold()).setFirstResult(first).setMaxResults(size)
                .getResultList().stream().map(this::state).toList();
    }

    @Transactional
    public Optional<LockState> of(long callerId) {
        return Optional.ofNullable(em.find(PinGuard.class, callerId)).map(this::state);
    }

    /** Every new caller gets a ledger row in the same transaction, so charging never has to create one. */
    void open(@Observes CallerRegistered registered) {
        em.persist(new PinGuard(registered.callerId()));
    }

    private LockState state(PinGuard guard) {
        int wrong = window(guard.callerId(), clock.instant()).wrong();
        int untold = ((Number) em.createNamedQuery(PinFailure.UNTOLD).setParameter("caller", guard.callerId())
                .getSingleResult()).intValue();
        boolean windowLocked = guard.windowLockedAt() != null || rule.windowLocks(wrong);
        return new LockState(guard.callerId(), guard.failures(), rule.locked(guard.failures()) || windowLocked,
                guard.lastFailureAt(), wrong, windowLocked, untold);
    }

    private Window window(long callerId, Instant now) {
        int wrong = 0;
        int pending = 0;
        for (var row : em.createNamedQuery(PinFailure.IN_WINDOW, Object[].class).setParameter("caller", callerId)
                .setParameter("after", utc(rule.windowStart(now))).getResultList()) {
            int count = ((Number) row[1]).intValue();
            if (Boolean.TRUE.equals(row[0])) {
                wrong = count;
            } else {
                pending = count;
            }
        }
        return new Window(wrong, pending);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
