package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.secrets.control.ServerKeys;
import org.junit.jupiter.api.Test;

class PinHasherTest {

    static final String SEED_KEY = "dW5pdC10ZXN0IHNlZWQga2V5LCAzMiBieXRlcyBvayE=";
    static final String PEPPER = "dGVzdCBwZXBwZXIgdGVzdCBwZXBwZXIgMzIgYnl0ZXM=";
    static final String OTHER_PEPPER = "b3RoZXIgdW5pdC10ZXN0IGtleSwgMzIgYnl0ZXMhISE=";

    private final PinHasher hasher = new PinHasher(ServerKeys.of(SEED_KEY, PEPPER), 1_000);

    @Test
    void theRightPinMatchesAndAWrongOneDoesNot() {
        var stored = hasher.hash("480261");
        assertTrue(hasher.matches("480261", stored));
        assertFalse(hasher.matches("480262", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void theHashHoldsNoPinAndCarriesItsParameters() {
        var stored = hasher.hash("480261");
        assertFalse(stored.contains("480261"));
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
    }

    @Test
    void theSamePinHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("480261"), hasher.hash("480261"));
    }

    @Test
    void withoutThePepperTheDatabaseAloneCannotVerify() {
        var stored = hasher.hash("480261");
        var attacker = new PinHasher(ServerKeys.of(SEED_KEY, OTHER_PEPPER), 1_000);
        assertFalse(attacker.matches("480261", stored), "the right PIN with the wrong pepper must not match");
    }

    @Test
    void aHashMadeWithOtherIterationsStillVerifies() {
        var stored = new PinHasher(ServerKeys.of(SEED_KEY, PEPPER), 2_000).hash("480261");
        assertTrue(hasher.matches("480261", stored));
    }

    @Test
    void aHashStoredByTheJdksPbkdf2BeforeTheFasterDerivationStillVerifies() throws Exception {
        // what PinHasher stored until the derivation became Pbkdf2HmacSha256: the JDK's PBKDF2WithHmacSHA256 over
        // the hex of HMAC-SHA256(pepper, PIN)
        var keys = ServerKeys.of(SEED_KEY, PEPPER);
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(keys.pepper());
        var peppered = java.util.HexFormat.of().formatHex(mac.doFinal("480261".getBytes()));
        var salt = "sixteen byte sal".getBytes();
        var jdk = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(peppered.toCharArray(), salt, 1_000, 256)).getEncoded();
        var b64 = java.util.Base64.getEncoder().withoutPadding();
        var stored = String.join("$", "pbkdf2-sha256", "1000", b64.encodeToString(salt), b64.encodeToString(jdk),
                keys.pepperId());

        assertTrue(hasher.matches("480261", stored));
        assertFalse(hasher.matches("480262", stored));
    }

    @Test
    void aCorruptStoredHashDoesNotMatchAndDoesNotThrow() {
        for (var corrupt : new String[] {"md5$abc", "pbkdf2-sha256$x$a$b$c", "pbkdf2-sha256$-5$a$b$c",
                "pbkdf2-sha256$1000$!!$??$c", "", "$$$$"}) {
            assertFalse(hasher.matches("480261", corrupt), corrupt);
        }
    }

    @Test
    void aHashWithOtherIterationsOrAnotherPepperIsOutdatedAndTodaysIsNot() {
        assertFalse(hasher.outdated(hasher.hash("480261")));
        assertTrue(hasher.outdated(new PinHasher(ServerKeys.of(SEED_KEY, PEPPER), 2_000).hash("480261")));
        assertTrue(hasher.outdated(new PinHasher(ServerKeys.of(SEED_KEY, OTHER_PEPPER), 1_000).hash("480261")));
    }

    @Test
    void afterAPepperRotationAnOldHashStillVerifiesIsOutdatedAndItsRehashUsesTheNewPepper() {
        var old = hasher.hash("480261");
        var rotated = new PinHasher(ServerKeys.of(SEED_KEY, OTHER_PEPPER, null, PEPPER), 1_000);

        assertTrue(rotated.matches("480261", old), "hashed with the earlier pepper, verified after the rotation");
        assertFalse(rotated.matches("480262", old));
        assertTrue(rotated.outdated(old), "an earlier pepper's hash is rehashed on the next correct PIN");
        var rehashed = rotated.hash("480261");
        assertFalse(rotated.outdated(rehashed));
        assertTrue(rehashed.endsWith("$" + ServerKeys.of(SEED_KEY, OTHER_PEPPER).pepperId()), rehashed);
        assertFalse(hasher.matches("480261", rehashed), "the old ring does not know the new pepper");
    }

    @Test
    void aHashWhosePepperIsNoLongerConfiguredMatchesNothingAndDoesNotThrow() {
        var old = hasher.hash("480261");
        var withoutOld = new PinHasher(ServerKeys.of(SEED_KEY, OTHER_PEPPER), 1_000);
        assertFalse(withoutOld.matches("480261", old));
        assertEquals(java.util.Optional.of(ServerKeys.of(SEED_KEY, PEPPER).pepperId()), PinHasher.pepperIdOf(old));
    }

    @Test
    void aHashRelabelledWithTheOtherPeppersIdDoesNotMatch() {
        var rotated = new PinHasher(ServerKeys.of(SEED_KEY, OTHER_PEPPER, null, PEPPER), 1_000);
        var old = hasher.hash("480261");
        var relabelled = old.substring(0, old.lastIndexOf('$') + 1) + ServerKeys.of(SEED_KEY, OTHER_PEPPER).pepperId();
        assertFalse(rotated.matches("480261", relabelled));
    }

    @Test
    void theDecoyForUnknownAccountsIsAHashWithTodaysParametersThatNoPinMatches() {
        var decoy = hasher.decoy();
        var real = hasher.hash("480261");

        // today's scheme, iterations and pepper, a salt and a hash as long as a caller's: checking a PIN against it
        // runs the same one derivation, with no early return
        assertFalse(hasher.outdated(decoy), decoy);
        var decoyParts = decoy.split("\\$");
        var realParts = real.split("\\$");
        assertEquals(realParts.length, decoyParts.length);
        for (int i = 0; i < realParts.length; i++) {
            assertEquals(realParts[i].length(), decoyParts[i].length(), "field " + i);
        }
        assertEquals(decoy, hasher.decoy(), "made once");
        for (var pin : new String[] {"480261", "0", "", "12345678"}) {
            assertFalse(hasher.matchesNothing(pin));
            assertFalse(hasher.matches(pin, decoy));
        }
    }

    @Test
    void aConfiguredIterationCountBelowTheFloorIsRefusedAndNothingIsHashedOrChecked() {
        var weak = new PinHasher(ServerKeys.of(SEED_KEY, PEPPER), PinHasher.MINIMUM_ITERATIONS - 1);
        var stored = hasher.hash("480261");
        weak.checkIterations();

        assertTrue(weak.problem().orElseThrow().contains("landline.pin.hash-iterations"));
        assertThrows(PinsUncheckable.class, () -> weak.hash("480261"));
        assertThrows(PinsUncheckable.class, () -> weak.matches("480261", stored));
        assertThrows(PinsUncheckable.class, () -> weak.matchesNothing("480261"));
        var atTheFloor = new PinHasher(ServerKeys.of(SEED_KEY, PEPPER), PinHasher.MINIMUM_ITERATIONS);
        atTheFloor.checkIterations();
        assertEquals(java.util.Optional.empty(), atTheFloor.problem());
    }
}
