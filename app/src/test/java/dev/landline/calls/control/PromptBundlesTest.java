package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import dev.landline.accounts.control.Languages;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every prompt bundle says what English says: the same keys, the same placeholders, the plural forms its language
 * needs, and sentences of its own. The failure message says what a bundle lacks, so adding a language is copying
 * en-GB.properties and following it.
 */
class PromptBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/dev/landline/calls/control/prompts");

    private static Properties bundle(String tag) throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(Files.readString(BUNDLES.resolve(tag + ".properties"),
                StandardCharsets.UTF_8)));
        return properties;
    }

    /** What is wrong with a bundle of this language measured against English; empty when nothing is. */
    static List<String> problems(Properties english, Properties bundle, String tag) {
        var problems = new ArrayList<String>();
        var missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(bundle.stringPropertyNames());
        if (!missing.isEmpty()) {
            problems.add("lacks " + missing);
        }
        var extra = new TreeSet<>(bundle.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        if (!extra.isEmpty()) {
            problems.add("has keys English does not: " + extra);
        }
        var locale = ULocale.forLanguageTag(tag);
        var needed = pluralForms(locale);
        for (var key : new TreeSet<>(bundle.stringPropertyNames())) {
            var pattern = bundle.getProperty(key);
            Arguments arguments;
            try {
                arguments = arguments(pattern);
            } catch (IllegalArgumentException e) {
                problems.add(key + " is not an ICU message: " + e.getMessage());
                continue;
            }
            if (english.containsKey(key)) {
                var theirs = arguments(english.getProperty(key)).names;
                if (!theirs.equals(arguments.names)) {
                    problems.add(key + " has the placeholders " + arguments.names + ", English " + theirs);
                }
                if (!tag.startsWith("en") && pattern.equals(english.getProperty(key))) {
                    problems.add(key + " is English's sentence, not translated");
                }
            }
            for (var plural : arguments.pluralForms.entrySet()) {
                var lacking = new TreeSet<>(needed);
                lacking.removeAll(plural.getValue());
                if (!lacking.isEmpty()) {
                    problems.add(key + ": {" + plural.getKey() + ", plural} lacks the forms " + lacking
                            + " that " + tag + " needs");
                }
            }
        }
        return problems;
    }

    /** The plural forms whole numbers from 0 to 1000 take in this language, and "other" (ICU needs it). */
    private static Set<String> pluralForms(ULocale locale) {
        var rules = PluralRules.forLocale(locale);
        var forms = new TreeSet<String>();
        forms.add("other");
        for (int n = 0; n <= 1000; n++) {
            forms.add(rules.select(n));
        }
        return forms;
    }

    private record Arguments(Set<String> names, TreeMap<String, Set<String>> pluralForms) {
    }

    private static Arguments arguments(String pattern) {
        var parsed = new MessagePattern(pattern);
        var names = new TreeSet<String>();
        var plurals = new TreeMap<String, Set<String>>();
        for (int i = 0; i < parsed.countParts(); i++) {
            var part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            } else if (part.getType() == MessagePattern.Part.Type.ARG_START
                    && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                var name = parsed.getSubstring(parsed.getPart(i + 1));
                var forms = plurals.computeIfAbsent(name, n -> new TreeSet<>());
                int limit = parsed.getLimitPartIndex(i);
                for (int j = i + 2; j < limit; j++) {
                    var selector = parsed.getPart(j);
                    if (selector.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        forms.add(parsed.getSubstring(selector));
                        j = parsed.getLimitPartIndex(j + 1);
                    }
                }
            }
        }
        return new Arguments(names, plurals);
    }

    @Test
    void everyBundleHasEnglishsKeysAndPlaceholdersAndTheFormsItsLanguageNeeds() throws IOException {
        var english = bundle(Languages.DEFAULT);
        var problems = new TreeMap<String, List<String>>();
        for (var tag : Languages.bundles()) {
            var found = problems(english, bundle(tag), tag);
            if (!found.isEmpty()) {
                problems.put(tag + ".properties", found);
            }
        }
        assertEquals(new TreeMap<>(), problems);
    }

    @Test
    void everyBundleIsALanguageCallersCanBeGivenAndEveryLanguageHasItsBundle() throws IOException {
        try (var files = Files.list(BUNDLES)) {
            var present = files.map(f -> f.getFileName().toString().replaceFirst("\\.properties$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Languages.bundles()), present,
                    "a bundle needs its line in accounts/control/Languages (and that line its bundle)");
        }
        for (var voice : Languages.offered()) {
            assertTrue(Languages.voice(voice), voice + " is not a voice Vonage speaks");
        }
    }

    @Test
    void theCheckFindsAMissingKeyAnExtraKeyADifferentPlaceholderAndAMissingPluralForm() {
        var english = new Properties();
        english.setProperty("a", "For {name}, press {key}.");
        english.setProperty("b", "{seconds, plural, one {# second} other {# seconds}}");
        english.setProperty("c", "Goodbye.");
        var polish = new Properties();
        polish.setProperty("a", "Aby wybrać {nazwa}, naciśnij {key}.");
        polish.setProperty("b", "{seconds, plural, one {# sekundę} other {# sekundy}}");
        polish.setProperty("d", "Do widzenia.");

        var problems = problems(english, polish, "pl");

        assertEquals(List.of("lacks [c]", "has keys English does not: [d]",
                "a has the placeholders [key, nazwa], English [key, name]",
                "b: {seconds, plural} lacks the forms [few, many] that pl needs"), problems);
    }

    @Test
    void theCheckFindsAnUntranslatedSentenceAndABrokenPattern() {
        var english = new Properties();
        english.setProperty("a", "Goodbye.");
        english.setProperty("b", "For {name}.");
        var german = new Properties();
        german.setProperty("a", "Goodbye.");
        german.setProperty("b", "Für {name.");
        var problems = problems(english, german, "de");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("a is English's sentence, not translated", problems.get(0));
        assertTrue(problems.get(1).startsWith("b is not an ICU message"), problems.get(1));
    }
}
