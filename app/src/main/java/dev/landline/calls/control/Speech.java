package dev.landline.calls.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the caller hears, independent of how a provider wants it: plain text and digit strings read one by one.
 * Text is escaped once, when rendered ({@link #ssml()}), so names from users (issuers, labels) cannot inject markup,
 * and loses its bidirectional controls so it cannot turn the rest of a prompt around. Never shows its words in
 * {@link #toString()}: they may hold a code.
 */
public record Speech(List<Part> parts) {

    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    /** A piece of speech. */
    public sealed interface Part permits Text, Digits {
    }

    /** Words, spoken as they are written. */
    public record Text(String text) implements Part {
    }

    /** ASCII digits, read one by one. */
    public record Digits(String digits) implements Part {

        public Digits {
            if (digits == null || !asciiDigits(digits)) {
                throw new IllegalArgumentException("only ASCII digits are read digit by digit");
            }
        }

        private static boolean asciiDigits(String digits) {
            if (digits.isEmpty()) {
                return false;
            }
            for (int i = 0; i < digits.length(); i++) {
                var c = digits.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "Digits[" + digits.length() + "]";
        }
    }

    public Speech {
        parts = List.copyOf(parts);
    }

    public static Speech text(String text) {
        return new Speech(List.of(new Text(text)));
    }

    public static Speech digits(String digits) {
        return new Speech(List.of(new Digits(digits)));
    }

    /** Sentences one after the other, a space between them. */
    public static Speech sentences(Speech first, Speech... more) {
        var speech = first;
        for (var next : more) {
            speech = speech.plus(" ").plus(next);
        }
        return speech;
    }

    /** This, then the next sentence (a space between). */
    public Speech then(Speech next) {
        return sentences(this, next);
    }

    /** This, directly followed by more words. */
    public Speech plus(String text) {
        return plus(text(text));
    }

    /** This, directly followed by more speech. */
    public Speech plus(Speech more) {
        var joined = new ArrayList<>(parts);
        joined.addAll(more.parts);
        return new Speech(joined);
    }

    /** One SSML document. */
    public String ssml() {
        return "<speak>" + markup() + "</speak>";
    }

    /** The SSML content without its {@code <speak>} element: text escaped, digits as {@code say-as digits}. */
    public String markup() {
        var out = new StringBuilder();
        for (var part : parts) {
            if (part instanceof Digits d) {
                out.append("<say-as interpret-as='digits'>").append(d.digits()).append("</say-as>");
            } else if (part instanceof Text t) {
                out.append(escape(t.text()));
            }
        }
        return out.toString();
    }

    /**
     * Text as SSML text: markup characters escaped, and bidirectional embeddings, overrides and isolates
     * (U+202A–U+202E, U+2066–U+2069) dropped. They have no sound, and an unclosed one would turn the rest of the
     * prompt around wherever it is shown (the browser phone's transcript, a provider's call log), digits of the
     * code included.
     */
    static String escape(String text) {
        return BIDI_CONTROLS.matcher(text).replaceAll("").replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    /** Never the words: they may hold a code. */
    @Override
    public String toString() {
        return "Speech[parts=" + parts.size() + "]";
    }
}
