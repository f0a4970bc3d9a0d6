package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.AdminClient;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testkit.WebhookSigner;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against whatever server runs the WAR, over HTTP only, signed like Vonage's. The server's clock is the
 * real one, so a TOTP code is checked against the independent computation at the instant the webhook was sent or
 * answered (the service decided in between).
 */
abstract class CallScenarios extends RunningServer {

    private static final String PIN = "258036";
    /** RFC 6238's SHA-1 seed, "12345678901234567890". */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final String OTHER_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private AdminClient admin;
    private String to;

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

        var call = VonagePlayer.dial(base, phone, to);
        assertTrue(call.heard().contains("PIN"), call.heard());
        assertFalse(call.heard().contains("account number"), call.heard());

        call.press(PIN + "#");
        assertTrue(call.heard().contains("GitHub"), call.heard());
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
        assertTrue(call.heard().contains("Press 1 to hear it again"), call.heard());
        call.hangUp();
    }

    @Test
    void aGermanCallerHearsGermanInAGermanVoiceFromTheGreetingToTheGoodbyeWithTheRightCode() {
        var phone = uniquePhone();
        var caller = admin.callerSpeaking("de-DE", "Dora", uniqueAccountNumber(), PIN, "+" + phone);
        admin.account(caller, "otpauth://totp/Sparkasse:dora?secret=" + RFC_SECRET + "&issuer=Sparkasse");

        var call = VonagePlayer.dial(base, phone, to);
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().contains("Willkommen bei Landline Authenticator. Bitte geben Sie Ihre PIN ein"),
                call.heard());

        call.press(PIN + "#");
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().startsWith("<speak>Sparkasse. ") && call.heard().contains("Ihr Code lautet "),
                call.heard());
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
        assertTrue(call.heard().matches("(?s).*(Sekunde|Sekunden) gültig\\..*"), call.heard());

        call.press("7").silence().silence();
        assertTrue(call.ended(), call.heard());
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().endsWith("Auf Wiederhören.</speak>"), call.heard());
    }

    /** The voice languages of the talks of the call's last NCCO. */
    private static List<String> voices(VonagePlayer call) {
        return call.ncco().stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("talk"))
                .map(a -> a.getString("language")).distinct().toList();
    }

    @Test
    void unsignedOrWronglySignedWebhooksAreRefusedBeforeAnythingRuns() {
        var query = base.resolve("webhooks/answer?uuid=" + java.util.UUID.randomUUID() + "&from=" + uniquePhone()
                + "&to=" + to);
        var unsigned = Http.send("GET", query, null, null, null);
        Http.assertProblem(401, unsigned);
        var forged = Http.send("GET", query, null, null, "nobody:nothing");
        assertEquals(401, forged.statusCode(), "Basic is no Vonage signature: " + forged.body());
        var body = "{\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"status\":\"completed\"}";
        var wrongKey = Http.sendWithBearer("POST", base.resolve("webhooks/event"), "application/json", body,
                new WebhookSigner("not-the-signature-secret").bearer(body));
        Http.assertProblem(403, wrongKey);
    }

    @Test
    void aSignedAnswerWithARepeatedFromIsRefusedSoTheNumberReadIsTheNumberSigned() {
        // a genuine token for the attacker's own call, whose payload_hash covers the query as Vonage hashes it (a
        // JSON object: the last "from" wins), sent with the victim's number as the first "from" (what JAX-RS reads)
        var uuid = java.util.UUID.randomUUID().toString();
        var attacker = uniquePhone();
        var signedJson = "{\"uuid\":\"" + uuid + "\",\"from\":\"" + attacker + "\",\"to\":\"" + to + "\"}";
        var smuggled = base.resolve("webhooks/answer?uuid=" + uuid + "&from=" + uniquePhone() + "&to=" + to
                + "&from=" + attacker);
        Http.assertProblem(400, Http.sendWithBearer("GET", smuggled, null, null, WebhookSigner.forTests().bearer(signedJson)));
        var unexpected = base.resolve("webhooks/answer?uuid=" + uuid + "&from=" + attacker + "&to=" + to + "&x=1");
        Http.assertProblem(400, Http.webhook("GET", unexpected, null, null));
        var honest = base.resolve("webhooks/answer?uuid=" + uuid + "&from=" + attacker + "&to=" + to);
        assertEquals(200, Http.sendWithBearer("GET", honest, null, null, WebhookSigner.forTests().bearer(signedJson)).statusCode(),
                "the same token with the query it was made for is taken");
    }

    @Test
    void aCallerFromAnUnknownPhoneGivesTheAccountNumberThenThePin() {
        var account = uniqueAccountNumber();
        var caller = admin.caller("Bob", account, PIN, "+" + uniquePhone());
        admin.accountJson(caller, "{\"issuer\":\"Bank\",\"label\":\"bob\",\"secret\":\"" + OTHER_SECRET
                + "\",\"algorithm\":\"SHA256\",\"digits\":8,\"period\":60}");

        var call = VonagePlayer.dial(base, uniquePhone(), to);
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

        VonagePlayer.dial(base, phone, to).assertThreeWrongPinsEndTheCallPolitely(RFC_SECRET);
        assertEquals(3, admin.lockout(caller).getInt("consecutiveFailures"));

        var unlock = Http.admin("DELETE", base.resolve("api/callers/" + caller + "/lockout"), null);
        assertEquals(204, unlock.statusCode(), unlock::body);
        assertEquals(0, admin.lockout(caller).getInt("consecutiveFailures"));
        var next = VonagePlayer.dial(base, phone, to).press(PIN + "#");
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

        var call = VonagePlayer.dial(base, phone, to).press(PIN + "#");
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
        var again = VonagePlayer.dial(base, phone, to).press(PIN + "#").press("3");
        var counter6 = ReferenceOtp.hotp(ReferenceOtp.base32(OTHER_SECRET), 6, 6, "HmacSHA1");
        assertEquals(List.of(counter6, counter6), again.spokenCodes(), again.heard());
    }

    @Test
    void inTheLastSecondsOfAStepTheNextStepsCodeIsRead() throws InterruptedException {
        var phone = uniquePhone();
        var caller = admin.caller("Flo", uniqueAccountNumber(), PIN, phone);
        // a 10-second period: the boundary comes round quickly; fewer than 7 s left means the next code
        admin.accountJson(caller, "{\"issuer\":\"Short\",\"label\":\"flo\",\"secret\":\"" + RFC_SECRET + "\",\"period\":10}");
        var call = VonagePlayer.dial(base, phone, to);

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

    @Test
    void parallelWrongPinsForOneCallerAreChargedExactlyOnceEach() throws Exception {
        var account = uniqueAccountNumber();
        var caller = admin.caller("Target", account, PIN);
        admin.account(caller, "otpauth://totp/GitHub:t?secret=" + RFC_SECRET);
        var calls = new ArrayList<VonagePlayer>();
        for (int i = 0; i < 20; i++) {
            calls.add(VonagePlayer.dial(base, uniquePhone(), uniqueCalledNumber()).press(account + "#"));
        }
        var guesses = new ArrayList<String>();
        for (int i = 0; i < calls.size(); i++) {
            guesses.add(String.format("%06d", 100_000 + i * 7) + "#");
        }
        for (var response : VonagePlayer.pressConcurrently(calls, guesses, 10, List.of())) {
            assertTrue(response.body().contains("did not work"), response.body());
            VonagePlayer.assertNoCodeIn(response, RFC_SECRET);
        }
        var state = admin.lockout(caller);
        assertEquals(3, state.getInt("consecutiveFailures"),
                "the three free attempts were evaluated and counted, the other 17 waited for the delay: " + state);
        var failures = Http.array(Http.admin("GET", base.resolve("api/callers/" + caller + "/lockout/failures"), null));
        var outcomes = failures.stream().map(JsonObject.class::cast).map(f -> f.getString("outcome")).toList();
        assertEquals(20, outcomes.size(), "each attempt was decided once: " + outcomes);
        assertEquals(3, outcomes.stream().filter("REJECTED"::equals).count(), outcomes::toString);
        assertEquals(17, outcomes.stream().filter("DELAYED"::equals).count(), outcomes::toString);
    }

    private static void assertTotpHeard(VonagePlayer call, String secret, int period, int digits, String mac) {
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
