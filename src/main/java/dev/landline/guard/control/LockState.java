package dev.landline.guard.control;

import java.time.OffsetDateTime;

/**
 * A caller's PIN lockout as the ledger sees it now.
 *
 * @param consecutiveFailures wrong PINs since the last right one (or unlock)
 * @param locked              locked by either rule, until an administrator unlocks
 * @param windowFailures      wrong PINs within the long window, right PINs in between or not
 * @param windowLocked        locked because the window reached its threshold
 * @param untoldFailures      wrong PINs the caller has not been told about yet (at their next right PIN)
 */
public record LockState(long callerId, int consecutiveFailures, boolean locked, OffsetDateTime lastFailureAt,
        int windowFailures, boolean windowLocked, int untoldFailures) {
}
