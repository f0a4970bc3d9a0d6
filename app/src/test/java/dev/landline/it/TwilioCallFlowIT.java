package dev.landline.it;

import static dev.landline.testkit.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.CallPlayer.Provider;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TwilioPlayer;
import dev.landline.testkit.WebhookSigner;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against the WAR on Payara Micro, played the way Twilio plays them ({@link TwilioPlayer}): the Voice URL,
 * then each TwiML's own Gather action with the keys typed, its Redirect when nothing is typed, the status callback
 * at the end; every request signed with X-Twilio-Signature, every reply checked by the TwiML rules. Spoken codes
 * are checked against an independent RFC computation; the guard is the one Vonage's calls go through.
 */
class TwilioCallFlowIT extends OnPayaraMicro {

    private static final String TO = "+442079460000";
    private static final String PIN = "258036";
    /** 2026-01-01T00:00:10Z: 20 seconds left in its 30-second step. */
    private static final Instant MID_STEP = Instant.parse("2026-01-01T00:00:10Z");

    @BeforeEach
    void standAtAFixedInstant() {
        fixtures.clockAt(MID_STEP);
    }

    private static String codeAt(String secret, Instant instant) {
        return ReferenceOtp.totp(ReferenceOtp.base32(secret), instant, 30, 6, "HmacSHA1");
    }

    private String stage(TwilioPlayer call) {
        return fixtures.call(call.callSid).getJsonArray("values").getString(0);
    }

    private String pinFailures(TwilioPlayer call) {
        return fixtures.call(call.callSid).getJsonArray("values").getString(1);
    }

    @Test
    void aCallerRecognisedByNumberIsAskedOnlyForThePinAndHearsTheRightCodeTwiceDigitByDigit() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Ada", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "ada", ReferenceOtp.RFC_SECRET);

        var call = TwilioPlayer.dial(base, phone, TO);
        assertTrue(call.heard().contains("PIN"), call.heard());
        assertFalse(call.heard().contains("account number"), call.heard());
        assertEquals("#", call.twiml().gather().get("finishOnKey"), "the PIN ends with the hash key");

        call.press(PIN + "#");
        var expected = codeAt(ReferenceOtp.RFC_SECRET, MID_STEP);
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains(String.join(", ", expected.split(""))), "read digit by digit: " + call.heard());
        assertTrue(call.heard().contains("GitHub"), call.heard());
        assertTrue(call.heard().contains("valid for 20 seconds"), call.heard());
        assertTrue(call.heard().contains("Press 1 to hear it again"), call.heard());
        assertEquals("", call.twiml().gather().get("finishOnKey"), "a one-key menu needs no hash key");
        assertEquals("1", call.twiml().gather().get("numDigits"));

        call.press("1");
        assertEquals(List.of(expected, expected), call.spokenCodes(), "pressing 1 reads it again");
        call.hangUp();
        assertEquals("ENDED", stage(call));
    }

    @Test
    void aCallerFromAnUnknownNumberGivesTheAccountNumberThenThePinAndHearsNoCodeBefore() {
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.caller("Bob", account, PIN, "+" + Fixtures.uniquePhone());
        fixtures.account(caller, "Gmail", "bob@example.com", ReferenceOtp.RFC_SECRET);

        var call = TwilioPlayer.dial(base, "+" + Fixtures.uniquePhone(), TO);
        assertTrue(call.heard().contains("account number"), call.heard());
        call.press(account + "#");
        assertTrue(call.heard().contains("PIN"), call.heard());
        call.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        call.press(PIN + "#");
        call.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
        var expected = codeAt(ReferenceOtp.RFC_SECRET, MID_STEP);
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());

        var byGet = TwilioPlayer.dialWithGet(base, "+" + Fixtures.uniquePhone(), TO);
        assertTrue(byGet.heard().contains("account number"), "the Voice URL by GET: " + byGet.heard());
        byGet.press(account + "#").press(PIN + "#");
        assertEquals(List.of(expected, expected), byGet.spokenCodes(), byGet.heard());
    }

    @Test
    void callersWithoutAPhoneNumberAreAskedForTheAccountNumber() {
        var phone = Fixtures.uniquePhone();
        fixtures.caller("Cat", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        var froms = new String[] {"anonymous", "client:" + phone, "sip:+" + phone + "@example.com", "",
            "Restricted", null};
        for (var from : froms) {
            var call = TwilioPlayer.dial(base, from, TO);
            assertTrue(call.heard().contains("account number"), "From " + from + ": " + call.heard());
            assertFalse(call.ended());
        }
        var known = TwilioPlayer.dial(base, "+" + phone, TO);
        assertTrue(known.heard().contains("PIN") && !known.heard().contains("account number"),
                "the same digits as a phone number are recognised: " + known.heard());
    }

    @Test
    void threeWrongPinsEndTheCallPolitelyAndNoCodeIsEverSpoken() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Cy", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "cy", ReferenceOtp.RFC_SECRET);

        var call = TwilioPlayer.dial(base, phone, TO).assertThreeWrongPinsEndTheCallPolitely(ReferenceOtp.RFC_SECRET);
        assertTrue(call.twiml().hangsUp(), "the goodbye hangs up");
        assertEquals("3", pinFailures(call));
        assertEquals("ENDED", stage(call));
        assertEquals(3, fixtures.lockout(caller).getInt("consecutiveFailures"));
    }

    @Test
    void wrongPinsOnAVonageCallAndATwilioCallCountTogetherForOneCaller() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Dee", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "dee", ReferenceOtp.RFC_SECRET);

        var vonage = Provider.VONAGE.dial(base, phone, "442079460000").press("111222#").press("333444#");
        assertFalse(vonage.ended());
        assertEquals(2, fixtures.lockout(caller).getInt("consecutiveFailures"));
        vonage.hangUp();

        var twilio = Provider.TWILIO.dial(base, phone, "442079460000");
        assertTrue(twilio.heard().contains("PIN"), "recognised by the same number: " + twilio.heard());
        twilio.press("555666#");
        assertEquals(3, fixtures.lockout(caller).getInt("consecutiveFailures"), "one count for both providers");

        twilio.press(PIN + "#");
        assertTrue(twilio.heard().contains("did not work"), "the fourth attempt at once is not evaluated, and sounds"
                + " like a wrong PIN: " + twilio.heard());
        twilio.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        assertEquals(3, fixtures.lockout(caller).getInt("consecutiveFailures"));

        assertEquals(204, Http.admin("DELETE", base.resolve("api/callers/" + caller + "/lockout"), null).statusCode());
        var afterUnlock = Provider.TWILIO.dial(base, phone, "442079460000").press(PIN + "#");
        afterUnlock.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
        assertEquals(0, fixtures.lockout(caller).getInt("consecutiveFailures"), "a success resets the count");
    }

    @Test
    void aMenuOfTwelveAccountsOffersNineThenTurnsThePageWithZero() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Eve", Fixtures.uniqueAccountNumber(), PIN, phone);
        var secrets = IntStream.rangeClosed(1, 12).mapToObj(TwilioCallFlowIT::secretFor).toList();
        for (int i = 1; i <= 12; i++) {
            fixtures.account(caller, "Service " + i, "eve", secrets.get(i - 1));
        }

        var call = TwilioPlayer.dial(base, phone, TO).press(PIN + "#");
        assertTrue(call.heard().contains("For Service 1, press 1."), call.heard());
        assertTrue(call.heard().contains("For Service 9, press 9."), call.heard());
        assertFalse(call.heard().contains("Service 10"), call.heard());
        assertTrue(call.heard().contains("For more accounts, press 0."), call.heard());
        secrets.forEach(call::assertNoCodeHeard);

        call.press("0");
        assertTrue(call.heard().contains("For Service 10, press 1. For Service 11, press 2. For Service 12, press 3."),
                call.heard());
        call.press("3");
        var twelfth = codeAt(secrets.get(11), MID_STEP);
        assertEquals(List.of(twelfth, twelfth), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("Service 12"), call.heard());

        call.press("2");
        assertTrue(call.heard().contains("For Service 1, press 1."), "2 goes back to the menu: " + call.heard());
        call.press("5");
        var fifth = codeAt(secrets.get(4), MID_STEP);
        assertEquals(List.of(fifth, fifth), call.spokenCodes(), call.heard());
    }

    @Test
    void anHotpAccountMovesItsCounterOnWithEveryNewReadingButRepeatsTheSameCodeOnPressingOne() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Hal", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "otpauth://hotp/Vault:hal?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=Vault&counter=0");
        var seed = ReferenceOtp.base32(ReferenceOtp.RFC_SECRET);

        var call = TwilioPlayer.dial(base, phone, TO).press(PIN + "#");
        var count0 = ReferenceOtp.hotp(seed, 0, 6, "HmacSHA1");
        assertEquals(List.of(count0, count0), call.spokenCodes(), "RFC 4226 count 0: " + call.heard());
        call.press("1");
        assertEquals(List.of(count0, count0), call.spokenCodes(), "hearing it again repeats count 0");
        call.hangUp();

        var again = TwilioPlayer.dial(base, phone, TO).press(PIN + "#");
        var count1 = ReferenceOtp.hotp(seed, 1, 6, "HmacSHA1");
        assertEquals(List.of(count1, count1), again.spokenCodes(), "the counter was persisted: count 1");
    }

    @Test
    void closeToTheStepBoundaryTheNextCodeIsReadAndTheCallerIsTold() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Flo", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "flo", ReferenceOtp.RFC_SECRET);

        var threeBefore = Instant.parse("2026-01-01T00:00:27Z");
        fixtures.clockAt(threeBefore);
        var call = TwilioPlayer.dial(base, phone, TO).press(PIN + "#");
        var next = codeAt(ReferenceOtp.RFC_SECRET, threeBefore.plusSeconds(3));
        assertEquals(List.of(next, next), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("about to change") && call.heard().contains("valid in 3 seconds"),
                call.heard());

        var onTheBoundary = Instant.parse("2026-01-01T00:00:30Z");
        fixtures.clockAt(onTheBoundary);
        call.press("1");
        var current = codeAt(ReferenceOtp.RFC_SECRET, onTheBoundary);
        assertEquals(List.of(current, current), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("valid for 30 seconds"), call.heard());
    }

    @Test
    void aGatherTimeoutRepromptsThenSaysGoodbyeAndHangsUpAsOnVonage() {
        var phone = Fixtures.uniquePhone();
        fixtures.caller("Ivy", Fixtures.uniqueAccountNumber(), PIN, phone);
        var twilio = Provider.TWILIO.dial(base, phone, "442079460000");
        var vonage = Provider.VONAGE.dial(base, phone, "442079460000");
        for (int timeout = 1; timeout <= 3; timeout++) {
            twilio.silence();
            vonage.silence();
            assertEquals(words(vonage.heard()), twilio.heard(), "timeout " + timeout + ": the same words on both");
            assertTrue(twilio.heard().startsWith("Sorry, I did not get that."), twilio.heard());
            assertEquals(vonage.ended(), twilio.ended(), "timeout " + timeout);
        }
        assertTrue(twilio.ended(), "the re-prompts are bounded");
        assertTrue(twilio.heard().endsWith("Goodbye."), twilio.heard());
        assertTrue(((TwilioPlayer) twilio).twiml().hangsUp());

        var hashAlone = TwilioPlayer.dial(base, "+" + phone, TO).press("#");
        assertTrue(hashAlone.heard().startsWith("Sorry, I did not get that.") && hashAlone.heard().contains("PIN"),
                "only '#': Twilio runs the Redirect, a re-prompt: " + hashAlone.heard());
    }

    @Test
    void aReplayedGatherIsRefusedAndChangesNothing() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Jo", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "jo", ReferenceOtp.RFC_SECRET);

        var call = TwilioPlayer.dial(base, phone, TO);
        var firstAction = call.actionUrl();
        call.press("111222#");
        assertTrue(call.heard().contains("did not work"), call.heard());
        assertEquals("1", pinFailures(call));

        var exactReplay = call.replay();
        assertProblem(403, exactReplay);
        TwilioPlayer.assertNoCodeIn(exactReplay, ReferenceOtp.RFC_SECRET);
        var params = call.params("in-progress");
        params.put("Digits", PIN);
        var rightPinToTheUsedStep = call.postSigned(firstAction, params);
        assertProblem(403, rightPinToTheUsedStep);
        TwilioPlayer.assertNoCodeIn(rightPinToTheUsedStep, ReferenceOtp.RFC_SECRET);
        var timeoutToTheUsedStep = call.postSigned(firstAction, call.params("in-progress"));
        assertProblem(403, timeoutToTheUsedStep);
        assertEquals("1", pinFailures(call), "nothing more was evaluated");
        assertEquals(1, fixtures.lockout(caller).getInt("consecutiveFailures"));

        call.press(PIN + "#");
        call.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
    }

    @Test
    void forgedUnsignedOrAlteredWebhooksAreRefusedAndEvaluateNothing() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Kit", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "kit", ReferenceOtp.RFC_SECRET);
        var call = TwilioPlayer.dial(base, phone, TO);
        var action = call.actionUrl();
        var params = call.params("in-progress");
        params.put("Digits", "111222");
        var signature = call.sign(action, params);

        var refused = new ArrayList<HttpResponse<String>>();
        refused.add(TwilioPlayer.post(action, params, null));
        refused.add(TwilioPlayer.post(action, params, WebhookSigner.twilio("0".repeat(32), action.toString(), params)));
        refused.add(TwilioPlayer.post(action, params, call.sign(base.resolve("webhooks/twilio/status"), params)));
        var altered = new LinkedHashMap<>(params);
        altered.put("Digits", PIN);
        refused.add(TwilioPlayer.post(action, altered, signature));
        var added = new LinkedHashMap<>(params);
        added.put("SpeechResult", "two five eight");
        refused.add(TwilioPlayer.post(action, added, signature));
        var forgedStep = base.resolve("webhooks/twilio/gather/" + "A".repeat(43));
        refused.add(TwilioPlayer.post(forgedStep, params, call.sign(forgedStep, params)));
        var voice = base.resolve("webhooks/twilio/voice");
        var answer = call.params("ringing");
        refused.add(TwilioPlayer.post(voice, answer, flipped(call.sign(voice, answer))));
        for (var response : refused) {
            assertProblem(403, response);
            TwilioPlayer.assertNoCodeIn(response, ReferenceOtp.RFC_SECRET);
        }
        assertEquals(0, fixtures.call(call.callSid).size(), "nothing was stored for the call");
        assertEquals(0, fixtures.lockout(caller).getInt("consecutiveFailures"), "no PIN was evaluated");

        assertEquals(200, TwilioPlayer.post(action, params, signature).statusCode(), "the genuine one still works");
        assertEquals("1", pinFailures(call));
    }

    @Test
    void aStatusCallbackEndsTheCallAndItsStepCanNeverBeContinued() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Lu", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "lu", ReferenceOtp.RFC_SECRET);
        for (var status : List.of("completed", "busy", "failed", "no-answer", "canceled")) {
            var call = TwilioPlayer.dial(base, phone, TO).silence();
            var action = call.actionUrl();
            var ringing = call.status("in-progress");
            assertEquals(204, ringing.statusCode(), ringing::body);
            assertFalse("ENDED".equals(stage(call)), status + ": a status that is not final ends nothing");
            call.hangUp(status);
            assertEquals("ENDED", stage(call), status);
            var params = call.params("in-progress");
            params.put("Digits", PIN);
            var late = call.postSigned(action, params);
            assertProblem(403, late);
            TwilioPlayer.assertNoCodeIn(late, ReferenceOtp.RFC_SECRET);
            assertEquals("0", pinFailures(call), status + ": no PIN evaluated");
        }
    }

    @Test
    void namesHoldingMarkupAreSpokenAsTheirTextInValidTwimlAndOnlyTheRealCodeIsReadAsDigits() {
        var phone = "+" + Fixtures.uniquePhone();
        var caller = fixtures.caller("Max", Fixtures.uniqueAccountNumber(), PIN, phone);
        var hostile = "</Say><Hangup/><Say language=\"en-GB\">R&D \"Tools\" '\u202Eevil";
        var ssml = "<say-as interpret-as='digits'>999999</say-as>";
        fixtures.accountJson(caller, Json.createObjectBuilder().add("issuer", hostile).add("label", "max")
                .add("secret", ReferenceOtp.RFC_SECRET).build().toString());
        fixtures.accountJson(caller, Json.createObjectBuilder().add("issuer", ssml).add("label", "max")
                .add("secret", secretFor(2)).build().toString());

        var call = TwilioPlayer.dial(base, phone, TO).press(PIN + "#");
        assertFalse(call.ended(), "no Hangup smuggled in: " + call.heard());
        assertTrue(call.heard().contains("For " + hostile.replace("\u202E", "") + ", press 1. For " + ssml
                + ", press 2."), "the names are said as the text they are: " + call.heard());
        assertEquals(List.of(), call.spokenCodes(), "a name's digits are no code: " + call.heard());
        call.press("1");
        call.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
        call.press("2");
        call.press("2");
        var second = codeAt(secretFor(2), MID_STEP);
        assertEquals(List.of(second, second), call.spokenCodes(), "only the real code is read as digits: "
                + call.heard());
    }

    /** The same signature with its first character changed. */
    private static String flipped(String signature) {
        return (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    }

    /** What Vonage's speech says, its SSML dropped. */
    private static String words(String ssml) {
        return ssml.replaceAll("<[^>]*>", "");
    }

    private static String secretFor(int i) {
        // 20 distinct bytes per account, Base32 (each byte 'a'+i, so secrets differ)
        var bytes = new byte[20];
        Arrays.fill(bytes, (byte) ('a' + i));
        return ReferenceOtp.base32(bytes);
    }
}
