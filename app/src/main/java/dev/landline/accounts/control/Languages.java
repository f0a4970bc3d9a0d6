package dev.landline.accounts.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The languages a caller can hear: each has a bundle of prompts (resource
 * {@code dev/landline/calls/control/prompts/<bundle>.properties}) and a voice, one of the speech languages Vonage's
 * NCCO schema accepts for {@code talk}. A caller's {@code language} is one of the {@link #offered()} voices. Any
 * other tag (a caller stored before, a called number's setting) falls back to the nearest bundle (de-AT → de, en-AU →
 * the first English one), else to the default given; the voice stays one the provider accepts.
 */
public final class Languages {

    /** The language of the service's own prompts when nothing else is known (and of the English façade). */
    public static final String DEFAULT = "en-GB";

    /** Vonage's {@code talk} languages (its NCCO schema). */
    static final Set<String> SUPPORTED = Set.of("ar", "bn-IN", "ca-ES", "cmn-CN", "cmn-TW", "cs-CZ", "cy-GB",
            "da-DK", "de-DE", "el-GR", "en-AU", "en-GB", "en-GB-WLS", "en-IN", "en-US", "en-ZA", "es-ES", "es-MX",
            "es-US", "eu-ES", "fi-FI", "fil-PH", "fr-CA", "fr-FR", "he-IL", "hi-IN", "hu-HU", "id-ID", "is-IS",
            "it-IT", "ja-JP", "ko-KR", "ml-IN", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU",
            "sk-SK", "sv-SE", "ta-IN", "te-IN", "th-TH", "tr-TR", "uk-UA", "vi-VN", "yue-CN");

    /**
     * Bundle → its voice, in the order the admin page offers them. Adding a language: its bundle, and a line here
     * ({@code PromptBundlesTest} says what is missing).
     */
    static final Map<String, String> BUNDLES = bundles("en-GB", "en-GB", "en-US", "en-US", "de", "de-DE", "fr",
            "fr-FR", "es", "es-ES", "it", "it-IT", "nl", "nl-NL", "pt-PT", "pt-PT", "pt-BR", "pt-BR", "pl", "pl-PL",
            "ja", "ja-JP");

    /** A language as it is spoken: the bundle its prompts come from and the provider's voice language. */
    public record Spoken(String bundle, String voice) {
    }

    private Languages() {
    }

    /** The languages a caller can be given (the voices of the bundles), in the admin page's order. */
    public static List<String> offered() {
        return List.copyOf(BUNDLES.values());
    }

    /** The bundles there are (their tags, as in their file names). */
    public static List<String> bundles() {
        return List.copyOf(BUNDLES.keySet());
    }

    /** Whether a caller may be given this language: one that has a bundle. */
    public static boolean supported(String language) {
        return language != null && BUNDLES.containsValue(language);
    }

    /** Whether the provider speaks this voice language. */
    public static boolean voice(String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /**
     * How a language tag is spoken: the bundle of the tag itself, else of its language (de-AT → de), else the first
     * bundle of its language (en-AU → en-GB); the voice is the tag when the provider speaks it and it is the bundle's
     * language (en-AU, fr-CA), else the bundle's voice (de → de-DE). A tag without a bundle of its language (or none,
     * or a malformed one) is spoken as {@code otherwise}.
     */
    public static Spoken resolve(String language, Spoken otherwise) {
        var locale = locale(language);
        if (locale == null) {
            return otherwise;
        }
        var bundle = bundleFor(locale);
        if (bundle == null) {
            return otherwise;
        }
        var voice = voice(language) && locale(bundle).getLanguage().equals(locale.getLanguage()) ? language
                : BUNDLES.get(bundle);
        return new Spoken(bundle, voice);
    }

    /** {@link #resolve(String, Spoken)} with en-GB as the last resort. */
    public static Spoken resolve(String language) {
        return resolve(language, new Spoken(DEFAULT, DEFAULT));
    }

    private static String bundleFor(Locale locale) {
        var tag = locale.toLanguageTag();
        if (BUNDLES.containsKey(tag)) {
            return tag;
        }
        if (BUNDLES.containsKey(locale.getLanguage())) {
            return locale.getLanguage();
        }
        for (var bundle : BUNDLES.keySet()) {
            if (locale(bundle).getLanguage().equals(locale.getLanguage())) {
                return bundle;
            }
        }
        return null;
    }

    private static Locale locale(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        var locale = Locale.forLanguageTag(tag.strip());
        return locale.getLanguage().isEmpty() ? null : locale;
    }

    private static Map<String, String> bundles(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** For messages: the offered languages, comma-separated. */
    static String offeredList() {
        return String.join(", ", BUNDLES.values());
    }
}
