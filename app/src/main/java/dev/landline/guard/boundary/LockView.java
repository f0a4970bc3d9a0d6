package dev.landline.guard.boundary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A caller's PIN lockout state.
 *
 * @param windowFailures         wrong PINs in the last {@code windowDays} days (right PINs do not clear them); the
 *                               caller is locked at {@code windowThreshold}
 * @param wrongPinsSinceLastCall wrong PINs (checked) the caller has not been told about yet: the figure their next
 *                               right PIN hears first, less the slips of that same call
 */
public record LockView(long callerId, String name, String accountNumber, int consecutiveFailures,
        @Schema(description = "locked by either rule until an administrator unlocks") boolean locked,
        OffsetDateTime lastFailureAt,
        @Schema(description = "wrong PINs in the last windowDays days; right PINs do not clear them")
        int windowFailures,
        int windowDays, @Schema(description = "windowFailures that lock the caller") int windowThreshold,
        boolean windowLocked,
        @Schema(description = "wrong PINs not yet told: what the caller hears at their next right PIN")
        int wrongPinsSinceLastCall) {
}
