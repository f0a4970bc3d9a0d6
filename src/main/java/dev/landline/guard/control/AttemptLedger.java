package dev.landline.guard.control;

import dev.landline.accounts.control.CallerRegistered;
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
 * The persisted count of each caller's consecutive PIN failures. Each charge is its own short transaction over
 * the caller's locked {@code pin_guard} row, so it holds across calls, server nodes and restarts, and parallel
 * attempts are counted one after another, never lost.
 */
@ApplicationScoped
public class AttemptLedger {

    @PersistenceContext
    EntityManager em;

    @Inject
    LockoutRule rule;

    @Inject
    Clock clock;

    /** Charges one attempt as a failure before it is evaluated, unless the caller is delayed or locked. */
    @Transactional(TxType.REQUIRES_NEW)
    public LockoutRule.Decision charge(long callerId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return LockoutRule.Decision.LOCKED;
        }
        var now = clock.instant();
        var decision = rule.decide(guard.failures(), instant(guard.lastFailureAt()), now);
        if (decision == LockoutRule.Decision.ALLOWED) {
            guard.charge(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        return decision;
    }

    /** The charged attempt was right: the count of consecutive failures starts again. */
    @Transactional(TxType.REQUIRES_NEW)
    public void succeeded(long callerId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard != null) {
            guard.reset();
        }
    }

    /** An administrator lifts a lock (or a delay). False when the caller does not exist. */
    @Transactional
    public boolean unlock(long callerId) {
        var guard = em.find(PinGuard.class, callerId, LockModeType.PESSIMISTIC_WRITE);
        if (guard == null) {
            return false;
        }
        guard.reset();
        return true;
    }

    @Transactional
    public List<PinGuard> locked() {
        return em.createNamedQuery(PinGuard.AT_LEAST, PinGuard.class)
                .setParameter("failures", rule.lockThreshold()).getResultList();
    }

    @Transactional
    public Optional<PinGuard> of(long callerId) {
        return Optional.ofNullable(em.find(PinGuard.class, callerId));
    }

    /** Every new caller gets a ledger row in the same transaction, so charging never has to create one. */
    void open(@Observes CallerRegistered registered) {
        em.persist(new PinGuard(registered.callerId()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
