package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.AdminClient;
import dev.landline.testkit.CallPlayer;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against whatever server runs the WAR, over HTTP only, through one voice provider: the same scenarios
 * for each provider ({@link VonageCallScenarios}, {@link TwilioCallScenarios}, which add what only that provider
 * has), each call played by that provider's player of the test kit ({@link CallPlayer.Provider#dial}), signed the
 * way that provider signs. The server's clock is the real one, so a TOTP code is checked against the independent
 * computation at the instant the webhook was sent or answered (the service decided in between).
 */
abstract class CallScenarios extends RunningServer {

    static final String PIN = "258036";
    /** RFC 6238's SHA-1 seed, "12345678901234567890". */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final String OTHER_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    AdminClient admin;
    /** The number called: one of its own per scenario, so the per-called-number call cap never interferes. */
    String to;

    /** The provider every call of these scenarios comes through. */
    abstract CallPlayer.Provider provider();

    /** A call from this number (international digits without '+'; null: withheld) through {@link #provider()}. */
    CallPlayer dial(String from) {
        return provider().dial(base, from, to);
    }

    @BeforeEach
    void setUp() {
        admin = new AdminClient(base);
        to = uniqueCalledNumber();
    }

    @Test
    void aRecognisedCallerIsAskedOnlyForThePinAndHearsTheCodeOfThatMomentTwice() {
        var phone = uniquePhone();
        var caller = admin.caller("Ada", uniqueAccountNumber(), PIN, "+" + phone);
        admin.account(caller, "otpauth://totp/GitHub:ada?secret=" + RFC_SECRET + "&issuer=GitHub");

        var call = dial(phone);
        assertTrue(call.heard().contains("PIN"), call.heard());
        assertFalse(call.heard().contains("account number"), call.heard());

        call.press(PIN + "#");
        assertTrue(call.heard().contains("GitHub"), call.heard());
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
        assertTrue(call.heard().contains("Press 1 to hear it again"), call.heard());
        call.hangUp();
    }

    @Test
    void aCallerFromAnUnknownPhoneGivesTheAccountNumberThenThePin() {
        var account = uniqueAccountNumber();
        var caller = admin.caller("Bob", account, PIN, "+" + uniquePhone());
        admin.accountJson(caller, "{\"issuer\":\"Bank\",\"label\":\"bob\",\"secret\":\"" + OTHER_SECRET
                + "\",\"algorithm\":\"SHA256\",\"digits\":8,\"period\":60}");

        var call = dial(uniquePhone());
        assertTrue(call.heard().contains("account number"), call.heard());
        call.press(account + "#");
        assertTrue(call.heard().contains("PIN"), call.heard());
        call.assertNoCodeHeard(OTHER_SECRET); // no code of Bob's HMAC-SHA256, 8-digit, 60 s account before the PIN
        call.press(PIN + "#");
        assertTotpHeard(call, OTHER_SECRET, 60, 8, "HmacSHA256");
    }

    @Test
    void threeWrongPinsEndTheCallWithoutACodeAndAreCountedUntilAnAdministratorUnlocks() {
        var phone = uniquePhone();
        var caller = admin.caller("Cy", uniqueAccountNumber(), PIN, phone);
        admin.account(caller, "otpauth://totp/GitHub:cy?secret=" + RFC_SECRET);

        dial(phone).assertThreeWrongPinsEndTheCallPolitely(RFC_SECRET);
        assertEquals(3, admin.lockout(caller).getInt("consecutiveFailures"));

        var unlock = Http.admin("DELETE", base.resolve("api/callers/" + caller + "/lockout"), null);
        assertEquals(204, unlock.statusCode(), unlock::body);
        assertEquals(0, admin.lockout(caller).getInt("consecutiveFailures"));
        var next = dial(phone).press(PIN + "#");
        assertTotpHeard(next, RFC_SECRET, 30, 6, "HmacSHA1");
    }

    @Test
    void theMenuReadsTheChosenAccountAndAnHotpCounterMovesOn() {
        var phone = uniquePhone();
        var caller = admin.caller("Eve", uniqueAccountNumber(), PIN, phone);
        admin.account(caller, "otpauth://totp/GitHub:eve?secret=" + RFC_SECRET + "&issuer=GitHub");
        admin.accountJson(caller, "{\"issuer\":\"Bank\",\"label\":\"eve\",\"secret\":\"" + OTHER_SECRET
                + "\",\"algorithm\":\"SHA512\",\"digits\":8,\"period\":60}");
        admin.account(caller, "otpauth://hotp/Vault:eve?secret=" + OTHER_SECRET + "&issuer=Vault&counter=5");

        var call = dial(phone).press(PIN + "#");
        assertTrue(call.heard().contains("For GitHub, press 1. For Bank, press 2. For Vault, press 3."), call.heard());
        call.press("2");
        assertTrue(call.heard().contains("Bank"), call.heard());
        assertTotpHeard(call, OTHER_SECRET, 60, 8, "HmacSHA512");

        call.press("2");
        assertTrue(call.heard().contains("For GitHub, press 1."), "2 goes back to the menu: " + call.heard());
        call.press("3");
        var counter5 = ReferenceOtp.hotp(ReferenceOtp.base32(OTHER_SECRET), 5, 6, "HmacSHA1");
        assertEquals(List.of(counter5, counter5), call.spokenCodes(), call.heard());
        call.hangUp();

        var accounts = Http.array(Http.admin("GET", base.resolve("api/callers/" + caller + "/accounts"), null));
        assertEquals(6, accounts.getJsonObject(2).getInt("counter"), "the counter moved on: " + accounts);
        var again = dial(phone).press(PIN + "#").press("3");
        var counter6 = ReferenceOtp.hotp(ReferenceOtp.base32(OTHER_SECRET), 6, 6, "HmacSHA1");
        assertEquals(List.of(counter6, counter6), again.spokenCodes(), again.heard());
    }

    @Test
    void inTheLastSecondsOfAStepTheNextStepsCodeIsRead() throws InterruptedException {
        var phone = uniquePhone();
        var caller = admin.caller("Flo", uniqueAccountNumber(), PIN, phone);
        // a 10-second period: the boundary comes round quickly; fewer than 7 s left means the next code
        admin.accountJson(caller, "{\"issuer\":\"Short\",\"label\":\"flo\",\"secret\":\"" + RFC_SECRET + "\",\"period\":10}");
        var call = dial(phone);

        // wait until 4 to 5 seconds remain in the current step, then type the PIN
        while (Math.floorMod(Instant.now().toEpochMilli(), 10_000L) < 5_000
                || Math.floorMod(Instant.now().toEpochMilli(), 10_000L) > 6_000) {
            Thread.sleep(50);
        }
        call.press(PIN + "#");
        long stepWhenSent = Math.floorDiv(call.sentAt().getEpochSecond(), 10);
        var key = ReferenceOtp.base32(RFC_SECRET);
        assertEquals(stepWhenSent + 1, ReferenceOtp.stepReadAt(call.sentAt(), 10), "the test stood at the boundary");
        assertTotpHeard(call, RFC_SECRET, 10, 6, "HmacSHA1");
        assertNotEquals(ReferenceOtp.hotp(key, stepWhenSent, 6, "HmacSHA1"), call.spokenCodes().get(0),
                "not the code that was about to expire");
        if (call.answeredAt().toEpochMilli() - call.sentAt().toEpochMilli() < 1_000) {
            assertTrue(call.heard().contains("about to change") && call.heard().contains("valid in"), call.heard());
        }
    }

    /**
     * Nothing typed (the provider's input times out): "Sorry, I did not get that." and the same question again, twice;
     * the third time a goodbye ends the call. The caller's PIN is not charged for silence.
     */
    @Test
    void silenceIsAskedAgainTwiceThenTheCallEndsWithAGoodbye() {
        var phone = uniquePhone();
        var caller = admin.caller("Gil", uniqueAccountNumber(), PIN, phone);
        admin.account(caller, "otpauth://totp/GitHub:gil?secret=" + RFC_SECRET);

        var call = dial(phone);
        var question = call.heard();
        assertTrue(question.contains("PIN"), question);
        for (int again = 1; again <= 2; again++) {
            call.silence();
            assertTrue(call.heard().contains("Sorry, I did not get that."), call.heard());
            assertTrue(call.heard().contains("PIN"), "the question again: " + call.heard());
            assertFalse(call.ended(), "still listening after silence " + again);
        }
        call.silence();
        assertTrue(call.ended(), "the third silence ends the call: " + call.heard());
        assertTrue(call.heard().contains("Goodbye"), call.heard());
        call.assertNoCodeHeard(RFC_SECRET);
        assertEquals(0, admin.lockout(caller).getInt("consecutiveFailures"), "silence is no wrong PIN");
    }

    static void assertTotpHeard(CallPlayer call, String secret, int period, int digits, String mac) {
        var key = ReferenceOtp.base32(secret);
        var atSend = ReferenceOtp.totpReadAt(key, call.sentAt(), period, digits, mac);
        var atAnswer = ReferenceOtp.totpReadAt(key, call.answeredAt(), period, digits, mac);
        var spoken = call.spokenCodes();
        assertEquals(2, spoken.size(), call.heard());
        assertEquals(spoken.get(0), spoken.get(1), "the same code twice: " + call.heard());
        assertTrue(List.of(atSend, atAnswer).contains(spoken.get(0)),
                () -> "expected the code of the step read at " + call.sentAt() + " (" + atSend + ") or at "
                        + call.answeredAt() + " (" + atAnswer + "): " + call.heard());
    }
}
