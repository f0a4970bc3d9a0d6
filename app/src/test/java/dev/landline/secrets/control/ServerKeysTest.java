package dev.landline.secrets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerKeysTest {

    private static final String SEED_KEY = "dW5pdC10ZXN0IHNlZWQga2V5LCAzMiBieXRlcyBvayE=";
    private static final String OTHER_SEED_KEY = "YW5vdGhlciB0ZXN0IHNlZWQga2V5LCAzMiBieXRlcyE=";
    private static final String PEPPER = "dGVzdCBwZXBwZXIgdGVzdCBwZXBwZXIgMzIgYnl0ZXM=";
    private static final String OTHER_PEPPER = "b3RoZXIgdW5pdC10ZXN0IGtleSwgMzIgYnl0ZXMhISE=";

    @Test
    void theRingsHoldTheCurrentKeyFirstThenTheEarlierOnesEachUnderItsOwnId() {
        var before = ServerKeys.of(SEED_KEY, PEPPER);
        var after = ServerKeys.of(OTHER_SEED_KEY, OTHER_PEPPER, " " + SEED_KEY + " , ", PEPPER);

        assertEquals(List.of(), after.problems());
        assertEquals(List.of(after.seedKeyId(), before.seedKeyId()), after.seedKeyIds());
        assertEquals(List.of(after.pepperId(), before.pepperId()), after.pepperIds());
        assertEquals(before.seedKey(), after.seedKey(before.seedKeyId()).orElseThrow());
        assertEquals(before.pepper(), after.pepper(before.pepperId()).orElseThrow());
        assertEquals(2, after.callStartKeys().size());
        assertEquals(before.callStartKey(), after.callStartKeys().get(1));
        assertTrue(before.seedKey(after.seedKeyId()).isEmpty(), "a key is never found under an unknown id");
    }

    @Test
    void theCurrentKeyRepeatedAmongTheEarlierOnesIsHeldOnce() {
        var keys = ServerKeys.of(SEED_KEY, PEPPER, SEED_KEY, PEPPER);
        assertEquals(1, keys.seedKeyIds().size());
        assertEquals(1, keys.pepperIds().size());
        assertEquals(1, keys.callStartKeys().size());
    }

    @Test
    void aDamagedEarlierKeyMakesTheServiceNotReadyAndTheReasonNamesTheSettingButNoKey() {
        var keys = ServerKeys.of(OTHER_SEED_KEY, OTHER_PEPPER, SEED_KEY + ",c2hvcnQ=", "not base64!");
        var problems = String.join("; ", keys.problems());
        assertTrue(problems.contains("landline.seed-key.previous (key 2) must be at least 32"), problems);
        assertTrue(problems.contains("landline.pin-pepper.previous (pepper 1) is not valid Base64"), problems);
        assertFalse(problems.contains(SEED_KEY) || problems.contains("c2hvcnQ="), problems);
    }
}
