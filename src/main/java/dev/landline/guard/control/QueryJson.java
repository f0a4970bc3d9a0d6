package dev.landline.guard.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * A GET webhook's query the way Vonage hashes it: a JSON object of the parameters in the order received, every
 * value a string, no whitespace, escaped as JavaScript's {@code JSON.stringify} does. A repeated name keeps its
 * first place and takes the last value, as assigning to a JavaScript object does.
 */
final class QueryJson {

    private QueryJson() {
    }

    static String of(String rawQuery) {
        var parameters = new LinkedHashMap<String, String>();
        for (var pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            var value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(decode(name), decode(value));
        }
        var json = new StringBuilder("{");
        parameters.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, name);
            json.append(':');
            quote(json, value);
        });
        return json.append('}').toString();
    }

    /** Form decoding ({@code +} is a space); a broken escape is kept as sent, so its hash simply does not match. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
