package dev.landline.calls.control;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.landline.accounts.control.Languages;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the caller hears in one language, from its bundle ({@code prompts/<bundle>.properties} beside this
 * class, ICU MessageFormat: plurals and numbers by the language's CLDR rules). Codes never pass through a message:
 * a message says where the code goes ({@code {code}}) and the code is put there as {@link Speech.Digits}, read
 * digit by digit. Names from users (issuers, labels) are message arguments, never patterns, and stay text that
 * {@link Speech} escapes when rendered.
 */
public final class Phrasebook {

    /** Where a code goes in a formatted message; never in a name (it is taken out of names first). */
    private static final String CODE = "\uE000";

    private static final Map<String, Phrasebook> BOOKS = new ConcurrentHashMap<>();

    private final String bundle;
    private final ULocale locale;
    private final Properties messages;

    private Phrasebook(String bundle) {
        this.bundle = bundle;
        this.locale = ULocale.forLanguageTag(bundle);
        this.messages = load(bundle);
    }

    /** The prompts of the bundle nearest to this language (see {@link Languages#resolve(String)}). */
    public static Phrasebook in(String language) {
        return BOOKS.computeIfAbsent(Languages.resolve(language).bundle(), Phrasebook::new);
    }

    /** The bundle's tag, e.g. {@code de} or {@code pt-BR}. */
    public String bundle() {
        return bundle;
    }

    public Speech welcome() {
        return say("welcome");
    }

    public Speech askAccountNumber() {
        return say("ask.account-number");
    }

    public Speech askPin() {
        return say("ask.pin");
    }

    public Speech notRecognised() {
        return say("not-recognised");
    }

    /** Heard first after a right PIN when wrong PINs were entered in other calls since the caller's last one. */
    public Speech wrongPinsSinceLastCall(int count) {
        return say("wrong-pins-since-last-call", "count", count);
    }

    public Speech tooManyFailures() {
        return say("too-many-failures");
    }

    public Speech nothingHeard() {
        return say("nothing-heard");
    }

    public Speech notAnOption() {
        return say("not-an-option");
    }

    public Speech goodbye() {
        return say("goodbye");
    }

    public Speech noAccounts() {
        return say("no-accounts");
    }

    public Speech unavailable() {
        return say("unavailable");
    }

    public Speech tryLater() {
        return say("try-later");
    }

    /** One sentence per name with its key (1 first), then "more accounts: 0" when there are more pages. */
    public Speech menu(List<String> names, boolean paged) {
        var sentences = new ArrayList<Speech>();
        for (int i = 0; i < names.size(); i++) {
            sentences.add(say("menu.item", "name", names.get(i), "key", i + 1));
        }
        if (paged) {
            sentences.add(say("menu.more", "key", 0));
        }
        if (sentences.isEmpty()) {
            return Speech.text("");
        }
        return Speech.sentences(sentences.get(0), sentences.subList(1, sentences.size()).toArray(Speech[]::new));
    }

    /** A TOTP code, twice, and how long it is valid; or, near the step's end, the next one and when it starts. */
    public Speech code(String name, String code, ReadoutPlan plan) {
        return plan.next()
                ? say("code.next", "name", name, "code", code, "wait", plan.secondsUntilValid(), "seconds",
                        plan.secondsValid())
                : say("code", "name", name, "code", code, "seconds", plan.secondsValid());
    }

    /** An HOTP code, twice: it stays valid until it is used. */
    public Speech counterCode(String name, String code) {
        return say("code.counter", "name", name, "code", code);
    }

    public Speech afterCode(boolean otherAccounts) {
        return otherAccounts ? say("after-code.others", "again", 1, "another", 2)
                : say("after-code.only", "again", 1);
    }

    /**
     * The message formatted: names (strings) as text, the {@code code} argument as digits read one by one, numbers
     * by the language's rules.
     */
    private Speech say(String key, Object... arguments) {
        var values = new HashMap<String, Object>();
        String code = null;
        for (int i = 0; i < arguments.length; i += 2) {
            var name = (String) arguments[i];
            var value = arguments[i + 1];
            if (name.equals("code")) {
                code = (String) value;
                value = CODE;
            } else if (value instanceof String text) {
                value = text.replace(CODE, "");
            }
            values.put(name, value);
        }
        var text = new MessageFormat(pattern(key), locale).format(values);
        var parts = new ArrayList<Speech.Part>();
        var pieces = text.split(CODE, -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                parts.add(new Speech.Digits(code));
            }
            if (!pieces[i].isEmpty()) {
                parts.add(new Speech.Text(pieces[i]));
            }
        }
        return parts.isEmpty() ? Speech.text("") : new Speech(parts);
    }

    /** The bundle's pattern; a key it lacks (PromptBundlesTest fails then) is said as English says it. */
    private String pattern(String key) {
        var pattern = messages.getProperty(key);
        if (pattern != null) {
            return pattern;
        }
        if (bundle.equals(Languages.DEFAULT)) {
            throw new IllegalStateException("no prompt " + key);
        }
        return in(Languages.DEFAULT).pattern(key);
    }

    private static Properties load(String bundle) {
        var name = "prompts/" + bundle + ".properties";
        try (var in = Phrasebook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no prompt bundle " + name);
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
