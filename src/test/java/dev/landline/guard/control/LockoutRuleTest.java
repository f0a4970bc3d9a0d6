package dev.landline.guard.control;

import static dev.landline.guard.control.LockoutRule.Decision.ALLOWED;
import static dev.landline.guard.control.LockoutRule.Decision.DELAYED;
import static dev.landline.guard.control.LockoutRule.Decision.LOCKED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutRuleTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final LockoutRule rule = new LockoutRule(3, Duration.ofSeconds(30), 10);

    @Test
    void theFirstThreeFailuresCostNoWaiting() {
        assertEquals(ALLOWED, rule.decide(0, null, T));
        assertEquals(ALLOWED, rule.decide(1, T, T));
        assertEquals(ALLOWED, rule.decide(2, T, T));
    }

    @Test
    void fromTheThirdFailureTheWaitDoublesFromThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), rule.delayAfter(3));
        assertEquals(Duration.ofSeconds(60), rule.delayAfter(4));
        assertEquals(Duration.ofSeconds(30 * 64), rule.delayAfter(9));
        assertEquals(DELAYED, rule.decide(3, T, T.plusSeconds(29)));
        assertEquals(ALLOWED, rule.decide(3, T, T.plusSeconds(30)));
        assertEquals(DELAYED, rule.decide(9, T, T.plusSeconds(30 * 64 - 1)));
        assertEquals(ALLOWED, rule.decide(9, T, T.plusSeconds(30 * 64)));
    }

    @Test
    void theTenthFailureLocksAndTimeAloneNeverUnlocks() {
        assertEquals(LOCKED, rule.decide(10, T, T));
        assertEquals(LOCKED, rule.decide(10, T, T.plus(Duration.ofDays(7))));
        assertEquals(LOCKED, rule.decide(10, T, T.plus(Duration.ofDays(36500))));
        assertEquals(LOCKED, rule.decide(11, T, T.plus(Duration.ofDays(1))));
    }

    @Test
    void theThresholdIsConfigurable() {
        var strict = new LockoutRule(1, Duration.ofSeconds(5), 3);
        assertEquals(DELAYED, strict.decide(1, T, T.plusSeconds(4)));
        assertEquals(ALLOWED, strict.decide(2, T, T.plusSeconds(10)));
        assertEquals(LOCKED, strict.decide(3, T, T.plusSeconds(10_000)));
    }

    @Test
    void anAttackerWithUnlimitedTimeGetsExactlyTheThresholdOfGuesses() {
        int failures = 0;
        Instant last = null;
        var now = T;
        int evaluated = 0;
        for (int call = 0; call < 10_000; call++) {
            now = now.plus(Duration.ofHours(1));
            if (rule.decide(failures, last, now) == ALLOWED) {
                failures++;
                last = now;
                evaluated++;
            }
        }
        assertEquals(10, evaluated);
    }
}
