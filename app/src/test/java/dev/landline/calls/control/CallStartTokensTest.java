package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.secrets.control.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallStartTokensTest {

    private static final String SEED_KEY = "dW5pdC10ZXN0IHNlZWQga2V5LCAzMiBieXRlcyBvayE=";
    private static final String OTHER_SEED_KEY = "YW5vdGhlciB0ZXN0IHNlZWQga2V5LCAzMiBieXRlcyE=";
    private static final String PEPPER = "dW5pdC10ZXN0IFBJTiBwZXBwZXIsIDMyIGJ5dGVzIG9r";

    private final CallStartTokens tokens = CallStartTokens.with(ServerKeys.of(SEED_KEY, PEPPER));
    private final CallStart start = new CallStart("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            "CON-11111111-2222-3333-4444-555555555555", "447700900123", "442079460001", 42L,
            Instant.parse("2026-11-26T08:00:00.123Z"));

    @Test
    void aSealedStartOpensToExactlyWhatWasSealedWithOrWithoutACallerAndNumbers() {
        assertEquals(Optional.of(start), tokens.open(tokens.seal(start)));
        var withheld = new CallStart(start.uuid(), null, null, "442079460001", null, start.answeredAt());
        assertEquals(Optional.of(withheld), tokens.open(tokens.seal(withheld)));
        assertFalse(withheld.recognised());
    }

    @Test
    void theTokenIsAnUrlPathSegmentLongerThanAnyStepTokenAndHidesTheCallersNumber() {
        var token = tokens.seal(start);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertTrue(CallStartTokens.looksSealed(token));
        assertTrue(token.length() > 43 && token.length() < 300, "length " + token.length());
        assertFalse(CallStartTokens.looksSealed(CallTokens.next()), "a step token is never taken for a start");
        var raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1);
        for (var visible : new String[] {"447700900123", "442079460001", start.uuid(), "CON-"}) {
            assertFalse(raw.contains(visible), visible + " readable in the token");
        }
        assertNotEquals(token, tokens.seal(start), "a fresh nonce every time");
    }

    @Test
    void anyAlteredByteOrATokenSealedWithAnotherKeyOpensToNothing() {
        var token = tokens.seal(start);
        var bytes = Base64.getUrlDecoder().decode(token);
        for (int i = 0; i < bytes.length; i++) {
            var altered = bytes.clone();
            altered[i] ^= 0x01;
            var text = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertEquals(Optional.empty(), tokens.open(text), "byte " + i + " altered");
        }
        assertEquals(Optional.empty(), tokens.open(token.substring(0, token.length() - 4)), "cut short");
        var otherService = CallStartTokens.with(ServerKeys.of(OTHER_SEED_KEY, PEPPER));
        assertEquals(Optional.empty(), otherService.open(token));
        assertEquals(Optional.empty(), tokens.open(otherService.seal(start)));
    }

    @Test
    void garbageAndAServiceWithoutItsKeysOpenNothingAndThrowNothing() {
        for (var garbage : new String[] {null, "", "A".repeat(43), "A".repeat(44), "A".repeat(200), "x".repeat(701),
                "not base64 at all!", "____________________________________________________________"}) {
            assertEquals(Optional.empty(), tokens.open(garbage));
        }
        var unconfigured = CallStartTokens.with(ServerKeys.of(null, null));
        assertEquals(Optional.empty(), unconfigured.open(tokens.seal(start)));
    }

    @Test
    void aStartSealedJustBeforeASeedKeyRotationStillOpensAfterItButNotOnceTheKeyIsRemoved() {
        var token = tokens.seal(start);
        var rotated = CallStartTokens.with(ServerKeys.of(OTHER_SEED_KEY, PEPPER, SEED_KEY, null));
        assertEquals(Optional.of(start), rotated.open(token));
        assertEquals(Optional.of(start), rotated.open(rotated.seal(start)));
        assertEquals(Optional.empty(), tokens.open(rotated.seal(start)), "new tokens use the new key");
        assertEquals(Optional.empty(), CallStartTokens.with(ServerKeys.of(OTHER_SEED_KEY, PEPPER)).open(token));
    }

    @Test
    void theStartKeyIsNotTheSeedKey() {
        var keys = ServerKeys.of(SEED_KEY, PEPPER);
        assertEquals(32, keys.callStartKey().getEncoded().length);
        assertFalse(java.util.Arrays.equals(keys.seedKey().getEncoded(), keys.callStartKey().getEncoded()));
    }
}
