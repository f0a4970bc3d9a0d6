package dev.landline.signatures.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A JWT in compact form, split and decoded but not trusted yet: its header (a JSON object), the bytes the
 * signature covers, the claims (parsed only on demand, after the signature has been checked) and the signature.
 * Each part must be canonical unpadded Base64url, and JSON must be strict UTF-8 holding one object.
 */
record CompactJwt(JsonObject header, byte[] signingInput, byte[] claimBytes, byte[] signature) {

    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of());

    static Optional<CompactJwt> parse(String token) {
        var parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        var header = decode(parts[0]).flatMap(CompactJwt::object);
        var claims = decode(parts[1]);
        var signature = decode(parts[2]);
        if (header.isEmpty() || claims.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        var signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return Optional.of(new CompactJwt(header.get(), signingInput, claims.get(), signature.get()));
    }

    Optional<JsonObject> claims() {
        return object(claimBytes);
    }

    /**
     * Canonical unpadded Base64url only: the alphabet's characters, a length a Base64 encoding can have, and zero in
     * the unused low bits of the last character (what re-encoding the bytes would give back, without doing it).
     */
    private static Optional<byte[]> decode(String part) {
        var last = -1;
        for (var i = 0; i < part.length(); i++) {
            last = base64url(part.charAt(i));
            if (last < 0) {
                return Optional.empty();
            }
        }
        var unusedBits = switch (part.length() % 4) {
            case 0 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> -1; // one character short of a byte
        };
        if (unusedBits < 0 || part.length() > 0 && (last & ((1 << unusedBits) - 1)) != 0) {
            return Optional.empty();
        }
        return Optional.of(Base64.getUrlDecoder().decode(part));
    }

    /** The value of a Base64url character, or -1 for any other. */
    private static int base64url(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    /**
     * Exactly one JSON object and nothing after it. Any failure of the parser counts as malformed: on hostile input
     * JSON-P implementations throw more than {@code JsonException} (Parsson: a plain {@code RuntimeException} past
     * its nesting limit, {@code NumberFormatException} for an exponent out of range).
     */
    private static Optional<JsonObject> object(byte[] utf8) {
        try (var parser = JSON.createParser(new StringReader(strictUtf8(utf8)))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            var object = parser.getObject();
            return parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
}
