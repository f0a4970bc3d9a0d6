package dev.landline.signatures.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * When the provider sent a signed webhook, by its own clock: the token's {@code iat} (whole seconds), or the
 * body's {@code timestamp} (ISO-8601, milliseconds; inputs and events carry one) when that is later. Both are
 * moments before the webhook left, so the later one is the closer.
 */
final class ProviderTime {

    private ProviderTime() {
    }

    static Optional<Instant> of(JsonObject claims, Payload payload) {
        var issuedAt = claims.get("iat") instanceof JsonNumber iat ? seconds(iat.bigDecimalValue()) : null;
        var stamped = payload.hashRequired() ? timestamp(payload.bytes()) : null;
        if (issuedAt == null || stamped == null) {
            return Optional.ofNullable(issuedAt == null ? stamped : issuedAt);
        }
        return Optional.of(stamped.isAfter(issuedAt) ? stamped : issuedAt);
    }

    private static Instant seconds(BigDecimal seconds) {
        try {
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValueExact());
        } catch (ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    private static Instant timestamp(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            var value = reader.read();
            if (value instanceof JsonObject object && object.get("timestamp") instanceof JsonString text) {
                return Instant.parse(text.getString());
            }
            return null;
        } catch (RuntimeException notJsonOrNotATime) {
            // the webhook reader says what is wrong with the body; here it just gives no time
            return null;
        }
    }
}
