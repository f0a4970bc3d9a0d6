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
import java.util.Objects;
import java.util.Optional;

/**
 * The persisted record of each caller's PIN failures: the consecutive count on the caller's {@code pin_guard} row,
 * and one {@code pin_failure} row per wrong PIN for the long window, which a success does not clear. Each charge
 * is its own short transaction over the caller's locked {@code pin_guard} row, so it holds across calls, server
 * nodes and restarts, and parallel attempts are counted one after another, never lost.
 */
@ApplicationScoped
public class AttemptLedger {

    /**
     * A charged attempt: what the rule decided and, when the PIN may be evaluated, the failure row written for it
     * (deleted again if the PIN is right).
     */
    public record Charge(LockoutRule.Decision decision, Long failureId) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    LockoutRule rule;

    @Inject
    Clock clock;

    /**
     * Charges one attempt as a failure before it is evaluated, unless the caller is delayed or locked: the
     * consecutive count goes up and a failure row is written for the long window. Reaching the window's
     * threshold locks the caller for good (until an administrator unlocks).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Charge charge(long callerId, String callUuid) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return new Charge(LockoutRule.Decision.LOCKED, null);
        }
        var now = clock.instant();
        em.createNamedQuery(PinFailure.PRUNE).setParameter("caller", callerId)
                .setParameter("after", utc(rule.windowStart(now))).executeUpdate();
        int inWindow = inWindow(callerId, now);
        var decision = rule.decide(guard.failures(), instant(guard.lastFailureAt()), inWindow,
                guard.windowLockedAt() != null, now);
        if (rule.windowLocks(inWindow)) {
            guard.lockForTheWindow(utc(now));
        }
        if (decision != LockoutRule.Decision.ALLOWED) {
            return new Charge(decision, null);
        }
        guard.charge(utc(now));
        var failure = new PinFailure(callerId, callUuid, utc(now));
        em.persist(failure);
        em.flush();
        return new Charge(decision, failure.id());
    }

    /** The charged attempt was right: its failure row goes, and the count of consecutive failures starts again. */
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(long callerId, Long failureId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard != null) {
            guard.reset();
            var failure = failureId == null ? null : em.find(PinFailure.class, failureId);
            if (failure != null) {
                em.remove(failure);
            }
        }
    }

    /** The charged attempt was wrong: if the window now holds the threshold, the caller stays locked. */
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(long callerId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        var now = clock.instant();
        if (guard != null && rule.windowLocks(inWindow(callerId, now))) {
            guard.lockForTheWindow(utc(now));
        }
    }

    /**
     * After a right PIN, in the transaction of the step that answers it: how many wrong PINs of other calls the
     * caller has not been told about yet. All the caller's untold failures (this call's too) count as told from
     * now on, so each is told once.
     */
    @Transactional
    public int tell(long callerId, String callUuid) {
        em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        var untold = em.createNamedQuery(PinFailure.UNTOLD, PinFailure.class).setParameter("caller", callerId)
                .getResultList();
        untold.forEach(PinFailure::told);
        return (int) untold.stream().filter(failure -> !Objects.equals(failure.callUuid(), callUuid)).count();
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

    @Transactional
    public List<LockState> locked() {
        return em.createNamedQuery(PinGuard.AT_LEAST, PinGuard.class)
                .setParameter("failures", rule.lockThreshold()).getResultList().stream().map(this::state).toList();
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
        var now = clock.instant();
        int inWindow = inWindow(guard.callerId(), now);
        int untold = em.createNamedQuery(PinFailure.UNTOLD, PinFailure.class)
                .setParameter("caller", guard.callerId()).getResultList().size();
        boolean windowLocked = guard.windowLockedAt() != null || rule.windowLocks(inWindow);
        return new LockState(guard.callerId(), guard.failures(), rule.locked(guard.failures()) || windowLocked,
                guard.lastFailureAt(), inWindow, windowLocked, untold);
    }

    private int inWindow(long callerId, Instant now) {
        return ((Number) em.createNamedQuery(PinFailure.IN_WINDOW).setParameter("caller", callerId)
                .setParameter("after", utc(rule.windowStart(now))).getSingleResult()).intValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
