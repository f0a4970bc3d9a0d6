package dev.landline.it;

import static dev.landline.testkit.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.ServerClock;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testkit.WebhookSigner;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls against the WAR on Payara Micro, played the way Vonage plays them: answer webhook, then each
 * NCCO's own eventUrl with the digits typed. Spoken codes are checked against an independent RFC computation.
 */
class CallFlowIT extends OnPayaraMicro {

    private static final String TO = "442079460000";
    private static final String PIN = "258036";
    /** The number the race tests call, so that their calls count against a cap of their own. */
    private static final String RACE_TO = "442079460077";
    /** 2026-01-01T00:00:10Z: 20 seconds left in its 30-second step. */
    private static final Instant MID_STEP = Instant.parse("2026-01-01T00:00:10Z");

    @BeforeEach
    void standAtAFixedInstant() {
        fixtures.clockAt(MID_STEP);
    }

    @Test
    void callerRecognisedByNumberIsAskedOnlyForThePinAndHearsTheRightCodeTwice() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ada", Fixtures.uniqueAccountNumber(), PIN, "+" + phone);
        fixtures.account(caller, "GitHub", "ada", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, phone, TO);
        assertTrue(call.heard().contains("PIN"), call.heard());
        assertFalse(call.heard().contains("account number"), call.heard());

        call.press(PIN + "#");
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("GitHub"), call.heard());
        assertTrue(call.heard().contains("valid for 20 seconds"), call.heard());
        assertTrue(call.heard().contains("Press 1 to hear it again"), call.heard());

        call.press("1");
        assertEquals(List.of(expected, expected), call.spokenCodes(), "pressing 1 reads it again");
    }

    @Test
    void callerFromAnUnknownPhoneGivesAccountNumberThenPinInTheLegacyPayloadShape() {
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.caller("Bob", account, PIN);
        fixtures.account(caller, "Gmail", "bob@example.com", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, Fixtures.uniquePhone(), TO);
        assertTrue(call.heard().contains("account number"), call.heard());
        call.pressLegacy(account + "#");
        assertTrue(call.heard().contains("PIN"), call.heard());
        call.pressLegacy(PIN + "#");

        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
    }

    @Test
    void withheldNumberAndAnswerByPostAskForTheAccountNumber() {
        var call = VonagePlayer.dialWithPost(base, Fixtures.uniquePhone(), TO);
        assertTrue(call.heard().contains("account number"), call.heard());
        var withheld = VonagePlayer.dial(base, null, TO);
        assertTrue(withheld.heard().contains("account number"), withheld.heard());
    }

    @Test
    void aNumberSharedByTwoCallersSelectsNobodyAndAsksForTheAccountNumber() {
        var phone = Fixtures.uniquePhone();
        fixtures.caller("Parent", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.caller("Child", Fixtures.uniqueAccountNumber(), "714259", phone);
        var call = VonagePlayer.dial(base, phone, TO);
        assertTrue(call.heard().contains("account number"), call.heard());
    }

    @Test
    void threeWrongPinsEndTheCallPolitelyAndNoCodeIsEverSpoken() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Cy", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "cy", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, phone, TO).assertThreeWrongPinsEndTheCallPolitely(ReferenceOtp.RFC_SECRET);
        assertEquals("3", fixtures.call(call.uuid).getJsonArray("values").getString(1));
        assertEquals("ENDED", fixtures.call(call.uuid).getJsonArray("values").getString(0));
    }

    @Test
    void anEndedCallCannotBeAnsweredAgainForMoreAttempts() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Cal", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "cal", ReferenceOtp.RFC_SECRET);
        var call = VonagePlayer.dial(base, phone, TO).press("111222#").press("333444#").press("555666#");
        assertTrue(call.ended());
        call.answerAgain();
        var again = Http.webhook("POST", URI.create(call.eventUrl()), "application/json",
                "{\"uuid\":\"" + call.uuid + "\",\"dtmf\":{\"digits\":\"" + PIN + "\",\"timed_out\":false}}");
        assertEquals(403, again.statusCode(), "an answer again gives no new PIN attempt: " + again.body());
        VonagePlayer.assertNoCodeIn(again, ReferenceOtp.RFC_SECRET);
        assertEquals("3", fixtures.call(call.uuid).getJsonArray("values").getString(1));
        assertEquals("ENDED", fixtures.call(call.uuid).getJsonArray("values").getString(0));
    }

    @Test
    void answeringStoresNothingAndACallThatHangsUpAtTheGreetingCanNeverBeContinued() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Gia", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "gia", ReferenceOtp.RFC_SECRET);
        var before = fixtures.counts();
        var call = VonagePlayer.dial(base, phone, TO);
        assertTrue(call.heard().contains("PIN"), "recognised by caller ID: " + call.heard());
        var unknown = VonagePlayer.dialWithPost(base, Fixtures.uniquePhone(), TO);
        assertTrue(unknown.heard().contains("account number"), unknown.heard());
        assertEquals(before, fixtures.counts(), "answering wrote nothing: no call row, no count, no audit");

        var completed = "{\"uuid\":\"" + call.uuid + "\",\"status\":\"completed\"}";
        assertEquals(204, Http.webhook("POST", base.resolve("webhooks/event"), "application/json", completed)
                .statusCode());
        assertEquals("ENDED", fixtures.call(call.uuid).getJsonArray("values").getString(0));
        var late = Http.webhook("POST", URI.create(call.eventUrl()), "application/json",
                "{\"uuid\":\"" + call.uuid + "\",\"dtmf\":{\"digits\":\"" + PIN + "\",\"timed_out\":false}}");
        assertEquals(403, late.statusCode(), "the greeting's token dies with the call");
        assertEquals("0", fixtures.call(call.uuid).getJsonArray("values").getString(1), "no PIN was evaluated");

        var otherCall = Http.webhook("POST", URI.create(unknown.eventUrl()), "application/json",
                "{\"uuid\":\"" + call.uuid + "\",\"dtmf\":{\"digits\":\"1234\",\"timed_out\":false}}");
        assertEquals(403, otherCall.statusCode(), "one call's token does not open another call");
        assertEquals(0, fixtures.call(unknown.uuid).size(), "still nothing stored for the unknown caller's call");
        unknown.press("1234#");
        assertTrue(unknown.heard().contains("PIN"), unknown.heard());
    }

    @Test
    void threeWrongPinsFromAnUnknownPhoneEndTheCallAcrossAccountNumberPrompts() {
        var account = Fixtures.uniqueAccountNumber();
        fixtures.caller("Uma", account, PIN);
        var call = VonagePlayer.dial(base, Fixtures.uniquePhone(), TO);
        for (int i = 0; i < 3; i++) {
            assertTrue(call.heard().contains("account number"), call.heard());
            call.press(account + "#").press("11122" + i + "#");
        }
        assertTrue(call.ended(), call.heard());
        assertTrue(call.heard().contains("Goodbye"), call.heard());
    }

    @Test
    void aCallerDeletedBetweenTheGreetingAndThePinIsNoLongerRecognisedAndHearsNoCode() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Del", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "del", ReferenceOtp.RFC_SECRET);
        var call = VonagePlayer.dial(base, phone, TO);
        assertTrue(call.heard().contains("PIN"), call.heard());
        assertEquals(204, Http.admin("DELETE", base.resolve("api/callers/" + caller), null).statusCode());
        call.press(PIN + "#");
        call.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        assertTrue(call.heard().contains("did not work"), call.heard());
        assertEquals("", fixtures.call(call.uuid).getJsonArray("values").getString(2), "the row names no caller");
    }

    @Test
    void aCallIdleForMoreThanTenMinutesCannotContinue() {
        var phone = Fixtures.uniquePhone();
        fixtures.caller("Ida", Fixtures.uniqueAccountNumber(), PIN, phone);
        var atGreeting = VonagePlayer.dial(base, phone, TO);
        var afterOneStep = VonagePlayer.dial(base, phone, TO).silence();
        assertFalse(afterOneStep.ended(), afterOneStep.heard());
        fixtures.clockAt(MID_STEP.plusSeconds(601));
        for (var call : List.of(atGreeting, afterOneStep)) {
            var late = Http.webhook("POST", URI.create(call.eventUrl()), "application/json",
                    "{\"uuid\":\"" + call.uuid + "\",\"dtmf\":{\"digits\":\"" + PIN + "\",\"timed_out\":false}}");
            assertEquals(403, late.statusCode(), late.body());
        }
        assertEquals(0, fixtures.call(atGreeting.uuid).size(), "a stale greeting token stores nothing");
        assertEquals("ENDED", fixtures.call(afterOneStep.uuid).getJsonArray("values").getString(0));
        assertEquals("0", fixtures.call(afterOneStep.uuid).getJsonArray("values").getString(1), "no PIN evaluated");
    }

    @Test
    void longAccountNamesAndOddCallerIdsStillMakeValidNccos() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Len", Fixtures.uniqueAccountNumber(), PIN, phone);
        for (int i = 1; i <= 9; i++) {
            var label = ("account" + i + " ").repeat(22).strip();
            var response = Http.admin("POST", base.resolve("api/callers/" + caller + "/accounts"),
                    "{\"label\":\"" + label + "\",\"secret\":\"" + secretFor(i) + "\"}");
            assertEquals(201, response.statusCode(), response::body);
        }
        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertTrue(call.heard().contains("press 9"), call.heard());
        var sip = VonagePlayer.dial(base, "sip:someone-with-a-long-address@example.com;transport=tls", TO);
        assertTrue(sip.heard().contains("account number"), sip.heard());
        var digits = VonagePlayer.dial(base, "4".repeat(40), TO);
        assertTrue(digits.heard().contains("account number"), digits.heard());
    }

    @Test
    void anUnknownAccountNumberSoundsExactlyLikeAWrongPin() {
        var account = Fixtures.uniqueAccountNumber();
        fixtures.caller("Di", account, PIN);

        var known = VonagePlayer.dial(base, Fixtures.uniquePhone(), TO);
        known.press(account + "#").press("999000#");
        var unknown = VonagePlayer.dial(base, Fixtures.uniquePhone(), TO);
        unknown.press("77777777#").press("999000#");

        assertEquals(withoutUrls(known.ncco()), withoutUrls(unknown.ncco()));
        assertTrue(known.heard().contains("did not work"), known.heard());
    }

    @Test
    void aMenuOfTwelveAccountsOffersNineThenTurnsThePageWithZero() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Eve", Fixtures.uniqueAccountNumber(), PIN, phone);
        var secrets = IntStream.rangeClosed(1, 12).mapToObj(i -> secretFor(i)).toList();
        for (int i = 1; i <= 12; i++) {
            fixtures.account(caller, "Service " + i, "eve", secrets.get(i - 1));
        }

        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertTrue(call.heard().contains("For Service 1, press 1."), call.heard());
        assertTrue(call.heard().contains("For Service 9, press 9."), call.heard());
        assertFalse(call.heard().contains("Service 10"), call.heard());
        assertTrue(call.heard().contains("For more accounts, press 0."), call.heard());

        call.press("0");
        assertTrue(call.heard().contains("For Service 10, press 1. For Service 11, press 2. For Service 12, press 3."),
                call.heard());
        call.press("3");
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(secrets.get(11)), MID_STEP, 30, 6, "HmacSHA1");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("Service 12"), call.heard());

        call.press("2");
        assertTrue(call.heard().contains("For Service 1, press 1."), "2 goes back to the menu: " + call.heard());
        call.press("5");
        var fifth = ReferenceOtp.totp(ReferenceOtp.base32(secrets.get(4)), MID_STEP, 30, 6, "HmacSHA1");
        assertEquals(List.of(fifth, fifth), call.spokenCodes(), call.heard());
    }

    @Test
    void closeToTheStepBoundaryTheNextCodeIsReadAndTheCallerIsTold() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Flo", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "flo", ReferenceOtp.RFC_SECRET);
        var seed = ReferenceOtp.base32(ReferenceOtp.RFC_SECRET);

        var threeBefore = Instant.parse("2026-01-01T00:00:27Z");
        fixtures.clockAt(threeBefore);
        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        var next = ReferenceOtp.totp(seed, threeBefore.plusSeconds(3), 30, 6, "HmacSHA1");
        assertEquals(List.of(next, next), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("about to change") && call.heard().contains("valid in 3 seconds"),
                call.heard());

        var onTheBoundary = Instant.parse("2026-01-01T00:00:30Z");
        fixtures.clockAt(onTheBoundary);
        call.press("1");
        var current = ReferenceOtp.totp(seed, onTheBoundary, 30, 6, "HmacSHA1");
        assertEquals(List.of(current, current), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("valid for 30 seconds"), call.heard());
    }

    @Test
    void sha256EightDigitAndSixtySecondAccountsAreReadCorrectly() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Gus", Fixtures.uniqueAccountNumber(), PIN, phone);
        var secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA";
        fixtures.account(caller, "otpauth://totp/Bank:gus?secret=" + secret
                + "&issuer=Bank&algorithm=SHA256&digits=8&period=60");
        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(secret), MID_STEP, 60, 8, "HmacSHA256");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
        assertTrue(call.heard().contains("valid for 50 seconds"), call.heard());
    }

    @Test
    void anHotpAccountMovesItsCounterOnWithEveryNewReadingButRepeatsTheSameCodeOnPressingOne() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Hal", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "otpauth://hotp/Vault:hal?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=Vault&counter=0");

        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertEquals(List.of("755224", "755224"), call.spokenCodes(), "RFC 4226 count 0");
        call.press("1");
        assertEquals(List.of("755224", "755224"), call.spokenCodes(), "hearing it again repeats count 0");

        var again = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertEquals(List.of("287082", "287082"), again.spokenCodes(), "the counter was persisted: count 1");
        var third = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertEquals(List.of("359152", "359152"), third.spokenCodes(), "count 2");
    }

    @Test
    void silenceAndStrayKeysGetRepromptsThenGoodbye() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ivy", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "A", "ivy", ReferenceOtp.RFC_SECRET);
        fixtures.account(caller, "B", "ivy", secretFor(2));

        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        call.silence();
        assertTrue(call.heard().contains("did not get that") && call.heard().contains("For A, press 1"), call.heard());
        call.press("7");
        assertTrue(call.heard().contains("not an option"), call.heard());
        call.press("*");
        assertTrue(call.ended(), "three tries, then goodbye");
        assertTrue(call.heard().contains("Goodbye"), call.heard());
    }

    @Test
    void aReplayedOrForgedInputWebhookIsRefusedAndEvaluatesNothing() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Jo", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "jo", ReferenceOtp.RFC_SECRET);

        var call = VonagePlayer.dial(base, phone, TO);
        var firstUrl = URI.create(call.eventUrl());
        var body = "{\"uuid\":\"" + call.uuid + "\",\"dtmf\":{\"digits\":\"111222\",\"timed_out\":false}}";
        var forgedStart = Http.webhook("POST", base.resolve("webhooks/input/" + "A".repeat(120)), "application/json",
                body.replace("111222", PIN));
        assertEquals(403, forgedStart.statusCode());
        var firstToken = firstUrl.getPath().substring(firstUrl.getPath().lastIndexOf('/') + 1);
        var flipped = firstToken.substring(0, 60) + (firstToken.charAt(60) == 'A' ? 'B' : 'A') + firstToken.substring(61);
        var altered = Http.webhook("POST", base.resolve("webhooks/input/" + flipped), "application/json",
                body.replace("111222", PIN));
        assertEquals(403, altered.statusCode(), "an altered sealed start, before the real one is used");
        var signature = WebhookSigner.forTests().bearer(body);
        assertEquals(200, Http.send("POST", firstUrl, "application/json", body, null, signature).statusCode());
        var exactReplay = Http.send("POST", firstUrl, "application/json", body, null, signature);
        assertEquals(403, exactReplay.statusCode(), "the same signed request again");
        var replay = Http.webhook("POST", firstUrl, "application/json",
                body.replace("111222", PIN));
        assertEquals(403, replay.statusCode());
        assertProblem(replay);
        VonagePlayer.assertNoCodeIn(replay, ReferenceOtp.RFC_SECRET);

        var forged = Http.webhook("POST", base.resolve("webhooks/input/" + "A".repeat(43)), "application/json",
                body.replace("111222", PIN));
        assertEquals(403, forged.statusCode());
        assertEquals("1", fixtures.call(call.uuid).getJsonArray("values").getString(1), "only one PIN was evaluated");
    }

    @Test
    void theSameSealedStartSentTwiceAtTheSameTimeIsEvaluatedOnce() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Raz", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "raz", ReferenceOtp.RFC_SECRET);
        for (int round = 0; round < 3; round++) {
            var wrong = VonagePlayer.dial(base, phone, RACE_TO);
            assertOneEvaluatedOthersRefused(wrong.pressAtOnce("11122" + round + "#", 2));
            wrong.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
            assertTrue(wrong.heard().contains("did not work"), wrong.heard());
            assertEquals(List.of("PIN", "1"), stageAndFailures(wrong), "one PIN charged to the call");
            assertOnce(auditOf(caller, wrong), "CALL:RECOGNISED", "PIN:REJECTED");

            var right = VonagePlayer.dial(base, phone, RACE_TO);
            assertOneEvaluatedOthersRefused(right.pressAtOnce(PIN + "#", 2));
            var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
            assertEquals(List.of(expected, expected), right.spokenCodes(), right.heard());
            assertOnce(auditOf(caller, right), "CALL:RECOGNISED", "PIN:ACCEPTED", "CODE_READ:READ");
            assertEquals("0", stageAndFailures(right).get(1), "no PIN failure charged");
            right.press("1");
            assertEquals(List.of(expected, expected), right.spokenCodes(), "the call goes on from the winner's step");
        }
    }

    @Test
    void theSameStepSentTwiceAtTheSameTimeIsEvaluatedOnce() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ros", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "ros", ReferenceOtp.RFC_SECRET);
        fixtures.account(caller, "Gmail", "ros", secretFor(3));
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        for (int round = 0; round < 3; round++) {
            var call = VonagePlayer.dial(base, phone, RACE_TO).silence();
            assertTrue(call.heard().contains("PIN"), "the sealed start is used up; the PIN step has its own token");

            assertOneEvaluatedOthersRefused(call.pressAtOnce("33344" + round + "#", 3));
            call.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
            assertEquals("1", fixtures.call(call.uuid).getJsonArray("values").getString(1), "one PIN charged");

            assertOneEvaluatedOthersRefused(call.pressAtOnce(PIN + "#", 3));
            assertTrue(call.heard().contains("For GitHub, press 1"), call.heard());
            assertOneEvaluatedOthersRefused(call.pressAtOnce("1", 3));
            assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
            assertOnce(auditOf(caller, call), "CALL:RECOGNISED", "PIN:REJECTED", "PIN:ACCEPTED", "CODE_READ:READ");
            assertEquals("1", fixtures.call(call.uuid).getJsonArray("values").getString(1), "nothing charged twice");
        }
    }

    /** Exactly one copy was answered with the next step; every other copy got 403 problem+json and no code. */
    private static void assertOneEvaluatedOthersRefused(List<java.net.http.HttpResponse<String>> answers) {
        var statuses = answers.stream().map(java.net.http.HttpResponse::statusCode).sorted().toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "exactly one copy evaluated: " + statuses);
        for (var refused : answers.stream().filter(r -> r.statusCode() != 200).toList()) {
            assertEquals(403, refused.statusCode(), refused::body);
            assertProblem(refused);
            VonagePlayer.assertNoCodeIn(refused, ReferenceOtp.RFC_SECRET);
        }
    }

    /** Each of these entries is in the call's audit trail exactly once. */
    private static void assertOnce(List<String> audit, String... entries) {
        for (var entry : entries) {
            assertEquals(1, java.util.Collections.frequency(audit, entry), entry + " once in " + audit);
        }
    }

    private List<String> stageAndFailures(VonagePlayer call) {
        var values = fixtures.call(call.uuid).getJsonArray("values");
        return List.of(values.getString(0), values.getString(1));
    }

    /** The audit entries of one call, oldest first, as kind:outcome. */
    private List<String> auditOf(long caller, VonagePlayer call) {
        var page = Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&size=200"), null);
        assertEquals(200, page.statusCode(), page::body);
        var lines = new java.util.ArrayList<>(Http.object(page).getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(e -> call.uuid.equals(e.getString("callUuid", null)))
                .map(e -> e.getString("kind") + ":" + e.getString("outcome")).toList());
        java.util.Collections.reverse(lines);
        return lines;
    }

    @Test
    void theDatabaseHoldsNoPlaintextSecretOrPin() {
        var caller = fixtures.caller("Kim", Fixtures.uniqueAccountNumber(), "903174", Fixtures.uniquePhone());
        var secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        fixtures.account(caller, "Plain", "kim", secret);
        var raw = ReferenceOtp.base32(secret);

        var accounts = fixtures.rows("otp_account");
        assertTrue(accounts.contains("Plain"), "the row is there: " + accounts);
        for (var form : List.of(secret, secret.toLowerCase(), HexFormat.of().formatHex(raw),
                java.util.Base64.getEncoder().encodeToString(raw), new String(raw, StandardCharsets.ISO_8859_1))) {
            assertFalse(accounts.contains(form), "seed stored in plain form");
        }
        assertFalse(fixtures.rows("caller").contains("903174"), "PIN stored in plain form");
    }

    @Test
    void badWebhookRequestsGetProblemJsonAndWriteNothing() {
        var before = fixtures.counts();
        var answer = base.resolve("webhooks/answer");
        assertBad(400, Http.webhook("POST", answer, "application/json", "{\"uuid\": "));
        assertBad(400, Http.webhook("POST", answer, "application/json", "[1,2,3]"));
        assertBad(400, Http.webhook("POST", answer, "application/json", "{\"uuid\": 42}"));
        assertBad(400, Http.webhook("POST", answer, "application/json", "{\"from\": \"447700900000\"}"));
        assertBad(400, Http.webhook("GET", base.resolve("webhooks/answer?from=447700900000&to=" + TO), null, null));
        assertBad(400, Http.webhook("GET", base.resolve("webhooks/answer?uuid=not%20a%20uuid"), null, null));
        assertBad(415, Http.webhook("POST", answer, "text/plain", "uuid=abc"));
        assertBad(413, Http.webhook("POST", answer, "application/json",
                "{\"uuid\":\"abc\",\"pad\":\"" + "x".repeat(20_000) + "\"}"));
        assertBad(400, Http.webhook("POST", base.resolve("webhooks/event"), "application/json", "not json"));
        var deep = "{\"uuid\":\"abc\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertBad(400, Http.webhook("POST", answer, "application/json", deep));
        assertBad(400, Http.webhook("POST", base.resolve("webhooks/event"), "application/json", deep));
        assertBad(405, Http.webhook("PUT", answer, "application/json", "{}"));
        assertBad(405, Http.webhook("OPTIONS", answer, null, null));
        assertEquals(before, fixtures.counts(), "nothing was written");
    }

    @Test
    void webhooksWithoutAValidVonageSignatureAreRefusedAndChangeNothing() {
        var answer = base.resolve("webhooks/answer");
        var body = "{\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"from\":\"447700900999\",\"to\":\"" + TO + "\"}";
        var now = ServerClock.now();
        var before = fixtures.counts();

        assertEquals(401, signed(answer, body, null).statusCode(), "no Authorization header");
        assertEquals(401, signed(answer, body, "Basic aXQ6aXQ=").statusCode(), "not a bearer token");
        assertEquals(403, signed(answer, body, new WebhookSigner("not-the-secret").bearer(body, now)).statusCode(), "wrong key");
        assertEquals(403, signed(answer, body.replace("999", "998"), WebhookSigner.forTests().bearer(body)).statusCode(), "altered body");
        assertEquals(403, signed(answer, body, WebhookSigner.forTests().bearer(body, now.minusSeconds(301)))
                .statusCode(), "stale iat");
        assertEquals(403, signed(answer, body, WebhookSigner.forTests().bearer(body, now.plusSeconds(301)))
                .statusCode(), "iat in the future");
        var header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var claims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iat\":" + now.getEpochSecond()
                + ",\"payload_hash\":\"" + WebhookSigner.sha256(body) + "\"}").getBytes(StandardCharsets.UTF_8));
        var none = signed(answer, body, "Bearer " + header + "." + claims + ".");
        assertTrue(none.statusCode() == 401 || none.statusCode() == 403, "alg none: " + none.statusCode());
        for (var refused : List.of(signed(answer, body, null), none)) {
            assertProblem(refused);
            assertFalse(refused.body().contains(TestCredentials.VONAGE_SIGNATURE_SECRET));
        }
        assertEquals(before, fixtures.counts(), "a refused webhook changes nothing");

        assertEquals(200, signed(answer, body, WebhookSigner.forTests().bearer(body)).statusCode(), "signed by Vonage");
    }

    private static java.net.http.HttpResponse<String> signed(URI uri, String body, String authorization) {
        return Http.send("POST", uri, "application/json", body, null, authorization);
    }

    @Test
    void statusEventsAreAcknowledgedAndAFinalOneEndsTheCall() {
        var phone = Fixtures.uniquePhone();
        fixtures.caller("Lu", Fixtures.uniqueAccountNumber(), PIN, phone);
        var call = VonagePlayer.dial(base, phone, TO);
        var event = base.resolve("webhooks/event");
        var answered = "{\"uuid\":\"" + call.uuid + "\",\"status\":\"answered\",\"direction\":\"inbound\"}";
        assertEquals(204, Http.webhook("POST", event, "application/json", answered).statusCode());
        var error = "{\"reason\":\"Syntax error in NCCO.\",\"conversation_uuid\":\"CON-1\"}";
        assertEquals(204, Http.webhook("POST", event, "application/json", error).statusCode());
        var completed = answered.replace("answered", "completed");
        assertEquals(204, Http.webhook("POST", event, "application/json", completed).statusCode());

        var late = Http.webhook("POST", URI.create(call.eventUrl()), "application/json",
                "{\"uuid\":\"" + call.uuid + "\",\"dtmf\":{\"digits\":\"" + PIN + "\",\"timed_out\":false}}");
        assertEquals(403, late.statusCode(), "a finished call takes no more input");
        assertEquals("ENDED", fixtures.call(call.uuid).getJsonArray("values").getString(0));
    }

    private static String secretFor(int i) {
        // 20 distinct bytes per account, Base32 (each byte 'a'+i, so secrets differ)
        var bytes = new byte[20];
        java.util.Arrays.fill(bytes, (byte) ('a' + i));
        return ReferenceOtp.base32(bytes);
    }

    private static String withoutUrls(jakarta.json.JsonArray ncco) {
        return ncco.toString().replaceAll("\"eventUrl\":\\[[^\\]]*\\]", "");
    }

    private static void assertBad(int status, java.net.http.HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        assertProblem(response);
    }
}
