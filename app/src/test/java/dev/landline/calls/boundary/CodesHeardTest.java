package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.control.Phrasebook;
import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.ReadoutPlan;
import dev.landline.testkit.CodesHeard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "no code was said" check finds a code however it is marked up, and finds none in prompts without one. */
class CodesHeardTest {

    private static final Phrasebook ENGLISH = Prompts.in("en-GB");

    private static final Set<String> CODE = Set.of("287082");

    @Test
    void theServicesOwnReadOutIsCaught() {
        var spoken = ENGLISH.code("GitHub", "287082", ReadoutPlan.at(Instant.ofEpochSecond(10), 30, 7)).ssml();
        assertThrows(AssertionError.class, () -> CodesHeard.assertNoneSaid(CODE, spoken));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<speak>Your code is <say-as interpret-as='digits'>287082</say-as>.</speak>",
        "<speak>Your code is <say-as interpret-as=\"characters\">287082</say-as>.</speak>",
        "<speak>Your code is 2 8 7 0 8 2.</speak>",
        "<speak>Your code is 287 082.</speak>",
        "<speak>Your code is 2, 8, 7, 0, 8, 2.</speak>",
        "<speak>Your code is 2<break time='300ms'/>8<break/>7<break/>0<break/>8<break/>2</speak>",
        "<speak>Your code is two eight seven oh eight two</speak>",
        "<speak>Your code is <prosody rate='slow'>2-8-7-0-8-2</prosody></speak>",
        "The current code is 9287082 or so",
        "{\"title\":\"Forbidden\",\"detail\":\"code 287082\"}"
    })
    void aCodeIsCaughtWhateverTheMarkup(String speech) {
        assertThrows(AssertionError.class, () -> CodesHeard.assertNoneSaid(CODE, speech));
    }

    @Test
    void promptsWithoutACodeSayNone() {
        var speech = String.join(" ", ENGLISH.welcome().then(ENGLISH.askPin()).ssml(),
                ENGLISH.menu(List.of("Service 1", "Service 2", "Bank 287"), true).ssml(),
                ENGLISH.tooManyFailures().ssml(), ENGLISH.afterCode(true).markup(), "It is valid for 20 seconds.");
        assertDoesNotThrow(() -> CodesHeard.assertNoneSaid(CODE, speech));
    }

    @Test
    void numbersAreReadAsTheCallerHearsThem() {
        assertEquals(List.of("1", "2", "123456", "20"),
                CodesHeard.numbersIn("For A, press 1. For B, press two. Your code is <say-as>123</say-as> 4 5 6! Valid for"
                        + " 20 s."));
    }

    @Test
    void theWindowCoversStepsBeforeAndAfter() {
        assertEquals(Set.of("c3", "c4", "c5", "c6", "c7"), CodesHeard.around(step -> "c" + step, 5, 2));
        assertEquals(Set.of("c0", "c1", "c2"), CodesHeard.around(step -> "c" + step, 0, 2), "no negative counter");
    }

    @Test
    void theStepsBetweenTwoTimesAreAllCovered() {
        assertEquals(Set.of("c4", "c5", "c6"), CodesHeard.between(step -> "c" + step, 4, 6));
        assertEquals(Set.of("c0", "c1"), CodesHeard.between(step -> "c" + step, -3, 1), "no negative counter");
    }

    @Test
    void everyAlgorithmLengthAndPeriodOfASeedIsChecked() {
        long now = 1_800_000_000L;
        var codes = CodesHeard.codesOf((counter, digits, mac) -> mac + "/" + digits + "/" + counter, now);
        for (var mac : List.of("HmacSHA1", "HmacSHA256", "HmacSHA512")) {
            for (int digits = 6; digits <= 8; digits++) {
                var code = mac + "/" + digits + "/";
                assertTrue(codes.contains(code + (now / 30 - 10)) && codes.contains(code + (now / 30 + 10)),
                        "TOTP every 30 s, ten steps either side: " + code);
                assertTrue(codes.contains(code + (now / 60 - 10)) && codes.contains(code + (now / 60 + 10)),
                        "TOTP every 60 s, ten steps either side: " + code);
                assertTrue(codes.contains(code + 0) && codes.contains(code + 50), "HOTP counters 0 to 50: " + code);
            }
        }
    }

    @Test
    void aCodeSaidIsNamed() {
        assertEquals(Optional.of("287082"), CodesHeard.said(CODE, "<speak>2 8 7 0 8 2</speak>"));
        assertEquals(Optional.empty(), CodesHeard.said(CODE, "<speak>Please enter your PIN.</speak>"));
    }
}
