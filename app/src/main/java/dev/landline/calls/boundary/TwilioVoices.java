package dev.landline.calls.boundary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Twilio {@code voice} of a {@code <Say>} in a language: Polly and Google voices speak one language each, so
 * {@code landline.twilio.voices} names one per language ({@code de-DE=Polly.Marlene,ja-JP=Polly.Mizuki}; a key is a
 * voice language, or a language alone for all its regions), else {@code landline.twilio.voice}, else none (Twilio
 * picks by the {@code language}). Entries that are not {@code language=voice} are ignored.
 */
record TwilioVoices(Map<String, String> byLanguage, Optional<String> otherwise) {

    TwilioVoices {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** From the two settings, as configured (either may be absent or blank). */
    static TwilioVoices of(Optional<String> voices, Optional<String> voice) {
        var byLanguage = new HashMap<String, String>();
        for (var entry : voices.map(text -> text.split(",")).orElse(new String[0])) {
            var pair = entry.split("=", 2);
            if (pair.length == 2 && !pair[0].isBlank() && !pair[1].isBlank()) {
                byLanguage.put(pair[0].strip().toLowerCase(Locale.ROOT), pair[1].strip());
            }
        }
        return new TwilioVoices(byLanguage, voice.map(String::strip).filter(name -> !name.isEmpty()));
    }

    /** The voice for this voice language (de-DE): its own entry, else its language's (de), else the one voice. */
    Optional<String> forLanguage(String language) {
        var tag = language == null ? "" : language.toLowerCase(Locale.ROOT);
        var own = byLanguage.get(tag);
        if (own == null) {
            own = byLanguage.get(tag.split("-", 2)[0]);
        }
        return own != null ? Optional.of(own) : otherwise;
    }
}
