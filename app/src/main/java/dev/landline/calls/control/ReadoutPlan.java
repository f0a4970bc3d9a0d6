package dev.landline.calls.control;

import java.time.Instant;

/**
 * Which TOTP time step to read out at an instant. When fewer than {@code minRemaining} seconds are left in the
 * current step, the caller could not type the code in time, so the next step's code is read instead. Counted
 * in milliseconds; the seconds announced are whole seconds the code is surely valid for.
 *
 * @param step            the time step whose code is read
 * @param next            true when that is the next step, not yet valid
 * @param secondsUntilValid 0 for the current step, else the seconds until the next step begins
 * @param secondsValid    seconds from now until the code read stops being valid
 */
public record ReadoutPlan(long step, boolean next, long secondsUntilValid, long secondsValid) {

    public static ReadoutPlan at(Instant now, int period, int minRemaining) {
        long periodMillis = period * 1000L;
        long epochMillis = now.toEpochMilli();
        long step = Math.floorDiv(epochMillis, periodMillis);
        long remainingMillis = periodMillis - Math.floorMod(epochMillis, periodMillis);
        if (remainingMillis < minRemaining * 1000L) {
            long untilValid = (remainingMillis + 999) / 1000;
            return new ReadoutPlan(step + 1, true, untilValid, (remainingMillis + periodMillis) / 1000);
        }
        return new ReadoutPlan(step, false, 0, remainingMillis / 1000);
    }

    /** The instant at the start of the planned step, for the code generator. */
    public Instant stepStart(int period) {
        return Instant.ofEpochSecond(Math.multiplyExact(step, (long) period));
    }
}
