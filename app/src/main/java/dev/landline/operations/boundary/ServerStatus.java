package dev.landline.operations.boundary;

import java.time.Instant;

/**
 * What an administrator should know about this node at a glance, for the admin pages: {@code webhooks} is
 * {@code signed}, {@code unsigned-allowed} (anyone can drive calls) or {@code refusing-no-secret} (every call is
 * refused), {@code webhooksAuthenticated} true only when signed; the clock; the database.
 */
public record ServerStatus(String webhooks, boolean webhooksAuthenticated, ClockStatus clock, DatabaseStatus database) {

    /**
     * How far this node's clock is from the voice provider's: {@code offsetSeconds} positive when ours is ahead, null
     * until enough signed webhooks came in ({@code samples}); {@code warning} beyond 5 s, {@code tooFar} beyond
     * {@code maxOffsetSeconds} (the node is then not ready); {@code held} when that is the last estimate before the
     * node stopped getting webhooks (cleared with {@code DELETE /api/status/clock} once the clock is fixed).
     */
    public record ClockStatus(Double offsetSeconds, int samples, boolean warning, boolean tooFar,
            long maxOffsetSeconds, String description, boolean held) {
    }

    /** Whether this node knows its database to be out of reach (webhooks then apologise at once), and since when. */
    public record DatabaseStatus(boolean unreachable, Instant unreachableSince) {
    }
}
