package dev.landline.audit.control;

import dev.landline.audit.entity.AuditEvent;
import dev.landline.audit.entity.AuditEvent.Kind;
import dev.landline.calls.control.CallAnswered;
import dev.landline.calls.control.CodeRead;
import dev.landline.calls.control.WrongPinsTold;
import dev.landline.guard.control.PinDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * Writes the audit trail from the events the other components fire, in the transaction they fire it in (or its
 * own), and answers queries by caller and time range. Also logs each decision in one line without secrets.
 */
@ApplicationScoped
@Transactional
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    void call(@Observes CallAnswered event) {
        record(Kind.CALL, event.outcome().name(), event.callUuid(), event.callerId(), null, null);
    }

    void pin(@Observes PinDecided event) {
        record(Kind.PIN, event.outcome().name(), event.callUuid(), event.callerId(), null, null);
    }

    void wrongPinsTold(@Observes WrongPinsTold event) {
        record(Kind.CALL, "TOLD_WRONG_PINS", event.callUuid(), event.callerId(), null, null,
                String.valueOf(event.count()));
    }

    void codeRead(@Observes CodeRead event) {
        record(Kind.CODE_READ, "READ", event.callUuid(), event.callerId(), event.accountId(), null);
    }

    void admin(@Observes AdminChanged event) {
        record(Kind.ADMIN, event.action(), null, event.callerId(), event.accountId(), event.actor());
    }

    /** Newest first; {@code callerId}, {@code from} and {@code to} may be null. */
    public List<AuditEvent> find(Long callerId, Instant from, Instant to, int page, int size) {
        var query = em.createQuery("select e from AuditEvent e where e.occurredAt >= :from and e.occurredAt < :to"
                + (callerId == null ? "" : " and e.callerId = :caller")
                + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        if (callerId != null) {
            query.setParameter("caller", callerId);
        }
        return query.setParameter("from", utc(from == null ? Instant.EPOCH : from))
                .setParameter("to", utc(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to))
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    /** A caller's most recent PIN attempts that were not accepted (rejected, delayed, locked), newest first. */
    public List<AuditEvent> pinFailures(long callerId, int limit) {
        return em.createQuery("select e from AuditEvent e where e.callerId = :caller and e.kind = :kind"
                        + " and e.outcome <> 'ACCEPTED' order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("caller", callerId)
                .setParameter("kind", Kind.PIN)
                .setMaxResults(limit)
                .getResultList();
    }

    private void record(Kind kind, String outcome, String callUuid, Long callerId, Long accountId, String actor) {
        record(kind, outcome, callUuid, callerId, accountId, actor, null);
    }

    private void record(Kind kind, String outcome, String callUuid, Long callerId, Long accountId, String actor,
            String detail) {
        em.persist(new AuditEvent(utc(clock.instant()), kind, outcome, callUuid, callerId, accountId, actor, detail));
        LOG.info(() -> "audit " + kind + " " + outcome + (detail == null ? "" : " " + detail)
                + (callUuid == null ? "" : " call=" + callUuid)
                + (callerId == null ? "" : " caller=" + callerId) + (accountId == null ? "" : " account=" + accountId)
                + (actor == null ? "" : " by=" + actor));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
