package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.accounts.control.Languages.Spoken;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A language tag is spoken from the nearest bundle, in a voice Vonage has. */
class LanguagesTest {

    private static final Spoken FRENCH = new Spoken("fr", "fr-FR");

    @ParameterizedTest(name = "{0} -> {1} in {2}")
    @CsvSource({
        "de-DE, de, de-DE", "de-AT, de, de-DE", "de, de, de-DE", "de-CH, de, de-DE",
        "en-GB, en-GB, en-GB", "en-US, en-US, en-US", "en-AU, en-GB, en-AU", "en-IN, en-GB, en-IN", "en, en-GB, en-GB",
        "pt-BR, pt-BR, pt-BR", "pt-PT, pt-PT, pt-PT", "pt-AO, pt-PT, pt-PT",
        "fr-CA, fr, fr-CA", "es-MX, es, es-MX", "ja-JP, ja, ja-JP", "ja, ja, ja-JP", "pl-PL, pl, pl-PL",
        "ko-KR, fr, fr-FR", "klingon, fr, fr-FR", "'', fr, fr-FR"})
    void aTagIsSpokenFromTheNearestBundleInAVoiceTheProviderHas(String tag, String bundle, String voice) {
        assertEquals(new Spoken(bundle, voice), Languages.resolve(tag, FRENCH));
    }

    @Test
    void nothingAtAllIsSpokenAsTheFallback() {
        assertEquals(FRENCH, Languages.resolve(null, FRENCH));
        assertEquals(new Spoken("en-GB", "en-GB"), Languages.resolve("xx-YY"));
    }

    @Test
    void aCallerMayBeGivenOnlyALanguageWithPrompts() {
        assertTrue(Languages.supported("de-DE") && Languages.supported("ja-JP") && Languages.supported("pt-BR"));
        assertFalse(Languages.supported("de-AT"), "no voice of its own: offered as de-DE");
        assertFalse(Languages.supported("ko-KR"), "a voice Vonage has, but no prompts");
        assertFalse(Languages.supported(null));
        assertEquals(Languages.bundles().size(), Languages.offered().size());
    }
}
