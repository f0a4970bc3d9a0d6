package dev.landline.audit.boundary;

import dev.landline.audit.entity.AuditEvent;
import java.time.OffsetDateTime;

/** One audit event as the admin API shows it. */
public record AuditEntryView(long id, OffsetDateTime at, String kind, String outcome, String callUuid,
        Long callerId, Long accountId, String actor, String detail) {

    public static AuditEntryView of(AuditEvent e) {
        return new AuditEntryView(e.id(), e.occurredAt(), e.kind().name(), e.outcome(), e.callUuid(), e.callerId(),
                e.accountId(), e.actor(), e.detail());
    }
}
