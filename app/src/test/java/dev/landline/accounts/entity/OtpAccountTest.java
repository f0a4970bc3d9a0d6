package dev.landline.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.landline.codes.control.OtpParameters;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtpAccountTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-01T00:00:00Z");

    private static OtpAccount named(String issuer, String label) {
        var caller = new Caller("Ada", "40123", "hash", List.of(), "en-GB", NOW);
        return new OtpAccount(caller, issuer, label, OtpParameters.totpDefaults(), NOW);
    }

    @Test
    void theSpokenNameIsTheIssuerOrElseTheLabel() {
        assertEquals("GitHub", named("GitHub", "ada").spokenName());
        assertEquals("ada", named(null, "ada").spokenName());
    }

    @Test
    void aLongNameIsCutAtAWordAndNeverInsideACharacter() {
        assertEquals("word ".repeat(12).strip(), named("word ".repeat(20), "ada").spokenName());
        // 59 letters, then an emoji (two UTF-16 units) across the 60-character limit: half of it is no text
        var cut = named("a".repeat(59) + "\uD83D\uDE00" + "b", "ada").spokenName();
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)), "a lone surrogate is not speakable");
        assertEquals("a".repeat(59), cut);
    }
}
