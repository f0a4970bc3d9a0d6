package dev.landline.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole-call verdicts: a PIN step is "out of reach" only when the hash alone (the floor) already misses the
 * target, and the CPU per call without the PIN check is what the service's own PIN-check threads did not use.
 */
class CallsCostTest {

    private static final double HASH_MS = 130;

    @Test
    void aPinStepAboveTargetIsOutOfReachOnlyWhenTheHashAloneIsAboveItToo() {
        var paced = result(Map.of("3 PIN", millis(140, 300), "4 menu choice", millis(5, 12)), 100);

        var floorAbove = CallsCost.markdown(new Options(), Instant.EPOCH, "1.0", paced, paced, Map.of(), Map.of(),
                HASH_MS, millis(140, 340), 3.3, 4);
        var floorBelow = CallsCost.markdown(new Options(), Instant.EPOCH, "1.0", paced, paced, Map.of(), Map.of(),
                HASH_MS, millis(131, 140), 3.3, 4);

        assertTrue(floorAbove.contains("| 3 PIN | 140.0 | 300.0 | 150 ms (hash + 20) | **not met**: the hash alone has p99"),
                floorAbove);
        assertTrue(floorBelow.contains("| 3 PIN | 140.0 | 300.0 | 150 ms (hash + 20) | **not met** |"), floorBelow);
        assertTrue(floorBelow.contains("| 4 menu choice | 5.00 | 12.0 | 20 ms | **met** |"), floorBelow);
    }

    @Test
    void cpuPerCallWithoutThePinCheckTakesOffWhatTheServicesPinCheckThreadsUsedInTheSameWindow() {
        var calls = result(Map.of("3 PIN", millis(140, 300)), 100);

        var measured = CallsCost.markdown(new Options(), Instant.EPOCH, "1.0", calls, calls,
                Map.of("whole calls", 100 * 160.0, "paced calls", 100 * 170.0),
                Map.of("whole calls", 100 * 145.0, "paced calls", 100 * 150.0), HASH_MS, millis(140, 150), 3.3, 4);
        var unreadable = CallsCost.markdown(new Options(), Instant.EPOCH, "1.0", calls, calls,
                Map.of("whole calls", 100 * 160.0), Map.of(), HASH_MS, millis(140, 150), 3.3, 4);

        assertTrue(measured.contains("**160.0 ms with the PIN check**, **15.0 ms without it** (the PIN-check threads:"
                + " 145.0 ms per call)"), measured);
        assertTrue(measured.contains("170.0 ms per call with the check, **20.0 ms without it**"), measured);
        assertTrue(measured.contains("1.00 hashes per call × 130 ms"), "the driver's hash stays as a cross-check");
        assertTrue(unreadable.contains("without it: not measured"), unreadable);
        assertFalse(unreadable.contains("**160.0 ms without it**"), "an unread figure is not taken as zero");
    }

    /** 100 samples: 98 at p50 and 2 at p99, so the 99th percentile is the slow one. */
    private static Latencies millis(double p50, double p99) {
        var l = new Latencies();
        for (int i = 0; i < 98; i++) {
            l.add((long) (p50 * 1e6));
        }
        l.add((long) (p99 * 1e6));
        l.add((long) (p99 * 1e6));
        return l;
    }

    /** One PIN step per call, as the calls phase makes them. */
    private static Load.Result result(Map<String, Latencies> steps, long calls) {
        return new Load.Result(new TreeMap<>(steps), calls, 0, List.of(), 60);
    }
}
