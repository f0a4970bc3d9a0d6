package dev.landline.signatures.boundary;

import java.util.regex.Pattern;

/**
 * A request path as it may be logged: still percent-encoded (so no line breaks), the single-use token of every
 * per-step URL masked (Vonage's {@code /input/{token}}, Twilio's {@code /twilio/gather/{token}}), and cut to a sane
 * length.
 */
final class LoggedPath {

    private static final int MAX_CHARS = 200;
    /** The path segments after which the next segment is a call's single-use token. */
    private static final Pattern TOKEN = Pattern.compile("(/input|/twilio(?:;[^/]*)?/gather)((?:;[^/]*)?)/[^/]+");

    private LoggedPath() {
    }

    static String of(String rawPath) {
        if (rawPath == null) {
            return "";
        }
        var masked = TOKEN.matcher(rawPath).replaceAll("$1$2/{token}");
        return masked.length() > MAX_CHARS ? masked.substring(0, MAX_CHARS) + "…" : masked;
    }
}
