package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadoutPlanTest {

    private static final Instant STEP_START = Instant.ofEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z, a multiple of 30

    @Test
    void exactlyOnABoundaryTheNewCurrentCodeIsReadWithItsWholePeriod() {
        var plan = ReadoutPlan.at(STEP_START, 30, 7);
        assertFalse(plan.next());
        assertEquals(STEP_START.getEpochSecond() / 30, plan.step());
        assertEquals(30, plan.secondsValid());
        assertEquals(STEP_START, plan.stepStart(30));
    }

    @Test
    void oneSecondBeforeABoundaryTheNextCodeIsReadValidInOneSecond() {
        var plan = ReadoutPlan.at(STEP_START.minusSeconds(1), 30, 7);
        assertTrue(plan.next());
        assertEquals(STEP_START.getEpochSecond() / 30, plan.step());
        assertEquals(1, plan.secondsUntilValid());
        assertEquals(31, plan.secondsValid());
    }

    @Test
    void theThresholdItselfStillReadsTheCurrentCode() {
        var seven = ReadoutPlan.at(STEP_START.minusSeconds(7), 30, 7);
        assertFalse(seven.next());
        assertEquals(7, seven.secondsValid());
        var six = ReadoutPlan.at(STEP_START.minusSeconds(6), 30, 7);
        assertTrue(six.next());
        assertEquals(36, six.secondsValid());
    }

    @Test
    void fractionsOfASecondAreCountedAndTheAnnouncedSecondsAreNeverTooMany() {
        var plan = ReadoutPlan.at(STEP_START.minusMillis(7_500), 30, 7);
        assertFalse(plan.next(), "7.5 s left is not below 7 s");
        assertEquals(7, plan.secondsValid(), "announce only whole seconds that surely remain");
        var justBelow = ReadoutPlan.at(STEP_START.minusMillis(6_500), 30, 7);
        assertTrue(justBelow.next(), "6.5 s left is below 7 s");
        assertEquals(7, justBelow.secondsUntilValid(), "the next code is valid in 6.5 s, said as 7");
        assertEquals(36, justBelow.secondsValid());
    }

    @Test
    void otherPeriodsAndAThresholdOfZeroWork() {
        var sixty = ReadoutPlan.at(STEP_START.plusSeconds(55), 60, 7);
        assertTrue(sixty.next());
        assertEquals(STEP_START.getEpochSecond() / 60 + 1, sixty.step());
        var never = ReadoutPlan.at(STEP_START.minusSeconds(1), 30, 0);
        assertFalse(never.next(), "threshold 0 always reads the current code");
    }
}
