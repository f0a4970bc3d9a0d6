package dev.landline.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One line of the audit trail. Append-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    /** What happened. */
    public enum Kind {
        CALL, PIN, CODE_READ, ADMIN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 1)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private Kind kind;

    @Column(name = "outcome", nullable = false, length = 32)
    private String outcome;

    @Column(name = "call_uuid", length = 64)
    private String callUuid;

    @Column(name = "caller_id")
    private Long callerId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "actor", length = 100)
    private String actor;

    @Column(name = "detail", length = 200)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(OffsetDateTime occurredAt, Kind kind, String outcome, String callUuid, Long callerId,
            Long accountId, String actor, String detail) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.kind = Objects.requireNonNull(kind);
        this.outcome = Objects.requireNonNull(outcome);
        this.callUuid = callUuid;
        this.callerId = callerId;
        this.accountId = accountId;
        this.actor = actor;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public Kind kind() {
        return kind;
    }

    public String outcome() {
        return outcome;
    }

    public String callUuid() {
        return callUuid;
    }

    public Long callerId() {
        return callerId;
    }

    public Long accountId() {
        return accountId;
    }

    public String actor() {
        return actor;
    }

    public String detail() {
        return detail;
    }
}
