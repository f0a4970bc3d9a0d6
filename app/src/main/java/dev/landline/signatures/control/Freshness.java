package dev.landline.signatures.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The time claims of a signed token: {@code iat} is required and must lie within the allowed age of now, either
 * way (so a token minted by a clock running ahead is refused too); {@code exp} and {@code nbf}, when present, are
 * honoured with {@value #LEEWAY_SECONDS} s of leeway for clock skew.
 */
final class Freshness {

    static final long LEEWAY_SECONDS = 30;

    private Freshness() {
    }

    /** Empty when the token is fresh; otherwise why not. */
    static Optional<Verdict> check(JsonObject claims, Instant now, long maxAgeSeconds) {
        try {
            var issuedAt = seconds(claims, "iat");
            if (issuedAt.isEmpty() || !optionalNumber(claims, "exp") || !optionalNumber(claims, "nbf")) {
                return Optional.of(Verdict.BAD_TIME_CLAIM);
            }
            var at = new BigDecimal(now.getEpochSecond()).add(BigDecimal.valueOf(now.getNano(), 9));
            var maxAge = BigDecimal.valueOf(maxAgeSeconds);
            var leeway = BigDecimal.valueOf(LEEWAY_SECONDS);
            if (issuedAt.get().compareTo(at.subtract(maxAge)) < 0) {
                return Optional.of(Verdict.STALE);
            }
            if (issuedAt.get().compareTo(at.add(maxAge)) > 0) {
                return Optional.of(Verdict.FUTURE);
            }
            if (seconds(claims, "exp").filter(exp -> at.compareTo(exp.add(leeway)) >= 0).isPresent()) {
                return Optional.of(Verdict.EXPIRED);
            }
            if (seconds(claims, "nbf").filter(nbf -> at.compareTo(nbf.subtract(leeway)) < 0).isPresent()) {
                return Optional.of(Verdict.NOT_YET_VALID);
            }
            return Optional.empty();
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.of(Verdict.BAD_TIME_CLAIM);
        }
    }

    private static boolean optionalNumber(JsonObject claims, String name) {
        return !claims.containsKey(name) || claims.get(name) instanceof JsonNumber;
    }

    private static Optional<BigDecimal> seconds(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonNumber number ? Optional.of(number.bigDecimalValue()) : Optional.empty();
    }
}
