package dev.landline.codes.control;

import java.time.Instant;

/**
 * One TOTP time step: its index T = floor(unixTime / period), the instants it starts (inclusive) and ends
 * (exclusive), and the whole seconds left until it ends, from {@code period} just at the start down to 1.
 */
public record TimeStep(long index, Instant start, Instant end, long secondsRemaining) {
}
