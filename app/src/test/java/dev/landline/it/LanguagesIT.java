package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole calls in the caller's language on Payara Micro, played as Vonage plays them: every talk in the caller's
 * voice, sentences from their bundle, plurals by their language, and the code checked against the independent
 * reference. The test server's numbers +49 30 901820 and +81 3 1234 0000 speak German and Japanese
 * ({@code it.language.called-numbers} in the parent pom).
 */
class LanguagesIT extends OnPayaraMicro {

    private static final String PIN = "258036";
    private static final String ENGLISH_NUMBER = "442079460000";
    private static final String GERMAN_NUMBER = "4930901820";
    /** 2026-01-01T00:00:10Z: 20 seconds left in its 30-second step. */
    private static final Instant MID_STEP = Instant.parse("2026-01-01T00:00:10Z");
    /** 1 second left: the next step's code is read. */
    private static final Instant ONE_SECOND_LEFT = Instant.parse("2026-01-01T00:00:29Z");
    /** 2 seconds left. */
    private static final Instant TWO_SECONDS_LEFT = Instant.parse("2026-01-01T00:00:28Z");

    private static String code(Instant at) {
        return ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), at, 30, 6, "HmacSHA1");
    }

    /** The voice language of every talk of the call's last NCCO. */
    private static List<String> voices(VonagePlayer call) {
        return call.ncco().stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("talk"))
                .map(a -> a.getString("language")).distinct().toList();
    }

    @Test
    void aGermanCallerFromTheirOwnNumberHearsGermanFromTheGreetingToTheGoodbyeWithTheRightCode() {
        fixtures.clockAt(MID_STEP);
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.callerSpeaking("de-DE", "Dora", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "Sparkasse", "dora", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, phone, ENGLISH_NUMBER);
        assertEquals(List.of("de-DE"), voices(call));
        assertEquals("<speak>Willkommen bei Landline Authenticator. Bitte geben Sie Ihre PIN ein und drücken Sie"
                + " dann die Rautetaste.</speak>", call.heard());

        call.press(PIN + "#");
        assertEquals(List.of("de-DE"), voices(call));
        assertEquals(List.of(code(MID_STEP), code(MID_STEP)), call.spokenCodes(), call.heard());
        assertTrue(call.heard().startsWith("<speak>Sparkasse. Ihr Code lautet "), call.heard());
        assertTrue(call.heard().contains("Er ist 20 Sekunden gültig."), call.heard());
        assertTrue(call.heard().contains("Drücken Sie die 1, um ihn noch einmal zu hören, oder legen Sie einfach"
                + " auf."), call.heard());

        call.press("7");
        assertTrue(call.heard().startsWith("<speak>Entschuldigung, diese Auswahl gibt es nicht. Drücken Sie die 1"),
                call.heard());
        call.silence();
        assertTrue(call.heard().startsWith("<speak>Entschuldigung, das habe ich nicht verstanden. Drücken Sie die 1"),
                call.heard());
        call.silence();
        assertTrue(call.ended(), call.heard());
        assertEquals(List.of("de-DE"), voices(call));
        assertEquals("<speak>Entschuldigung, das habe ich nicht verstanden. Auf Wiederhören.</speak>", call.heard());
    }

    @Test
    void aGermanCallerNearTheEndOfAStepHearsTheNextCodeWithTheRightPlurals() {
        fixtures.clockAt(ONE_SECOND_LEFT);
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.callerSpeaking("de-DE", "Dirk", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "Sparkasse", "dirk", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, phone, ENGLISH_NUMBER).press(PIN + "#");

        var next = code(ONE_SECOND_LEFT.plusSeconds(30));
        assertEquals(List.of(next, next), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("Der aktuelle Code läuft gleich ab, deshalb hier schon der nächste, er wird"
                + " in 1 Sekunde gültig."), call.heard());
        assertTrue(call.heard().contains("Er bleibt 31 Sekunden gültig."), call.heard());
    }

    @Test
    void aJapaneseCallerHearsJapaneseInAJapaneseVoiceWithCountersAndTheNextCode() {
        fixtures.clockAt(TWO_SECONDS_LEFT);
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.callerSpeaking("ja-JP", "Hana", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "Mizuho", "hana", ReferenceOtp.RFC_SECRET);
        fixtures.account(caller, "GitHub", "hana", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, phone, ENGLISH_NUMBER);
        assertEquals(List.of("ja-JP"), voices(call));
        assertTrue(call.heard().startsWith("<speak>Landline Authenticatorへようこそ。"), call.heard());

        call.press(PIN + "#");
        assertEquals(List.of("ja-JP"), voices(call));
        assertEquals("<speak>Mizuhoは1を押してください。 GitHubは2を押してください。</speak>", call.heard());

        call.press("1");
        var next = code(TWO_SECONDS_LEFT.plusSeconds(30));
        assertEquals(List.of(next, next), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("このコードは2秒後に有効になります。"), call.heard());
        assertTrue(call.heard().contains("有効期間は32秒です。"), call.heard());
        assertTrue(call.heard().contains("別のアカウントは2を押してください。"), call.heard());
        assertEquals(List.of("ja-JP"), voices(call));
    }

    @Test
    void anUnknownNumberHearsTheCalledNumbersLanguageUntilTheRightPinThenTheCallersOwn() {
        fixtures.clockAt(MID_STEP);
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.callerSpeaking("ja-JP", "Kenji", account, PIN);
        fixtures.account(caller, "Rakuten", "kenji", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, Fixtures.uniquePhone(), GERMAN_NUMBER);
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().contains("Bitte geben Sie Ihre Kontonummer ein"), call.heard());

        call.press(account + "#");
        assertEquals(List.of("de-DE"), voices(call), "the account's language would tell that the number exists");
        assertTrue(call.heard().contains("Bitte geben Sie Ihre PIN ein"), call.heard());

        call.press(PIN + "#");
        assertEquals(List.of("ja-JP"), voices(call));
        assertEquals(List.of(code(MID_STEP), code(MID_STEP)), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("有効期間はあと20秒です。"), call.heard());
        assertFalse(call.heard().contains("Sekunden"), call.heard());
    }
}
