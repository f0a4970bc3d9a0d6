package dev.landline.operations.boundary;

import java.time.Instant;
import java.util.List;

/**
 * What an administrator should know about this node at a glance, for the admin pages: {@code webhooks} is the mode
 * over all voice providers, {@code refusing-no-secret} when every provider refuses (every call is refused), else
 * {@code unsigned-allowed} when any provider takes unsigned webhooks (anyone can drive those calls), else
 * {@code signed}; {@code webhooksAuthenticated} true only when signed; each provider in {@code providers}; the
 * clock; the database.
 */
public record ServerStatus(String webhooks, boolean webhooksAuthenticated, List<ProviderStatus> providers,
        ClockStatus clock, DatabaseStatus database) {

    /**
     * One voice provider: its {@code webhooks} mode ({@code signed}, {@code unsigned-allowed},
     * {@code refusing-no-secret}), what a signed webhook carries ({@code signature}), the setting that holds its
     * secret (never the secret), and the URLs to enter in
     * its console, on {@code landline.public-base-url} when {@code publicBaseUrl} is true, else on the address this
     * status was asked at.
     */
    public record ProviderStatus(String name, String displayName, String webhooks, boolean authenticated,
            String signature, String secretSetting, boolean publicBaseUrl, List<ConsoleUrl> console) {
    }

    /** A field of a provider's console, the full URL to enter in it, the HTTP method to choose there. */
    public record ConsoleUrl(String field, String url, String method) {
    }

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
