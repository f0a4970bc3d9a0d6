package dev.landline.signatures.boundary;

/**
 * A request path as it may be logged: still percent-encoded (so no line breaks), the single-use token of an
 * input URL masked, and cut to a sane length.
 */
final class LoggedPath {

    private static final int MAX_CHARS = 200;

    private LoggedPath() {
    }

    static String of(String rawPath) {
        if (rawPath == null) {
            return "";
        }
        var masked = rawPath.replaceAll("/input/[^/]+", "/input/{token}");
        return masked.length() > MAX_CHARS ? masked.substring(0, MAX_CHARS) + "…" : masked;
    }
}
