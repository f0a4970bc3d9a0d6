package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts are said with the plural form their language takes: English's two, Polish's three, Japanese counters. */
class PluralsTest {

    /** A 30-second TOTP read at this second of its step, with the default 7-second boundary. */
    private static String code(String language, int secondOfStep) {
        return Prompts.in(language).code("Bank", "123456", ReadoutPlan.at(Instant.ofEpochSecond(secondOfStep), 30, 7))
                .markup();
    }

    @Test
    void englishSaysOneSecondAndTwoSeconds() {
        assertTrue(code("en-GB", 28).contains("valid in 2 seconds."), code("en-GB", 28));
        assertTrue(code("en-GB", 29).contains("valid in 1 second."), code("en-GB", 29));
        assertTrue(code("en-GB", 10).endsWith("It is valid for 20 seconds."), code("en-GB", 10));
        assertEquals("1 wrong PIN was entered for your account since your last call.",
                Prompts.in("en-US").wrongPinsSinceLastCall(1).markup());
        assertEquals("2 wrong PINs were entered for your account since your last call.",
                Prompts.in("en-US").wrongPinsSinceLastCall(2).markup());
    }

    @ParameterizedTest
    @CsvSource({"1, 1 sekundę", "2, 2 sekundy", "4, 4 sekundy", "5, 5 sekund", "12, 12 sekund", "21, 21 sekund",
        "22, 22 sekundy", "25, 25 sekund", "30, 30 sekund"})
    void polishSaysSecondsInItsThreeForms(int seconds, String said) {
        // read at second (30 - seconds) of the step: valid for that many seconds more
        var text = code("pl-PL", 30 - seconds);
        if (seconds < 7) {
            assertTrue(text.contains("ważny za " + said + "."), text);
        } else {
            assertTrue(text.endsWith("Jest ważny przez " + said + "."), text);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1 błędny PIN", "3, 3 błędne PIN-y", "5, 5 błędnych PIN-ów", "22, 22 błędne PIN-y",
        "12, 12 błędnych PIN-ów"})
    void polishCountsWrongPinsInItsThreeForms(int count, String said) {
        var text = Prompts.in("pl").wrongPinsSinceLastCall(count).markup();
        assertTrue(text.endsWith(" " + said + "."), text);
    }

    @Test
    void japaneseCountsSecondsAndTimesWithCounters() {
        assertTrue(code("ja-JP", 10).endsWith("有効期間はあと20秒です。"), code("ja-JP", 10));
        assertTrue(code("ja-JP", 29).contains("このコードは1秒後に有効になります。"), code("ja-JP", 29));
        assertTrue(code("ja-JP", 29).endsWith("有効期間は31秒です。"), code("ja-JP", 29));
        assertTrue(Prompts.in("ja").wrongPinsSinceLastCall(3).markup().contains("暗証番号が3回間違って入力されました。"));
        assertTrue(Prompts.in("ja").wrongPinsSinceLastCall(1).markup().contains("暗証番号が1回間違って入力されました。"));
    }
}
