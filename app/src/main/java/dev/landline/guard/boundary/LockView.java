package dev.landline.guard.boundary;

import java.time.OffsetDateTime;

/**
 * A caller's PIN lockout state.
 *
 * @param windowFailures         wrong PINs in the last {@code windowDays} days (right PINs do not clear them); the
 *                               caller is locked at {@code windowThreshold}
 * @param wrongPinsSinceLastCall wrong PINs (checked) the caller has not been told about yet: the figure their next
 *                               right PIN hears first, less the slips of that same call
 */
public record LockView(long callerId, String name, String accountNumber, int consecutiveFailures, boolean locked,
        OffsetDateTime lastFailureAt, int windowFailures, int windowDays, int windowThreshold, boolean windowLocked,
        int wrongPinsSinceLastCall) {
}
