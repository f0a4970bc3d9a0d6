package dev.landline.calls.boundary;

import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.Reply;
import dev.landline.calls.control.Speech;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Twilio's TwiML: the XML document that answers a voice webhook. A listening reply is one {@code <Gather>} of DTMF
 * holding every {@code <Say>} (the caller may type during them), then a {@code <Redirect>} to the same single-use
 * action URL, which Twilio follows when nothing was typed (it does not call the action then); an ending reply is the
 * {@code <Say>}s and {@code <Hangup/>}. Say text is plain text, never SSML (Twilio's basic voices read tags aloud):
 * digits are written "2, 8, 7", which every voice reads one by one with a pause. Written by hand, not by the
 * server's StAX implementation, so every server sends the same bytes: all text and attribute values are escaped,
 * bidirectional controls (U+202A–U+202E, U+2066–U+2069) are dropped as {@link Speech} drops them, and so is
 * anything XML 1.0 cannot carry (other control characters, lone surrogates).
 */
public final class Twiml {

    /** What a TwiML reply is sent as. */
    public static final String MEDIA_TYPE = "application/xml;charset=UTF-8";

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private Twiml() {
    }

    /**
     * Renders a reply; {@code gatherUrl} turns a call token into the absolute URL of the next gather webhook;
     * {@code voice}, when present, is the {@code voice} of every {@code <Say>}.
     */
    public static String of(Reply reply, Function<String, URI> gatherUrl, Optional<String> voice) {
        var says = new StringBuilder();
        for (var speech : reply.speech()) {
            says.append("<Say");
            voice.ifPresent(name -> attribute(says, "voice", name));
            attribute(says, "language", reply.language());
            says.append('>').append(escape(text(speech))).append("</Say>");
        }
        var out = new StringBuilder(DECLARATION).append("<Response>");
        if (reply.ends()) {
            out.append(says).append("<Hangup/>");
        } else {
            var listen = reply.listen();
            var action = gatherUrl.apply(listen.token()).toString();
            out.append("<Gather");
            attribute(out, "input", "dtmf");
            attribute(out, "numDigits", Integer.toString(listen.maxDigits()));
            attribute(out, "finishOnKey", listen.submitOnHash() ? "#" : "");
            attribute(out, "timeout", Integer.toString(listen.timeoutSeconds()));
            attribute(out, "action", action);
            attribute(out, "method", "POST");
            out.append('>').append(says).append("</Gather>");
            out.append("<Redirect");
            attribute(out, "method", "POST");
            out.append('>').append(escape(action)).append("</Redirect>");
        }
        return out.append("</Response>").toString();
    }

    /** "Sorry, … cannot read codes right now. Please try again later. Goodbye." and the call ends. */
    static String apology(Optional<String> voice) {
        var language = WebhookFailureMapper.serverLanguage();
        var reply = new Reply(language, List.of(Prompts.in(language).unavailable()), null);
        return of(reply, token -> {
            throw new IllegalStateException("an apology listens for nothing");
        }, voice);
    }

    /** The words as Twilio should say them: text as written, digits separated by ", ". */
    static String text(Speech speech) {
        var out = new StringBuilder();
        for (var part : speech.parts()) {
            if (part instanceof Speech.Digits digits) {
                for (int i = 0; i < digits.digits().length(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    out.append(digits.digits().charAt(i));
                }
            } else if (part instanceof Speech.Text text) {
                out.append(text.text());
            }
        }
        return out.toString();
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }

    /** Markup characters escaped; bidirectional controls and what XML 1.0 cannot carry dropped. */
    static String escape(String text) {
        var visible = BIDI_CONTROLS.matcher(text).replaceAll("");
        var out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            var c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < visible.length()
                            && Character.isLowSurrogate(visible.charAt(i + 1))) {
                        out.append(c).append(visible.charAt(++i));
                    } else if (xmlChar(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A character XML 1.0 allows on its own (surrogate pairs are handled by the caller). */
    private static boolean xmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
    }
}
