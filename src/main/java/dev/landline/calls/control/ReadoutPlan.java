package dev.landline.calls.control;

import java.time.Instant;

/**
 * Which TOTP time step to read out at an instant. When fewer than {@code minRemaining} seconds are left in the
 * current step, the caller could not type the code in time, so the next step's code is read instead.
 *
 * @param step            the time step whose code is read
 * @param next            true when that is the next step, not yet valid
 * @param secondsUntilValid 0 for the current step, else the seconds until the next step begins
 * @param secondsValid    seconds from now until the code read stops being valid
 */
public record ReadoutPlan(long step, boolean next, long secondsUntilValid, long secondsValid) {

    public static ReadoutPlan at(Instant now, int period, int minRemaining) {
        long epoch = now.getEpochSecond();
        long step = Math.floorDiv(epoch, period);
        long remaining = period - Math.floorMod(epoch, period);
        if (remaining < minRemaining) {
            return new ReadoutPlan(step + 1, true, remaining, remaining + period);
        }
        return new ReadoutPlan(step, false, 0, remaining);
    }

    /** The instant at the start of the planned step, for the code generator. */
    public Instant stepStart(int period) {
        return Instant.ofEpochSecond(Math.multiplyExact(step, (long) period));
    }
}
