package dev.landline.signatures.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        for (var parameter : parameters(rawQuery)) {
            parameters.put(parameter.getKey(), parameter.getValue());
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

    /** The decoded name and value of each parameter, in the order received, repeats included. */
    static List<Map.Entry<String, String>> parameters(String rawQuery) {
        var parameters = new ArrayList<Map.Entry<String, String>>();
        for (var pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            var value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(Map.entry(decode(name), decode(value)));
        }
        return parameters;
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
