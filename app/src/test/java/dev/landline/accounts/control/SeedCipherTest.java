package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.OtpParameters;
import dev.landline.secrets.control.ServerKeys;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedCipherTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String OTHER_SEED_KEY = "YW5vdGhlciB0ZXN0IHNlZWQga2V5LCAzMiBieXRlcyE=";
    private final ServerKeys keys = ServerKeys.of(PinHasherTest.SEED_KEY, PinHasherTest.PEPPER);
    private final SeedCipher cipher = new SeedCipher(keys);

    @Test
    void aSealedSeedOpensToTheSameBytes() throws Exception {
        var account = account(7L, 1L);
        cipher.seal(account, SEED);
        assertArrayEquals(SEED, cipher.open(account));
    }

    @Test
    void theStoredTextHoldsTheSeedInNoReadableForm() throws Exception {
        var account = account(7L, 1L);
        cipher.seal(account, SEED);
        var stored = account.sealedSecret();
        for (var form : List.of(new String(SEED, StandardCharsets.US_ASCII), HexFormat.of().formatHex(SEED),
                Base64.getEncoder().encodeToString(SEED), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")) {
            assertFalse(stored.contains(form));
        }
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() throws Exception {
        var first = account(7L, 1L);
        var second = account(7L, 1L);
        cipher.seal(first, SEED);
        cipher.seal(second, SEED);
        assertNotEquals(first.sealedSecret(), second.sealedSecret(), "a fresh nonce every time");
    }

    @Test
    void aSeedSealedForAContextOpensOnlyForThatContext() {
        var sealed = cipher.seal(SEED, "landline/enrolment/abc/caller/1/slot/0");
        var key = cipher.keyId();
        assertArrayEquals(SEED, cipher.open(sealed, key, "landline/enrolment/abc/caller/1/slot/0"));
        assertThrows(IllegalStateException.class,
                () -> cipher.open(sealed, key, "landline/enrolment/abc/caller/1/slot/1"));
        assertThrows(IllegalStateException.class,
                () -> cipher.open(sealed, key, "landline/enrolment/abd/caller/1/slot/0"));
        assertFalse(sealed.contains(Base64.getEncoder().encodeToString(SEED)));
    }

    @Test
    void aCiphertextCopiedIntoAnotherRowDoesNotOpen() throws Exception {
        var original = account(7L, 1L);
        cipher.seal(original, SEED);
        var other = account(8L, 1L);
        other.seal(original.sealedSecret(), original.keyId());
        assertThrows(IllegalStateException.class, () -> cipher.open(other));
        var otherCaller = account(7L, 2L);
        otherCaller.seal(original.sealedSecret(), original.keyId());
        assertThrows(IllegalStateException.class, () -> cipher.open(otherCaller));
    }

    @Test
    void aTamperedCiphertextOrAnotherKeyDoesNotOpenAndTheErrorHoldsNoSeed() throws Exception {
        var account = account(7L, 1L);
        cipher.seal(account, SEED);
        var bytes = Base64.getDecoder().decode(account.sealedSecret());
        bytes[bytes.length - 1] ^= 1;
        var tampered = account(7L, 1L);
        tampered.seal(Base64.getEncoder().encodeToString(bytes), account.keyId());
        var e = assertThrows(IllegalStateException.class, () -> cipher.open(tampered));
        assertFalse(e.getMessage().contains("1234567890"));

        var otherKey = new SeedCipher(ServerKeys.of(PinHasherTest.OTHER_PEPPER, PinHasherTest.PEPPER));
        assertThrows(IllegalStateException.class, () -> otherKey.open(account));
    }

    @Test
    void afterARotationASeedSealedUnderTheEarlierKeyStillOpensAndNewSealsUseTheNewKey() throws Exception {
        var account = account(7L, 1L);
        cipher.seal(account, SEED);
        var oldKeyId = account.keyId();
        var rotated = new SeedCipher(ServerKeys.of(OTHER_SEED_KEY, PinHasherTest.PEPPER, PinHasherTest.SEED_KEY,
                null));

        assertArrayEquals(SEED, rotated.open(account), "sealed before the rotation, opened after it");
        var fresh = account(8L, 1L);
        rotated.seal(fresh, SEED);
        assertNotEquals(oldKeyId, fresh.keyId(), "new seals name the current key");
        assertArrayEquals(SEED, rotated.open(fresh));
        assertThrows(IllegalStateException.class, () -> cipher.open(fresh), "the old ring lacks the new key");
    }

    @Test
    void aSeedWhoseKeyIsNoLongerConfiguredDoesNotOpenAndTheMessageNamesOnlyTheKeyId() throws Exception {
        var account = account(7L, 1L);
        cipher.seal(account, SEED);
        var withoutOldKey = new SeedCipher(ServerKeys.of(OTHER_SEED_KEY, PinHasherTest.PEPPER));

        assertFalse(withoutOldKey.opens(account.keyId()));
        var e = assertThrows(IllegalStateException.class, () -> withoutOldKey.open(account));
        assertTrue(e.getMessage().contains(account.keyId()), e.getMessage());
        assertFalse(e.getMessage().contains(PinHasherTest.SEED_KEY));
    }

    @Test
    void aCiphertextRelabelledWithTheOtherKeysIdDoesNotOpen() throws Exception {
        var account = account(7L, 1L);
        var rotated = new SeedCipher(ServerKeys.of(OTHER_SEED_KEY, PinHasherTest.PEPPER, PinHasherTest.SEED_KEY,
                null));
        cipher.seal(account, SEED);
        account.seal(account.sealedSecret(), rotated.keyId());
        assertThrows(IllegalStateException.class, () -> rotated.open(account));
    }

    @Test
    void anAccountWithoutAnIdCannotBeSealed() {
        var caller = new Caller("Ada", "5551", "hash", List.of(), "en-GB", OffsetDateTime.now());
        var account = new OtpAccount(caller, "GitHub", "ada", OtpParameters.totpDefaults(), OffsetDateTime.now());
        assertThrows(IllegalStateException.class, () -> cipher.seal(account, SEED));
    }

    static OtpAccount account(long accountId, long callerId) throws Exception {
        var caller = new Caller("Ada", "5551", "hash", List.of(), "en-GB", OffsetDateTime.now());
        setId(Caller.class, caller, callerId);
        var account = new OtpAccount(caller, "GitHub", "ada", OtpParameters.totpDefaults(), OffsetDateTime.now());
        setId(OtpAccount.class, account, accountId);
        return account;
    }

    private static <T> void setId(Class<T> type, T entity, long id) throws Exception {
        Field field = type.getDeclaredField("id");
        field.setAccessible(true);
        field.set(entity, id);
    }
}
