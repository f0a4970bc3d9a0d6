package dev.landline.guard.control;

import java.time.OffsetDateTime;

/**
 * A caller's PIN lockout as the ledger sees it now.
 *
 * @param consecutiveFailures wrong PINs since the last right one (or unlock)
 * @param locked              locked by either rule, until an administrator unlocks
 * @param windowFailures      wrong PINs (checked, not still being checked) within the long window, right PINs in
 *                            between or not
 * @param windowLocked        locked because the window reached its threshold
 * @param untoldFailures      wrong PINs the caller has not been told about yet: what they hear at their next right
 *                            PIN, less the slips of that same call
 */
public record LockState(long callerId, int consecutiveFailures, boolean locked, OffsetDateTime lastFailureAt,
        int windowFailures, boolean windowLocked, int untoldFailures) {
}
