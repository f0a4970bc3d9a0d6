package dev.landline.admin.boundary;

import java.time.OffsetDateTime;

/** A caller's PIN lockout state. */
public record LockView(long callerId, String name, String accountNumber, int consecutiveFailures, boolean locked,
        OffsetDateTime lastFailureAt) {
}
