package dev.landline.guard.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallThrottleTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:10Z");

    /** The buckets as the database keeps them: one count per key and minute. */
    private final Map<String, Integer> counted = new HashMap<>();
    private final RateBuckets buckets = new RateBuckets() {
        @Override
        public int[] hit(Instant windowStart, String... keys) {
            var hits = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                hits[i] = counted.merge(windowStart + " " + keys[i], 1, Integer::sum);
            }
            return hits;
        }
    };
    private final CallThrottle throttle = new CallThrottle(buckets, Clock.fixed(T, ZoneOffset.UTC), 6, 120, 10);

    @Test
    void everySpellingOfOneCallingNumberCountsAgainstTheSameCap() {
        var spellings = new String[] {"447700900123", "+447700900123", "+44 7700 900123", "0044 7700 900123",
            "(44) 7700-900123", "44.7700.900.123", " 447700900123 "};
        for (int i = 0; i < 6; i++) {
            assertTrue(throttle.admit(spellings[i], "442079460000"), "call " + (i + 1) + ": " + spellings[i]);
        }
        assertFalse(throttle.admit(spellings[6], "442079460000"), "the seventh call in the minute, re-spelt");
        for (var trunk : new String[] {"+44 (0)7700 900123", "+44(0)7700900123", "0044 (0) 7700 900123",
            "+44\u00a07700\u2013900123"}) {
            assertFalse(throttle.admit(trunk, "442079460000"), "written with the trunk (0) or odd spaces: " + trunk);
        }
        assertTrue(throttle.admit("447700900124", "442079460000"), "another number is counted on its own");
    }

    @Test
    void callsWithoutAUsableCallingNumberShareOneWithheldBucketWithItsOwnCap() {
        var withheld = new String[] {null, "", "  ", "unknown", "withheld", "anonymous", "private", "+", "abc123456",
            "07700900123"};
        for (var from : withheld) {
            assertTrue(throttle.admit(from, "442079460000"), "within the withheld cap: " + from);
        }
        assertFalse(throttle.admit(null, "442079460000"), "the eleventh withheld call in the minute");
        assertFalse(throttle.admit("Unknown", "442079460000"), "any spelling of no number");
        assertTrue(throttle.admit("447700900123", "442079460000"), "a caller with a number is counted on its own");
    }

    @Test
    void everySpellingOfOneCalledNumberCountsAgainstItsCapAndAnUnusableOneIsCountedToo() {
        for (int i = 0; i < 120; i++) {
            var to = i % 2 == 0 ? "442079460000" : "+44 20 7946 0000";
            assertTrue(throttle.admit("4477009" + String.format("%05d", i), to), "call " + (i + 1));
        }
        assertFalse(throttle.admit("447700999999", "0044 20 7946 0000"));
        for (int i = 0; i < 120; i++) {
            throttle.admit("4477008" + String.format("%05d", i), i % 2 == 0 ? null : "nonsense");
        }
        assertFalse(throttle.admit("447700888888", ""), "no called number is one bucket under the same cap");
    }

    @Test
    void aNewMinuteStartsNewCounts() {
        for (int i = 0; i < 7; i++) {
            throttle.admit(null, "442079460000");
        }
        var later = new CallThrottle(buckets, Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC), 6, 120, 10);
        assertTrue(later.admit(null, "442079460000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+447700900123", "0044-7700-900123", "447700900123", "+44 (0)7700 900123"})
    void aNumberIsItsInternationalDigits(String spelt) {
        assertEquals(Optional.of("447700900123"), CallThrottle.number(spelt));
    }
}
