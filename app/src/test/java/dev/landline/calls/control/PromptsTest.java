package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static final Phrasebook ENGLISH = Prompts.in("en-GB");

    @Test
    void aCodeIsReadDigitByDigitTwiceWithTheSecondsItStaysValid() {
        var plan = ReadoutPlan.at(Instant.ofEpochSecond(10), 30, 7);
        var text = ENGLISH.code("GitHub", "081804", plan).markup();
        assertEquals(2, text.split("<say-as interpret-as='digits'>081804</say-as>", -1).length - 1);
        assertTrue(text.startsWith("GitHub."), text);
        assertTrue(text.contains("valid for 20 seconds"), text);
    }

    @Test
    void theNextCodeIsAnnouncedAsSuch() {
        var plan = ReadoutPlan.at(Instant.ofEpochSecond(29), 30, 7);
        var text = ENGLISH.code("GitHub", "081804", plan).markup();
        assertTrue(text.contains("about to change") && text.contains("valid in 1 second."), text);
        assertTrue(text.contains("stays valid for 31 seconds"), text);
    }

    @Test
    void namesFromUsersCannotInjectSsml() {
        var text = ENGLISH.menu(List.of("<break time='10s'/>Evil & Co"), false).markup();
        assertFalse(text.contains("<break"), text);
        assertTrue(text.contains("&lt;break time=&apos;10s&apos;/&gt;Evil &amp; Co"), text);
    }

    @Test
    void namesFromUsersCannotTurnTheRestOfAPromptAround() {
        var plan = ReadoutPlan.at(Instant.ofEpochSecond(10), 30, 7);
        var text = ENGLISH.code("\u202Eevil\u2067 Bank\u202A", "081804", plan).markup()
                + ENGLISH.menu(List.of("\u202Bmoc.knab\u2066", "\u200FRTL mark stays"), false).markup();
        assertFalse(text.matches("(?s).*[\u202A-\u202E\u2066-\u2069].*"), text);
        assertTrue(text.startsWith("evil Bank. Your code is"), text);
        assertTrue(text.contains("For moc.knab, press 1. For \u200FRTL mark stays, press 2."), text);
    }

    @Test
    void theMenuOffersKeysInOrderAndMentionsMoreWhenPaged() {
        assertEquals("For GitHub, press 1. For Gmail, press 2.", ENGLISH.menu(List.of("GitHub", "Gmail"), false).markup());
        assertTrue(ENGLISH.menu(List.of("A"), true).markup().endsWith("For more accounts, press 0."));
    }

    @Test
    void wrongPinsSinceTheLastCallAreCountedInCorrectEnglish() {
        assertEquals("1 wrong PIN was entered for your account since your last call.",
                ENGLISH.wrongPinsSinceLastCall(1).markup());
        assertEquals("3 wrong PINs were entered for your account since your last call.",
                ENGLISH.wrongPinsSinceLastCall(3).markup());
    }
}
