package dev.landline.guard.control;

import dev.landline.accounts.control.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps calls per minute per calling number and per called number. Over the cap the caller hears "try again
 * later" (an HTTP 429 would make Vonage retry). A number is counted as parsed ({@link PhoneNumbers#parse}), not
 * as sent: "+44 7700 900123", "+44 (0)7700 900123", "447700900123" and "0044 7700 900123" are one number. A call without a usable calling number (none, empty,
 * "unknown", "withheld", letters, a national number starting with 0) is counted in one shared "withheld" bucket
 * with a cap of its own, so leaving out or mangling {@code from} never escapes the caps; a called number that
 * cannot be parsed is counted in one shared "unknown" bucket under the per-called-number cap.
 */
@ApplicationScoped
public class CallThrottle {

    static final String WITHHELD = "from:withheld";
    static final String UNKNOWN_CALLED = "to:unknown";

    @Inject
    RateBuckets buckets;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "landline.guard.calls-per-minute-per-calling-number", defaultValue = "6")
    int perCallingNumber;

    @Inject
    @ConfigProperty(name = "landline.guard.calls-per-minute-per-called-number", defaultValue = "120")
    int perCalledNumber;

    @Inject
    @ConfigProperty(name = "landline.guard.calls-per-minute-withheld", defaultValue = "10")
    int withheld;

    protected CallThrottle() {
    }

    CallThrottle(RateBuckets buckets, Clock clock, int perCallingNumber, int perCalledNumber, int withheld) {
        this.buckets = buckets;
        this.clock = clock;
        this.perCallingNumber = perCallingNumber;
        this.perCalledNumber = perCalledNumber;
        this.withheld = withheld;
    }

    /** Counts this call and says whether it is within both caps. Numbers are as the provider sent them, or null. */
    public boolean admit(String from, String to) {
        var window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        var calling = number(from);
        var hits = hit(window, calling.map(n -> "from:" + n).orElse(WITHHELD),
                number(to).map(n -> "to:" + n).orElse(UNKNOWN_CALLED));
        return hits[0] <= (calling.isPresent() ? perCallingNumber : withheld) && hits[1] <= perCalledNumber;
    }

    /**
     * The number as international digits, the way Vonage sends it (no "+"); empty when there is none. A leading 0
     * is no country code (E.164), so such a number is no usable identity either.
     */
    static Optional<String> number(String raw) {
        return PhoneNumbers.parse(raw).filter(digits -> digits.charAt(0) != '0');
    }

    private int[] hit(java.time.Instant window, String... keys) {
        try {
            return buckets.hit(window, keys);
        } catch (RuntimeException e) {
            // two first calls raced to create a row: the other one made it (ours rolled back whole), so count again
            return buckets.hit(window, keys);
        }
    }
}
