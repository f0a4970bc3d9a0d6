package dev.landline.codes.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of Key URI labels and parameter values. Decoding also reads {@code +} as a space:
 * that is form encoding, not RFC 3986, but Java's {@code URLEncoder} (and so Aerogear's {@code Totp.uri}) writes
 * spaces that way, and a literal {@code +} has no business in an issuer or account name. Encoding writes
 * {@code %20}, so our own URIs mean the same to strict readers.
 */
final class PercentEncoding {

    private static final String HEX = "0123456789ABCDEF";

    private PercentEncoding() {
    }

    /** Decodes %XX escapes (UTF-8) and {@code +}; a broken escape or invalid UTF-8 is an error on {@code field}. */
    static String decode(String text, String field) {
        var decoded = new StringBuilder(text.length());
        var escaped = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
                int low = i + 2 < text.length() ? hex(text.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw new InvalidOtpInput(field, "the " + field + " has a broken %-escape");
                }
                escaped.write(high * 16 + low);
                i += 2;
                continue;
            }
            flush(escaped, decoded, field);
            decoded.append(c == '+' ? ' ' : c);
        }
        flush(escaped, decoded, field);
        return decoded.toString();
    }

    /** Encodes everything but the RFC 3986 unreserved characters, UTF-8, upper-case hex. */
    static String encode(String text) {
        var encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return encoded.toString();
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static void flush(ByteArrayOutputStream escaped, StringBuilder decoded, String field) {
        if (escaped.size() == 0) {
            return;
        }
        try {
            decoded.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(escaped.toByteArray())));
        } catch (CharacterCodingException e) {
            throw new InvalidOtpInput(field, "the " + field + " has %-escapes that are not UTF-8");
        }
        escaped.reset();
    }
}
