package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The called-number languages are read once, at startup; what cannot be used is said then, once, not ignored. */
class CallLanguagesTest {

    private static final Logger LOG = Logger.getLogger(CallLanguages.class.getName());

    private final List<String> warnings = new ArrayList<>();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        LOG.addHandler(collector);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(collector);
    }

    @Test
    void goodSettingsAreReadWithoutAWord() {
        var languages = new CallLanguages("en-GB", List.of("+49 30 1234567=de-DE", "+81 3 1234 5678=ja-JP"));
        assertEquals(List.of(), warnings);
        assertEquals("de-DE", languages.calledNumber("49301234567").voice());
        assertEquals("ja-JP", languages.calledNumber("+81312345678").voice());
    }

    @Test
    void aLanguageWithoutPromptsForANumberIsWarnedAboutOnceAndTheNumberSpeaksTheServersLanguage() {
        var languages = new CallLanguages("fr-FR", List.of("+49 30 1234567=deutsch", "+81 3 1234 5678=ja-JP"));
        assertEquals(List.of("landline.language.called-numbers: entry 1 names no language that has prompts;"
                + " that number speaks fr-FR"), warnings);
        assertEquals("fr-FR", languages.calledNumber("49301234567").voice());
        languages.calledNumber("49301234567");
        assertEquals(1, warnings.size(), "said at startup, not at every call");
    }

    @Test
    void aNumberGivenTwiceIsWarnedAboutAndTheLaterEntryCounts() {
        var languages = new CallLanguages("en-GB", List.of("+49 30 1234567=de-DE", "+4930 1234567=pl-PL"));
        assertEquals(List.of("landline.language.called-numbers: entry 2 repeats the number of an earlier entry;"
                + " the later one counts"), warnings);
        assertEquals("pl-PL", languages.calledNumber("49301234567").voice());
    }

    @Test
    void theWarningsNameNeitherTheNumberNorTheLanguage() {
        new CallLanguages("en-GB", List.of("+49 30 1234567=klingon", "+49 30 1234567=de-DE", "garbage"));
        assertEquals(3, warnings.size(), warnings.toString());
        warnings.forEach(warning -> assertEquals(false, warning.contains("1234567") || warning.contains("klingon"),
                warning));
    }
}
