package dev.landline.guard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps calls per minute per calling number and per called number. Over the cap the caller hears "try again
 * later" (an HTTP 429 would make Vonage retry).
 */
@ApplicationScoped
public class CallThrottle {

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

    /** Counts this call and says whether it is within both caps. Numbers may be null (withheld). */
    public boolean admit(String from, String to) {
        var window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        boolean fromOk = from == null || hit("from:" + from, window) <= perCallingNumber;
        boolean toOk = to == null || hit("to:" + to, window) <= perCalledNumber;
        return fromOk && toOk;
    }

    private int hit(String key, java.time.Instant window) {
        try {
            return buckets.hit(key, window);
        } catch (RuntimeException e) {
            // two first calls raced to create the row: the other one made it, so count again
            return buckets.hit(key, window);
        }
    }
}
