package dev.landline.calls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A call status the provider reported (started, ringing, answered, completed, …). Append-only. */
@Entity
@Table(name = "call_event")
@NamedQuery(name = CallEvent.OF_CALL, query = "select e from CallEvent e where e.callUuid = :uuid order by e.id")
public class CallEvent {

    public static final String OF_CALL = "CallEvent.ofCall";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_event_seq")
    @SequenceGenerator(name = "call_event_seq", sequenceName = "call_event_seq", allocationSize = 1)
    private Long id;

    @Column(name = "call_uuid", nullable = false, length = 64)
    private String callUuid;

    @Column(name = "status", nullable = false, length = 32)
    private String status;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    protected CallEvent() {
    }

    public CallEvent(String callUuid, String status, OffsetDateTime receivedAt) {
        this.callUuid = Objects.requireNonNull(callUuid);
        this.status = Objects.requireNonNull(status);
        this.receivedAt = Objects.requireNonNull(receivedAt);
    }

    public String status() {
        return status;
    }
}
