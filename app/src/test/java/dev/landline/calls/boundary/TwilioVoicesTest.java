package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.Reply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Twilio voice speaks one language: each language gets its own, else the one configured, else Twilio's choice. */
class TwilioVoicesTest {

    private static final TwilioVoices VOICES = TwilioVoices.of(
            Optional.of(" de-DE = Polly.Marlene, ja-JP=Polly.Mizuki ,pt=Polly.Ines, broken, =Polly.Nobody, fr-FR= "),
            Optional.of("Polly.Amy"));

    @Test
    void eachLanguageIsSpokenByItsOwnVoice() {
        assertEquals(Optional.of("Polly.Marlene"), VOICES.forLanguage("de-DE"));
        assertEquals(Optional.of("Polly.Mizuki"), VOICES.forLanguage("ja-JP"));
    }

    @Test
    void aLanguageAloneCoversItsRegions() {
        assertEquals(Optional.of("Polly.Ines"), VOICES.forLanguage("pt-PT"));
        assertEquals(Optional.of("Polly.Ines"), VOICES.forLanguage("pt-BR"));
    }

    @Test
    void aLanguageWithoutItsOwnVoiceGetsTheOneVoiceElseNone() {
        assertEquals(Optional.of("Polly.Amy"), VOICES.forLanguage("en-GB"));
        assertEquals(Optional.of("Polly.Amy"), VOICES.forLanguage("fr-FR"), "a blank entry is ignored");
        assertEquals(Optional.empty(), TwilioVoices.of(Optional.of("de-DE=Polly.Marlene"), Optional.of("  "))
                .forLanguage("en-GB"));
        assertEquals(Optional.empty(), TwilioVoices.of(Optional.empty(), Optional.empty()).forLanguage("de-DE"));
    }

    @Test
    void theTwimlOfAGermanReplyNamesTheGermanVoice() {
        var reply = new Reply("de-DE", List.of(Prompts.in("de-DE").goodbye()), null);
        var twiml = Twiml.of(reply, token -> {
            throw new IllegalStateException();
        }, VOICES.forLanguage(reply.language()));
        assertTrue(twiml.contains("<Say voice=\"Polly.Marlene\" language=\"de-DE\">Auf Wiederhören.</Say>"), twiml);
    }
}
