package dev.landline.guard.control;

import static dev.landline.guard.control.LockoutRule.Decision.ALLOWED;
import static dev.landline.guard.control.LockoutRule.Decision.DELAYED;
import static dev.landline.guard.control.LockoutRule.Decision.LOCKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
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

    @Test
    void twentyWrongPinsWithinThirtyDaysLockWhateverSucceededInBetween() {
        assertEquals(ALLOWED, rule.decide(0, T, 19, false, T));
        assertEquals(LOCKED, rule.decide(0, T, 20, false, T), "a success reset the consecutive count, not the window");
        assertEquals(LOCKED, rule.decide(0, null, 0, true, T.plus(Duration.ofDays(3650))),
                "once locked by the window, time alone never unlocks");
        assertEquals(T.minus(Duration.ofDays(30)), rule.windowStart(T));
    }

    @Test
    void theWindowAndItsThresholdAreConfigurable() {
        var strict = new LockoutRule(3, Duration.ofSeconds(30), 10, 7, 5);
        assertEquals(T.minus(Duration.ofDays(7)), strict.windowStart(T));
        assertEquals(ALLOWED, strict.decide(0, null, 4, false, T));
        assertEquals(LOCKED, strict.decide(0, null, 5, false, T));
    }

    @Test
    void anAttackerBetweenTheDailyCallsOfTheOwnerEndsLockedAfterExactlyTwentyWrongPins() {
        // without the window: 9 a day, 3,285 a year
        var year = new Year(rule);
        year.play(false);
        assertEquals(20, year.wrongEvaluated, "the window's threshold, not 3 a day for a year");
        assertTrue(year.locked());
        assertEquals(LOCKED, year.decide(year.end), "still locked at the end of the year");
    }

    @Test
    void aPatientAttackerWhoNeverTripsTheLockGetsAtMostNineteenGuessesPerThirtyDays() {
        var year = new Year(rule);
        year.play(true);
        // 19 in each 30-day window, and the windows roll: 13 windows start within 365 days
        assertEquals(13 * 19, year.wrongEvaluated, "the worst case docs/security.md states for a year");
        assertEquals(365, year.ownerSucceeded, "the owner was never locked out");
    }

    /**
     * A year at one-minute steps: the owner types the right PIN once a day at 08:00; the attacker tries a wrong
     * PIN every minute the rule lets them, stopping short of the consecutive lock (9 a day: the 3 free ones, then
     * 30 s … 960 s apart), a patient one also while the window holds 19. The ledger's
     * bookkeeping, as {@link AttemptLedger} keeps it: charged before evaluation, a right PIN resets the consecutive
     * count and takes back its own charge, the window lock persists.
     */
    private static final class Year {
        final LockoutRule rule;
        final Instant end = T.plus(Duration.ofDays(365));
        final Deque<Instant> window = new ArrayDeque<>();
        int consecutive;
        Instant lastFailure;
        boolean windowLocked;
        int wrongEvaluated;
        int ownerSucceeded;

        Year(LockoutRule rule) {
            this.rule = rule;
        }

        void play(boolean patient) {
            for (var now = T; now.isBefore(end); now = now.plus(Duration.ofMinutes(1))) {
                if (now.atZone(java.time.ZoneOffset.UTC).getHour() == 8
                        && now.atZone(java.time.ZoneOffset.UTC).getMinute() == 0) {
                    if (decide(now) == ALLOWED) {
                        consecutive = 0;
                        ownerSucceeded++;
                    }
                    continue;
                }
                if (consecutive >= rule.lockThreshold() - 1
                        || patient && inWindow(now) >= rule.windowThreshold() - 1) {
                    continue; // never trips the consecutive lock (that would show at once); a patient one not the window's
                }
                if (decide(now) == ALLOWED) {
                    consecutive++;
                    lastFailure = now;
                    window.add(now);
                    wrongEvaluated++;
                    windowLocked |= rule.windowLocks(inWindow(now));
                }
            }
        }

        LockoutRule.Decision decide(Instant now) {
            int inWindow = inWindow(now);
            windowLocked |= rule.windowLocks(inWindow);
            return rule.decide(consecutive, lastFailure, inWindow, windowLocked, now);
        }

        int inWindow(Instant now) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(rule.windowStart(now))) {
                window.removeFirst();
            }
            return window.size();
        }

        boolean locked() {
            return windowLocked;
        }
    }
}
