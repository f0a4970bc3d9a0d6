package dev.landline.accounts.control;

import java.util.Set;

/** The speech languages Vonage's NCCO schema accepts for {@code talk}. */
public final class Languages {

    public static final String DEFAULT = "en-GB";

    static final Set<String> SUPPORTED = Set.of("ar", "bn-IN", "ca-ES", "cmn-CN", "cmn-TW", "cs-CZ", "cy-GB",
            "da-DK", "de-DE", "el-GR", "en-AU", "en-GB", "en-GB-WLS", "en-IN", "en-US", "en-ZA", "es-ES", "es-MX",
            "es-US", "eu-ES", "fi-FI", "fil-PH", "fr-CA", "fr-FR", "he-IL", "hi-IN", "hu-HU", "id-ID", "is-IS",
            "it-IT", "ja-JP", "ko-KR", "ml-IN", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO", "ru-RU",
            "sk-SK", "sv-SE", "ta-IN", "te-IN", "th-TH", "tr-TR", "uk-UA", "vi-VN", "yue-CN");

    private Languages() {
    }

    public static boolean supported(String language) {
        return language != null && SUPPORTED.contains(language);
    }
}
