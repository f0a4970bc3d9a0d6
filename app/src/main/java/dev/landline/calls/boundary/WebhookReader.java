package dev.landline.calls.boundary;

import dev.landline.calls.control.IncomingCall;
import dev.landline.calls.control.KeyPresses;
import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.PayloadTooLarge;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads Vonage webhook bodies strictly: at most {@value #MAX_BYTES} bytes of UTF-8 JSON, an object, each field
 * of the expected type and size. Anything else is a {@link BadRequest} naming the field (never echoing values).
 * DTMF is accepted in the current shape ({@code "dtmf": {"digits": "1234", "timed_out": false}}) and the legacy
 * one ({@code "dtmf": "1234"} with a top-level {@code timed_out}).
 */
final class WebhookReader {

    static final int MAX_BYTES = 16 * 1024;
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private WebhookReader() {
    }

    static IncomingCall answer(InputStream body) {
        var json = object(body);
        return answer(text(json, "uuid", 64), text(json, "conversation_uuid", 80), text(json, "from", 64),
                text(json, "to", 64));
    }

    static IncomingCall answer(String uuid, String conversationUuid, String from, String to) {
        return new IncomingCall(callId(uuid), limit(conversationUuid, "conversation_uuid", 80),
                limit(from, "from", 64), limit(to, "to", 64));
    }

    static KeyPresses input(InputStream body) {
        var json = object(body);
        var uuid = callId(text(json, "uuid", 64));
        var dtmf = json.get("dtmf");
        String typed;
        if (dtmf == null || dtmf.getValueType() == JsonValue.ValueType.NULL) {
            typed = null;
        } else if (dtmf instanceof JsonString legacy) {
            typed = legacy.getString();
        } else if (dtmf instanceof JsonObject current) {
            typed = text(current, "digits", 64);
        } else {
            throw new BadRequest("dtmf", "must be an object or a string");
        }
        return keyPresses(uuid, typed);
    }

    /** A call status event; its call id and status may be null (error events carry neither). */
    record StatusEvent(String uuid, String status) {
    }

    static StatusEvent event(InputStream body) {
        var json = object(body);
        var uuid = text(json, "uuid", 64);
        return new StatusEvent(uuid == null ? null : callId(uuid), text(json, "status", 32));
    }

    static KeyPresses keyPresses(String uuid, String typed) {
        if (typed == null) {
            return new KeyPresses(uuid, null, false);
        }
        var digits = typed.endsWith("#") ? typed.substring(0, typed.length() - 1) : typed;
        if (digits.isEmpty()) {
            return new KeyPresses(uuid, null, false);
        }
        if (!DIGITS.matcher(digits).matches()) {
            return new KeyPresses(uuid, "", true);
        }
        return new KeyPresses(uuid, digits, false);
    }

    private static String callId(String uuid) {
        if (uuid == null || uuid.isEmpty()) {
            throw new BadRequest("uuid", "the call's uuid is required");
        }
        if (!CALL_ID.matcher(uuid).matches()) {
            throw new BadRequest("uuid", "not a call uuid");
        }
        return uuid;
    }

    private static String limit(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new BadRequest(field, "longer than " + max + " characters");
        }
        return value;
    }

    private static String text(JsonObject json, String field, int max) {
        var value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new BadRequest(field, "must be a string");
        }
        return limit(string.getString(), field, max);
    }

    private static JsonObject object(InputStream body) {
        var text = new String(read(body), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new BadRequest("body", "a JSON object is required");
        }
        JsonValue value;
        try (var parser = Json.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new BadRequest("body", "not valid JSON: something follows the object");
            }
        } catch (BadRequest e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParsingException, and what parsers throw past their nesting limit or on absurd numbers
            throw new BadRequest("body", "not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw new BadRequest("body", "must be a JSON object");
        }
        return object;
    }

    private static byte[] read(InputStream body) {
        return PayloadTooLarge.readAtMost(body, MAX_BYTES);
    }

}
