package dev.landline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the PIN, tried against the WAR on Payara Micro and its database: parallel guessing, a long
 * brute-force run with sped-up time, call floods. Each must fail, and the audit trail must tell what happened.
 */
class GuardIT extends OnPayaraMicro {

    private static final String PIN = "480261";
    /** Calls in the brute-force run; -Dlandline.bruteforce.calls=10000 for the full run. */
    private static final int BRUTE_FORCE_CALLS = Integer.getInteger("landline.bruteforce.calls", 300);

    Instant now = Instant.parse("2026-03-01T12:00:00Z");

    @BeforeEach
    void standAtAFixedInstant() {
        fixtures.clockAt(now);
    }

    @Test
    void twoHundredParallelWrongPinsEvaluateOnlyWhatTheRuleAllowsAndCountExactly() throws Exception {
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.caller("Target", account, PIN);
        fixtures.account(caller, "GitHub", "t", ReferenceOtp.RFC_SECRET);

        var calls = new ArrayList<VonagePlayer>();
        for (int i = 0; i < 200; i++) {
            var call = VonagePlayer.dial(base, Fixtures.uniquePhone(), "4420794" + String.format("%05d", i));
            assertTrue(call.heard().contains("account number"), call.heard());
            calls.add(call.press(account + "#"));
        }
        // 200 requests in flight at once from 20 client threads: enough to race every charge against others on a
        // 2-core machine, without queueing dozens of waiters on the one row lock of this caller's ledger
        var guesses = new ArrayList<String>();
        for (int i = 0; i < calls.size(); i++) {
            guesses.add(String.format("%06d", 100_000 + i * 7));
        }
        for (var response : VonagePlayer.pressConcurrently(calls, guesses, 20, List.of())) {
            assertTrue(response.body().contains("did not work"), response.body());
            VonagePlayer.assertNoCodeIn(response, ReferenceOtp.RFC_SECRET);
        }
        var outcomes = pinOutcomes(caller);
        assertEquals(200, outcomes.size(), "every attempt was decided once: " + outcomes);
        assertEquals(3, outcomes.stream().filter("REJECTED"::equals).count(),
                "only the three free attempts were evaluated at this instant: " + outcomes);
        assertEquals(197, outcomes.stream().filter("DELAYED"::equals).count());
        assertEquals(3, lockout(caller).getInt("consecutiveFailures"), "one failure counted per evaluated PIN");
    }

    @Test
    void aLongBruteForceRunEndsLockedWithThePinUnfoundAndOnlyAnAdminUnlocks() {
        var account = Fixtures.uniqueAccountNumber();
        var caller = fixtures.caller("Victim", account, PIN);
        fixtures.account(caller, "Bank", "v", ReferenceOtp.RFC_SECRET);

        int guess = 0;
        String wrongNcco = null;
        String lockedNcco = null;
        for (int i = 0; i < BRUTE_FORCE_CALLS; i++) {
            now = now.plus(Duration.ofHours(1));
            fixtures.clockAt(now);
            var call = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460000").press(account + "#");
            for (int attempt = 0; attempt < 3 && !call.ended(); attempt++) {
                var pin = String.format("%06d", guess++);
                if (pin.equals(PIN)) {
                    pin = String.format("%06d", guess++);
                }
                call.press(pin + "#");
                call.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
                if (attempt == 0) {
                    var outcome = lastOutcome(caller);
                    if (outcome.equals("REJECTED")) {
                        wrongNcco = withoutUrls(call);
                    } else if (outcome.equals("LOCKED")) {
                        lockedNcco = withoutUrls(call);
                    }
                }
                if (!call.ended()) {
                    call.press(account + "#");
                }
            }
        }
        var state = lockout(caller);
        assertTrue(state.getBoolean("locked"), state.toString());
        assertEquals(10, state.getInt("consecutiveFailures"));
        var outcomes = pinOutcomes(caller);
        assertEquals(10, outcomes.stream().filter("REJECTED"::equals).count(), "exactly ten PINs were evaluated");
        assertNotNull(wrongNcco, "a wrong PIN was heard");
        assertNotNull(lockedNcco, "a locked attempt was heard");
        assertEquals(wrongNcco, lockedNcco, "locked sounds exactly like wrong");

        now = now.plus(Duration.ofDays(30));
        fixtures.clockAt(now);
        var rightPin = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460000").press(account + "#").press(PIN + "#");
        rightPin.assertNoCodeHeard(ReferenceOtp.RFC_SECRET); // 30 days later the right PIN is still refused
        assertEquals("LOCKED", lastOutcome(caller));

        var locked = Http.array(Http.admin("GET", base.resolve("api/locked-callers?size=200"), null));
        assertTrue(locked.stream().map(JsonObject.class::cast).anyMatch(c -> c.getJsonNumber("callerId").longValue() == caller));
        assertFalse(Http.array(Http.admin("GET", base.resolve("api/callers/" + caller + "/lockout/failures"), null)).isEmpty());
        assertEquals(204, Http.admin("DELETE", base.resolve("api/callers/" + caller + "/lockout"), null).statusCode());
        var afterUnlock = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460000").press(account + "#").press(PIN + "#");
        afterUnlock.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
        assertEquals(0, lockout(caller).getInt("consecutiveFailures"), "a success resets the count");
    }

    @Test
    void aSuccessResetsTheConsecutiveFailures() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Mo", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "mo", ReferenceOtp.RFC_SECRET);
        var call = VonagePlayer.dial(base, phone, "442079460000").press("111222#").press("333444#");
        assertEquals(2, lockout(caller).getInt("consecutiveFailures"));
        call.press(PIN + "#");
        call.assertHeardCodeOf(ReferenceOtp.RFC_SECRET);
        assertEquals(0, lockout(caller).getInt("consecutiveFailures"));
    }

    @Test
    void wrongPinsBetweenTheOwnersDailyCallsAddUpToTheWindowsLockAndTheOwnerHearsThemOnce() {
        var account = Fixtures.uniqueAccountNumber();
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Owen", account, PIN, phone);
        fixtures.account(caller, "GitHub", "owen", ReferenceOtp.RFC_SECRET);

        var first = ownerCalls(phone);
        assertFalse(first.heard().contains("wrong PIN"), "nothing to tell yet: " + first.heard());
        var told = new ArrayList<String>();
        int guess = 0;
        for (int day = 1; day <= 7; day++) {
            now = now.plus(Duration.ofDays(1));
            fixtures.clockAt(now);
            // the attacker's call: three wrong PINs, all of them within the free attempts of the consecutive count
            var attack = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460010").press(account + "#");
            for (int attempt = 0; attempt < 3 && !attack.ended(); attempt++) {
                attack.press(String.format("%06d", guess++) + "#");
                attack.assertNoCodeHeard(ReferenceOtp.RFC_SECRET); // no code without the PIN
                if (!attack.ended()) {
                    attack.press(account + "#");
                }
            }
            now = now.plus(Duration.ofHours(1));
            fixtures.clockAt(now);
            if (day < 7) {
                var heard = ownerCalls(phone).heard();
                assertTrue(heard.indexOf("3 wrong PINs were entered for your account since your last call")
                        < heard.indexOf("Your code is") && heard.contains("3 wrong PINs"), "day " + day + ": " + heard);
                told.add("3");
            } else {
                VonagePlayer.dial(base, phone, "442079460011").press(PIN + "#")
                        .assertNoCodeHeard(ReferenceOtp.RFC_SECRET); // day 7: locked, the right PIN is refused
            }
        }
        var outcomes = pinOutcomes(caller);
        assertEquals(20, outcomes.stream().filter("REJECTED"::equals).count(),
                "exactly the window's threshold of wrong PINs was evaluated: " + outcomes);
        assertEquals(6 + 1, outcomes.stream().filter("ACCEPTED"::equals).count(), outcomes::toString);
        assertEquals(List.of("LOCKED", "LOCKED"), outcomes.subList(0, 2), "the attacker's 21st and the owner's PIN");
        var state = lockout(caller);
        assertTrue(state.getBoolean("locked") && state.getBoolean("windowLocked"), state.toString());
        assertEquals(2, state.getInt("consecutiveFailures"), "the consecutive count alone never came near its lock");
        assertEquals(20, state.getInt("windowFailures"), state.toString());
        assertEquals(2, state.getInt("wrongPinsSinceLastCall"), "day 7's two evaluated wrong PINs are untold");
        assertTrue(Http.array(Http.admin("GET", base.resolve("api/locked-callers?size=200"), null)).stream()
                .map(JsonObject.class::cast).anyMatch(c -> c.getJsonNumber("callerId").longValue() == caller));

        now = now.plus(Duration.ofDays(60));
        fixtures.clockAt(now);
        VonagePlayer.dial(base, phone, "442079460011").press(PIN + "#")
                .assertNoCodeHeard(ReferenceOtp.RFC_SECRET); // 60 days later, out of the window, still locked
        assertEquals(204, Http.admin("DELETE", base.resolve("api/callers/" + caller + "/lockout"), null).statusCode());
        assertEquals(0, lockout(caller).getInt("windowFailures"), "the unlock forgives the window");
        var afterUnlock = ownerCalls(phone);
        assertTrue(afterUnlock.heard().contains("2 wrong PINs were entered"), afterUnlock.heard());
        told.add("2");

        now = now.plus(Duration.ofDays(1));
        fixtures.clockAt(now);
        VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460010").press(account + "#").press("999888#");
        now = now.plus(Duration.ofHours(1));
        fixtures.clockAt(now);
        var once = ownerCalls(phone);
        assertTrue(once.heard().contains("1 wrong PIN was entered for your account since your last call"),
                once.heard());
        told.add("1");
        assertFalse(ownerCalls(phone).heard().contains("wrong PIN"), "told once, not at every call");
        var sameCall = VonagePlayer.dial(base, phone, "442079460010").press("111222#").press(PIN + "#");
        assertFalse(sameCall.heard().contains("wrong PIN"), "a slip in the same call is not news: " + sameCall.heard());
        assertEquals(0, lockout(caller).getInt("wrongPinsSinceLastCall"));

        var audit = auditItems(caller).stream().filter(e -> e.getString("outcome").equals("TOLD_WRONG_PINS")).toList();
        java.util.Collections.reverse(told);
        assertEquals(told, audit.stream().map(e -> e.getString("detail")).toList(),
                "each notice is in the audit trail with its figure");
        assertTrue(audit.stream().allMatch(e -> e.getString("kind").equals("CALL")));
    }

    @Test
    void aRightPinStillBeingCheckedHoldsBackOtherAttemptsButNeverLocksItsOwnerOrCountsAsWrong() {
        var account = Fixtures.uniqueAccountNumber();
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Hal", account, PIN, phone);
        fixtures.account(caller, "GitHub", "hal", ReferenceOtp.RFC_SECRET);
        int guess = 500_000;
        // 19 wrong PINs: six attacker's calls of three, the owner's right PIN after each, then one more
        for (int round = 0; round < 7; round++) {
            now = now.plus(Duration.ofHours(1));
            fixtures.clockAt(now);
            var attack = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460012").press(account + "#");
            for (int attempt = 0; attempt < (round < 6 ? 3 : 1) && !attack.ended(); attempt++) {
                attack.press(guess++ + "#");
                if (!attack.ended()) {
                    attack.press(account + "#");
                }
            }
            if (round < 6) {
                now = now.plus(Duration.ofHours(1));
                fixtures.clockAt(now);
                assertFalse(ownerCalls(phone).spokenCodes().isEmpty(), "round " + round);
            }
        }
        var before = lockout(caller);
        assertEquals(19, before.getInt("windowFailures"), before.toString());
        assertEquals(1, before.getInt("wrongPinsSinceLastCall"), before.toString());

        // the owner's right PIN is being hashed: charged (the window holds 19 wrong + 1 pending = the threshold) ...
        now = now.plus(Duration.ofHours(1));
        fixtures.clockAt(now);
        var held = fixtures.holdPinCharge(caller, "held-" + caller);
        assertEquals("ALLOWED", held.getString("decision"));
        var meanwhile = lockout(caller);
        assertEquals(19, meanwhile.getInt("windowFailures"), "a PIN being checked is no wrong PIN: " + meanwhile);
        assertEquals(1, meanwhile.getInt("wrongPinsSinceLastCall"), "nor news for the owner: " + meanwhile);
        assertFalse(meanwhile.getBoolean("windowLocked"), meanwhile.toString());
        // ... and an attacker's attempt in that moment is refused, not evaluated, and locks nobody for good
        var refused = VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460012").press(account + "#")
                .press(guess++ + "#");
        refused.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        assertEquals("LOCKED", pinOutcomes(caller).get(0), "refused while the window is full");
        var afterRefusal = lockout(caller);
        assertFalse(afterRefusal.getBoolean("windowLocked") || afterRefusal.getBoolean("locked"),
                "19 wrong PINs never lock for good: " + afterRefusal);

        fixtures.heldPinWasRight(caller, "held-" + caller, held.getJsonNumber("failureId").longValue());
        now = now.plus(Duration.ofMinutes(1));
        fixtures.clockAt(now);
        var owner = ownerCalls(phone);
        assertFalse(owner.spokenCodes().isEmpty(), "the owner is not locked out: " + owner.heard());
        assertTrue(owner.heard().contains("1 wrong PIN was entered for your account since your last call"),
                "the figure the admin page showed: " + owner.heard());
        assertEquals(0, lockout(caller).getInt("wrongPinsSinceLastCall"));

        // the twentieth evaluated wrong PIN locks for good
        VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079460012").press(account + "#").press(guess++ + "#");
        var locked = lockout(caller);
        assertTrue(locked.getBoolean("windowLocked") && locked.getBoolean("locked"), locked.toString());
        assertEquals(20, locked.getInt("windowFailures"), locked.toString());
        assertEquals(20, pinOutcomes(caller).stream().filter("REJECTED"::equals).count());
        now = now.plus(Duration.ofHours(1));
        fixtures.clockAt(now);
        // locked: the owner's right PIN is refused, no code heard
        VonagePlayer.dial(base, phone, "442079460011").press(PIN + "#").assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
    }

    /** The owner calls from their own number, types the right PIN and hears the current code (checked). */
    private VonagePlayer ownerCalls(String phone) {
        var call = VonagePlayer.dial(base, phone, "442079460011").press(PIN + "#");
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), now, 30, 6, "HmacSHA1");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
        return call;
    }

    @Test
    void reSpeltAndOmittedCallingNumbersCountAgainstTheSameCaps() {
        now = now.plus(Duration.ofDays(400));
        fixtures.clockAt(now);
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ria", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "ria", ReferenceOtp.RFC_SECRET);
        var spellings = List.of(phone, "+" + phone, "00" + phone, "+" + phone.substring(0, 2) + " " + phone.substring(2, 6)
                + " " + phone.substring(6), "(" + phone.substring(0, 2) + ") " + phone.substring(2), "00 " + phone, "+" + phone);
        for (int i = 0; i < 6; i++) {
            var call = VonagePlayer.dial(base, spellings.get(i), "442079460020").silence();
            assertFalse(call.ended(), "call " + (i + 1) + " (" + spellings.get(i) + ") is within the cap: " + call.heard());
        }
        var respelt = VonagePlayer.dial(base, spellings.get(6), "442079460020").press(PIN + "#");
        assertTrue(respelt.ended() && respelt.heard().contains("try again"), "one number however it is spelt: "
                + respelt.heard());
        assertTrue(pinOutcomes(caller).isEmpty(), "its PIN was never checked");

        var withheld = new ArrayList<String>(java.util.Arrays.asList(null, "", "unknown", "withheld", "anonymous",
                "private", "+", "abc", "07700900123", null));
        for (int i = 0; i < withheld.size(); i++) {
            var call = VonagePlayer.dial(base, withheld.get(i), "44207946" + String.format("%04d", 2100 + i)).silence();
            assertFalse(call.ended(), "withheld call " + (i + 1) + " (" + withheld.get(i) + ") is within its cap: "
                    + call.heard());
        }
        var omitted = VonagePlayer.dial(base, null, "442079462200").silence();
        assertTrue(omitted.ended() && omitted.heard().contains("try again"), "leaving out from escapes nothing: "
                + omitted.heard());
        var anotherSpelling = VonagePlayer.dial(base, "Unknown", "442079462201").silence();
        assertTrue(anotherSpelling.ended() && anotherSpelling.heard().contains("try again"), anotherSpelling.heard());
        assertFalse(VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079462202").silence().ended(),
                "a caller with a number of their own is not held up by the withheld bucket");

        fixtures.clockAt(now.plus(Duration.ofMinutes(1)));
        assertFalse(VonagePlayer.dial(base, null, "442079462203").silence().ended(), "a minute later: a new count");
    }

    @Test
    void tooManyCallsFromOneNumberWithinAMinuteHearTryAgainLaterAndTheirPinIsNeverChecked() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Flo", Fixtures.uniqueAccountNumber(), PIN, phone);
        fixtures.account(caller, "GitHub", "flo", ReferenceOtp.RFC_SECRET);
        for (int i = 0; i < 10; i++) {
            assertFalse(VonagePlayer.dial(base, phone, "442079460001").ended(), "hanging up at the greeting");
        }
        for (int i = 0; i < 6; i++) {
            var call = VonagePlayer.dial(base, phone, "442079460001").silence();
            assertFalse(call.ended(), "call " + (i + 1) + " is within the cap (calls that typed nothing are not"
                    + " counted): " + call.heard());
        }
        var seventh = VonagePlayer.dial(base, phone, "442079460001");
        assertTrue(seventh.heard().contains("PIN"), "the greeting is the same for everyone: " + seventh.heard());
        seventh.press(PIN + "#");
        assertTrue(seventh.ended(), "the seventh call in a minute is turned away at its first input");
        assertTrue(seventh.heard().contains("try again"), seventh.heard());
        seventh.assertNoCodeHeard(ReferenceOtp.RFC_SECRET);
        assertTrue(pinOutcomes(caller).isEmpty(), "no PIN of a turned-away call is evaluated");
        assertEquals("ENDED", fixtures.call(seventh.uuid).getJsonArray("values").getString(0));

        fixtures.clockAt(now.plus(Duration.ofMinutes(1)));
        var later = VonagePlayer.dial(base, phone, "442079460001").press(PIN + "#");
        later.assertHeardCodeOf(ReferenceOtp.RFC_SECRET); // a minute later it may call again
    }

    @Test
    void tooManyCallsToOneNumberWithinAMinuteHearTryAgainLaterWhateverNumberTheyComeFrom() {
        var called = "442079469999";
        for (int i = 0; i < 120; i++) {
            assertFalse(VonagePlayer.dial(base, Fixtures.uniquePhone(), called).silence().ended(), "call " + (i + 1));
        }
        var over = VonagePlayer.dial(base, Fixtures.uniquePhone(), called).silence();
        assertTrue(over.ended() && over.heard().contains("try again"), over.heard());
        assertFalse(VonagePlayer.dial(base, Fixtures.uniquePhone(), "442079468888").silence().ended(),
                "other numbers are open");
    }

    @Test
    void theAuditTrailRecordsCallsDecisionsReadOutsAndAdminChangesWithoutSecrets() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ned", Fixtures.uniqueAccountNumber(), PIN, phone);
        var accountId = fixtures.account(caller, "GitHub", "ned", ReferenceOtp.RFC_SECRET).getJsonNumber("id").longValue();
        var call = VonagePlayer.dial(base, phone, "442079460002").press("111222#").press(PIN + "#");
        var code = call.spokenCodes().get(0);

        var page = Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&from="
                + now.minusSeconds(1) + "&to=" + now.plusSeconds(1)), null);
        assertEquals(200, page.statusCode(), page::body);
        var items = Http.object(page).getJsonArray("items").stream().map(JsonObject.class::cast).toList();
        var lines = items.stream().map(e -> e.getString("kind") + ":" + e.getString("outcome")).toList();
        assertEquals(List.of("CODE_READ:READ", "PIN:ACCEPTED", "PIN:REJECTED", "CALL:RECOGNISED", "ADMIN:account.added",
                "ADMIN:caller.created"), lines);
        assertEquals(accountId, items.get(0).getJsonNumber("accountId").longValue());
        assertEquals(call.uuid, items.get(0).getString("callUuid"));
        assertEquals(TestCredentials.ADMIN_USER, items.get(5).getString("actor"));
        assertFalse(page.body().contains(code) || page.body().contains(PIN) || page.body().contains("111222"),
                "no code or PIN in the audit trail");

        var second = Http.object(Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&size=2&page=1"), null));
        assertEquals(List.of("PIN:REJECTED", "CALL:RECOGNISED"), second.getJsonArray("items").stream()
                .map(JsonObject.class::cast).map(e -> e.getString("kind") + ":" + e.getString("outcome")).toList());
        var outside = Http.object(Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&to="
                + now.minusSeconds(60)), null));
        assertTrue(outside.getJsonArray("items").isEmpty());
        assertEquals(400, Http.admin("GET", base.resolve("api/audit?from=yesterday"), null).statusCode());
    }

    private JsonObject lockout(long caller) {
        var response = Http.admin("GET", base.resolve("api/callers/" + caller + "/lockout"), null);
        assertEquals(200, response.statusCode(), response::body);
        return Http.object(response);
    }

    private List<JsonObject> auditItems(long caller) {
        return Http.object(Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&size=200"), null))
                .getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    private List<String> pinOutcomes(long caller) {
        var outcomes = new ArrayList<String>();
        for (int page = 0; ; page++) {
            var items = Http.object(Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&size=200&page=" + page),
                    null)).getJsonArray("items");
            items.stream().map(JsonObject.class::cast).filter(e -> e.getString("kind").equals("PIN"))
                    .forEach(e -> outcomes.add(e.getString("outcome")));
            if (items.size() < 200) {
                return outcomes;
            }
        }
    }

    private String lastOutcome(long caller) {
        return Http.object(Http.admin("GET", base.resolve("api/audit?callerId=" + caller + "&size=5"), null))
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("kind").equals("PIN")).findFirst().orElseThrow().getString("outcome");
    }

    private static String withoutUrls(VonagePlayer call) {
        return call.ncco().toString().replaceAll("\"eventUrl\":\\[[^\\]]*\\]", "");
    }
}
