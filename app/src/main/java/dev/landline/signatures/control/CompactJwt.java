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
import java.util.regex.Pattern;

/**
 * A JWT in compact form, split and decoded but not trusted yet: its header (a JSON object), the bytes the
 * signature covers, the claims (parsed only on demand, after the signature has been checked) and the signature.
 * Each part must be canonical unpadded Base64url, and JSON must be strict UTF-8 holding one object.
 */
record CompactJwt(JsonObject header, byte[] signingInput, byte[] claimBytes, byte[] signature) {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
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

    private static Optional<byte[]> decode(String part) {
        if (!BASE64URL.matcher(part).matches()) {
            return Optional.empty();
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(part);
            var canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part);
            return canonical ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
