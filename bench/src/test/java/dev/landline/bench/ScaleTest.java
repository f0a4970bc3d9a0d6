package dev.landline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {

    private static final String RUN = "2026-12-07 17:00";

    private static Scale.Row row(int callers, String run, double answerCpu, double callCpu, long errors,
            List<Double> answerRounds, List<Double> callRounds) {
        return new Scale.Row("H2", callers, run, callers * 6, 10, 9.5, 20, 6000, 8, 17, answerCpu, 11, 150, 3500,
                callCpu, errors, "2.0", answerRounds, callRounds);
    }

    /** 1,000 callers at 0.200 ms per answer and 137 ms per call, one round, against 100,000 callers as given. */
    private static String verdictAgainstSmall(String run, double answerCpu, double callCpu, long errors) {
        return Scale.verdict(List.of(row(1_000, RUN, 0.200, 137.0, 0, List.of(0.2), List.of(137.0)).markdown(),
                row(100_000, run, answerCpu, callCpu, errors, List.of(answerCpu), List.of(callCpu)).markdown()));
    }

    @Test
    void sizesOfOneRunWithinTenPercentOnBothCostsAreFlat() {
        var verdict = Scale.verdict(List.of(
                row(1_000, RUN, 0.200, 137.0, 0, List.of(0.2, 0.2), List.of(137.0, 137.0)).markdown(),
                row(100_000, RUN, 0.216, 140.0, 0, List.of(0.21, 0.22), List.of(139.0, 141.0)).markdown()));

        assertTrue(verdict.startsWith("- H2: **flat"), verdict);
        assertTrue(verdict.contains("CPU per answer +8 %"), verdict);
        assertTrue(verdict.contains("round by round +5 %, +10 %"), verdict);
        assertTrue(verdict.contains("round by round +1 %, +3 %"), verdict);
    }

    @Test
    void oneCostBeyondTenPercentOrOneErrorIsNotFlat() {
        assertTrue(verdictAgainstSmall(RUN, 0.200, 137.0, 0).startsWith("- H2: **flat"));
        assertTrue(verdictAgainstSmall(RUN, 0.230, 137.0, 0).startsWith("- H2: **not within 10 %"));
        assertTrue(verdictAgainstSmall(RUN, 0.200, 152.0, 0).startsWith("- H2: **not within 10 %"));
        assertTrue(verdictAgainstSmall(RUN, 0.200, 137.0, 1).startsWith("- H2: **not within 10 %"));
    }

    @Test
    void unknownCpuIsNeverFlat() {
        var verdict = verdictAgainstSmall(RUN, -1, -1, 0);

        assertTrue(verdict.startsWith("- H2: **not within 10 %"), verdict);
        assertTrue(verdict.contains("? (CPU unknown)"), verdict);
    }

    @Test
    void sizesMeasuredInDifferentRunsGetNoVerdict() {
        assertTrue(verdictAgainstSmall("2026-12-07 17:30", 0.400, 137.0, 0)
                .contains("no run measured two sizes side by side yet: no verdict"));
    }

    @Test
    void theSizesTakeTurnsGoingFirst() {
        var sizes = List.of("1k", "100k");

        assertEquals(List.of("1k", "100k"), Scale.turned(sizes, 0));
        assertEquals(List.of("100k", "1k"), Scale.turned(sizes, 1));
        assertEquals(List.of("1k", "100k"), Scale.turned(sizes, 2));
        assertEquals(List.of("100k", "1k"), Scale.turned(sizes, 3));
    }

    @Test
    void aDifferenceBelowHalfAPercentReadsAsNone() {
        assertEquals("+8 %", Scale.percent(1.083));
        assertEquals("-6 %", Scale.percent(0.94));
        assertEquals("0 %", Scale.percent(0.999));
    }

    @Test
    void theRateIsTheMedianOfTheRounds() {
        assertEquals(5.0, Scale.median(List.of(9.0, 1.0, 5.0)));
        assertEquals(4.0, Scale.median(List.of(6.0, 1.0, 2.0, 9.0)));
    }
}
