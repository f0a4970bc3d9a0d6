package dev.landline.guard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
        var keys = new ArrayList<String>(2);
        var caps = new ArrayList<Integer>(2);
        if (from != null) {
            keys.add("from:" + from);
            caps.add(perCallingNumber);
        }
        if (to != null) {
            keys.add("to:" + to);
            caps.add(perCalledNumber);
        }
        if (keys.isEmpty()) {
            return true;
        }
        var hits = hit(window, keys.toArray(String[]::new));
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] > caps.get(i)) {
                return false;
            }
        }
        return true;
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
