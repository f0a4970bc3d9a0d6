package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.control.Decision.End;
import dev.landline.calls.control.Decision.Listen;
import dev.landline.calls.control.Decision.Listening;
import dev.landline.calls.control.Decision.ReadCode;
import dev.landline.calls.control.Decision.RightPin;
import dev.landline.calls.control.Dialogue.Account;
import dev.landline.calls.control.Dialogue.KnownCaller;
import dev.landline.calls.entity.CallSession;
import dev.landline.calls.entity.Stage;
import dev.landline.guard.control.PinOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The call's decisions, with a fixed clock and callers in memory: no database, no server, no voice provider. */
class DialogueTest {

    private static final Phrasebook ENGLISH = Prompts.in("en-GB");

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
    private static final OffsetDateTime ANSWERED = OffsetDateTime.ofInstant(NOW.minusSeconds(20), ZoneOffset.UTC);

    private final Dialogue dialogue = new Dialogue(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Map<String, Long> accountNumbers = new HashMap<>();
    private final Map<Long, KnownCaller> callers = new HashMap<>();
    private int callerLookups;

    private final Dialogue.Directory directory = new Dialogue.Directory() {
        @Override
        public Optional<Long> holderOf(String accountNumber) {
            return Optional.ofNullable(accountNumbers.get(accountNumber));
        }

        @Override
        public Optional<KnownCaller> caller(long id) {
            callerLookups++;
            return Optional.ofNullable(callers.get(id));
        }

        @Override
        public Optional<String> languageOf(long id) {
            return Optional.ofNullable(callers.get(id)).map(KnownCaller::language);
        }
    };

    private KnownCaller caller(long id, String language, String... accountNames) {
        var accounts = IntStream.range(0, accountNames.length)
                .mapToObj(i -> new Account(100 * id + i, accountNames[i])).toList();
        var caller = new KnownCaller(id, language, accounts);
        callers.put(id, caller);
        return caller;
    }

    private static CallSession call(Long callerId, boolean recognised) {
        var call = new CallSession("call-1", "CON-1", "447700900123", "442079460000", ANSWERED);
        call.start(callerId, recognised, ANSWERED);
        return call;
    }

    private Decision press(CallSession call, String digits) {
        return dialogue.next(call, new KeyPresses("call-1", digits, false), null, directory);
    }

    private Decision pin(CallSession call, PinOutcome outcome) {
        return dialogue.next(call, new KeyPresses("call-1", "4802", false), outcome, directory);
    }

    private static String said(Decision decision) {
        if (decision instanceof Listen listen) {
            return String.join(" | ", listen.speech().stream().map(Speech::markup).toList());
        }
        return ((End) decision).speech().markup();
    }

    @Test
    void aCallerRecognisedByCallerIdIsWelcomedAndAskedForThePin() {
        var answer = dialogue.answer(true, "en-GB");
        assertEquals(Listening.PIN, answer.listening());
        assertEquals("Welcome to Landline Authenticator. Please enter your PIN, then press the hash key.",
                said(answer));
    }

    @Test
    void anUnknownNumberIsAskedForTheAccountNumberThenThePinOfThatAccount() {
        assertEquals(Listening.ACCOUNT_NUMBER, dialogue.answer(false, "en-GB").listening());
        accountNumbers.put("12345678", 7L);
        var call = call(null, false);

        var next = press(call, "12345678");

        assertEquals(Listening.PIN, ((Listen) next).listening());
        assertEquals("Please enter your PIN, then press the hash key.", said(next));
        assertEquals(Stage.PIN, call.stage());
        assertEquals(7L, call.callerId());
        assertEquals(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), call.updatedAt(), "stamped by the clock");
    }

    @Test
    void anAccountNumberNobodyHasStillAsksForAPinSoItRevealsNothing() {
        var call = call(null, false);
        var next = press(call, "99999999");
        assertEquals(Listening.PIN, ((Listen) next).listening());
        assertNull(call.callerId());
        var after = pin(call, PinOutcome.ACCEPTED);
        assertTrue(said(after).startsWith("Sorry, that did not work."), said(after));
    }

    @Test
    void aRightPinWithOneAccountReadsItsCode() {
        caller(7L, "en-US", "GitHub");
        var call = call(7L, true);

        var right = assertInstanceOf(RightPin.class, pin(call, PinOutcome.ACCEPTED));

        assertEquals(7L, right.callerId());
        assertEquals(new ReadCode("en-US", 700L, null, false), right.next());
    }

    @Test
    void aRightPinWithSeveralAccountsOffersTheMenuInTheCallersEnglish() {
        caller(7L, "en-AU", "GitHub", "Gmail");
        var call = call(7L, true);

        var menu = assertInstanceOf(Listen.class, assertInstanceOf(RightPin.class, pin(call, PinOutcome.ACCEPTED))
                .next());

        assertEquals("en-AU", menu.language());
        assertEquals(Listening.ONE_KEY, menu.listening());
        assertEquals("For GitHub, press 1. For Gmail, press 2.", said(menu));
        assertEquals(Stage.MENU, call.stage());
    }

    @Test
    void aGermanCallerHearsTheMenuInGermanInAGermanVoice() {
        caller(7L, "de-DE", "GitHub", "Gmail");
        var menu = (Listen) ((RightPin) pin(call(7L, true), PinOutcome.ACCEPTED)).next();
        assertEquals("de-DE", menu.language());
        assertEquals("Für GitHub drücken Sie die 1. Für Gmail drücken Sie die 2.", said(menu));
    }

    @Test
    void aLanguageWithoutItsOwnBundleIsSpokenFromTheNearestOneInAVoiceTheProviderHas() {
        caller(7L, "de-AT", "GitHub", "Gmail");
        var menu = (Listen) ((RightPin) pin(call(7L, true), PinOutcome.ACCEPTED)).next();
        assertEquals("de-DE", menu.language(), "Vonage has no de-AT voice");
        assertTrue(said(menu).startsWith("Für GitHub"), said(menu));
    }

    @Test
    void aDutchMenuPutsTheKeyFirstAsDutchPhoneMenusDo() {
        caller(7L, "nl-NL", "GitHub", "Gmail");
        var menu = (Listen) ((RightPin) pin(call(7L, true), PinOutcome.ACCEPTED)).next();
        assertEquals("nl-NL", menu.language());
        assertEquals("Toets 1 voor GitHub. Toets 2 voor Gmail.", said(menu));
    }

    @Test
    void aCallerWhoseLanguageHasNoPromptsHearsTheServersLanguage() {
        var dialogue = new Dialogue(Clock.fixed(NOW, ZoneOffset.UTC), new CallLanguages("fr-FR", List.of()));
        caller(7L, "ko-KR", "GitHub", "Gmail");
        var menu = (Listen) ((RightPin) dialogue.next(call(7L, true), new KeyPresses("call-1", "4802", false),
                PinOutcome.ACCEPTED, directory)).next();
        assertEquals("fr-FR", menu.language());
        assertEquals("Pour GitHub, appuyez sur 1. Pour Gmail, appuyez sur 2.", said(menu));
    }

    @Test
    void anUnknownNumberIsGreetedInTheCalledNumbersLanguageAndAKnownAccountNumberDoesNotChangeIt() {
        var dialogue = new Dialogue(Clock.fixed(NOW, ZoneOffset.UTC),
                new CallLanguages("en-GB", List.of("+44 20 7946 0000=pl-PL", "+33 1 00 00 00 00=fr")));
        caller(7L, "ja-JP", "GitHub");
        accountNumbers.put("12345678", 7L);
        var call = call(null, false);

        var greeting = dialogue.answer(false, dialogue.answerLanguage(null, "442079460000"));
        var askPin = (Listen) dialogue.next(call, new KeyPresses("call-1", "12345678", false), null, directory);
        var unknown = (Listen) dialogue.next(call(null, false), new KeyPresses("call-1", "99999999", false), null,
                directory);

        assertEquals("pl-PL", greeting.language());
        assertEquals("Witamy w Landline Authenticator. Wprowadź numer konta i naciśnij krzyżyk.", said(greeting));
        assertEquals("pl-PL", askPin.language(), "the account holder's language would tell whose number it is");
        assertEquals(said(unknown), said(askPin));
        assertEquals("fr-FR", dialogue.answerLanguage(null, "33100000000"));
        assertEquals("en-GB", dialogue.answerLanguage(null, "15550100"), "a number without a setting");
    }

    @Test
    void aRecognisedCallerIsGreetedAndAskedAgainForThePinInTheirLanguage() {
        caller(7L, "ja-JP", "GitHub");
        var greeting = dialogue.answer(true, dialogue.answerLanguage("ja-JP", "442079460000"));
        var again = (Listen) pin(call(7L, true), PinOutcome.REJECTED);

        assertEquals("ja-JP", greeting.language());
        assertEquals("Landline Authenticatorへようこそ。 暗証番号を入力し、最後にシャープを押してください。", said(greeting));
        assertEquals("ja-JP", again.language());
        assertEquals("申し訳ありません。確認できませんでした。 暗証番号を入力し、最後にシャープを押してください。", said(again));
    }

    @Test
    void whatEndsACallBeforeItsStepIsSaidInTheLanguageItWasAnsweredIn() {
        var dialogue = new Dialogue(Clock.fixed(NOW, ZoneOffset.UTC),
                new CallLanguages("en-GB", List.of("+49 30 1234567=de-DE")));
        caller(7L, "ja-JP", "GitHub");

        var recognised = dialogue.beforePin(true, 7L, "49301234567", directory);
        var unknownNumber = dialogue.beforePin(false, 7L, "49301234567", directory);
        var elsewhere = dialogue.beforePin(false, null, "15550100", directory);

        assertEquals("ja-JP", recognised, "greeted in their own language");
        assertEquals("de-DE", unknownNumber, "an account number typed tells nothing");
        assertEquals("en-GB", elsewhere);
        assertEquals("申し訳ありません。ただいま回線が混み合っております。数分後に、もう一度おかけ直しください。",
                said(dialogue.tryLater(recognised)));
        assertTrue(said(dialogue.unavailable(unknownNumber)).startsWith("Landline Authenticator kann gerade"));
    }

    @Test
    void aRightPinWithoutAccountsEndsTheCall() {
        caller(7L, "en-GB");
        var call = call(7L, true);
        var end = assertInstanceOf(End.class, ((RightPin) pin(call, PinOutcome.ACCEPTED)).next());
        assertEquals("There are no accounts set up for you yet. Goodbye.", said(end));
        assertEquals(Stage.ENDED, call.stage());
    }

    @Test
    void aRecognisedCallerWithAWrongPinIsAskedForThePinAgainAndTheThirdEndsTheCall() {
        caller(7L, "en-GB", "GitHub");
        var call = call(7L, true);

        for (int wrong = 1; wrong <= 2; wrong++) {
            var again = assertInstanceOf(Listen.class, pin(call, PinOutcome.REJECTED));
            assertEquals(Listening.PIN, again.listening());
            assertEquals("Sorry, that did not work. Please enter your PIN, then press the hash key.", said(again));
        }
        var end = assertInstanceOf(End.class, pin(call, PinOutcome.REJECTED));

        assertEquals("Sorry, that did not work. Please try again later. Goodbye.", said(end));
        assertEquals(Stage.ENDED, call.stage());
    }

    @Test
    void wrongPinsAreCountedWithoutLoadingTheCallerOrTheirAccounts() {
        caller(7L, "en-GB", "GitHub");
        var call = call(7L, true);
        pin(call, PinOutcome.REJECTED);
        pin(call, PinOutcome.LOCKED);
        assertEquals(2, call.pinFailures());
        assertEquals(0, callerLookups, "a wrong PIN costs no lookup of the caller's accounts");
        assertInstanceOf(RightPin.class, pin(call, PinOutcome.ACCEPTED));
        assertEquals(1, callerLookups);
    }

    @Test
    void anUnknownCallerWithAWrongPinIsAskedForTheAccountNumberAgain() {
        caller(7L, "en-GB", "GitHub");
        var call = call(null, false);
        call.expectPinFor(7L, ANSWERED);

        var again = assertInstanceOf(Listen.class, pin(call, PinOutcome.LOCKED));

        assertEquals(Listening.ACCOUNT_NUMBER, again.listening());
        assertNull(call.callerId(), "the next account number chooses whose PIN is asked");
    }

    @Test
    void aPinTheGuardDidNotCheckIsNeitherRightNorCountedWrong() {
        caller(7L, "en-GB", "GitHub");
        var call = call(7L, true);
        var again = assertInstanceOf(Listen.class, pin(call, null));
        assertEquals("Sorry, that is not an option. Please enter your PIN, then press the hash key.", said(again));
        assertEquals(0, call.pinFailures());
    }

    @Test
    void silenceThreeTimesEndsTheCallPolitely() {
        var call = call(null, false);
        var first = assertInstanceOf(Listen.class, press(call, null));
        assertEquals("Sorry, I did not get that. Please enter your account number, then press the hash key.",
                said(first));
        press(call, null);
        var end = assertInstanceOf(End.class, press(call, null));
        assertEquals("Sorry, I did not get that. Goodbye.", said(end));
        assertEquals(Stage.ENDED, call.stage());
    }

    @Test
    void keyZeroTurnsTheMenuPagePastNineAndTheKeysChooseOnThatPage() {
        var names = IntStream.rangeClosed(1, 11).mapToObj(i -> "Service " + i).toArray(String[]::new);
        caller(7L, "en-GB", names);
        var call = call(7L, true);
        var first = (Listen) ((RightPin) pin(call, PinOutcome.ACCEPTED)).next();
        assertTrue(said(first).endsWith("For Service 9, press 9. For more accounts, press 0."), said(first));

        var second = assertInstanceOf(Listen.class, press(call, "0"));
        assertEquals("For Service 10, press 1. For Service 11, press 2. For more accounts, press 0.", said(second));
        assertEquals(1, call.menuPage());

        assertEquals(new ReadCode("en-GB", 710L, null, true), press(call, "2"));
    }

    @Test
    void aKeyTheMenuDoesNotOfferIsNotAnOption() {
        caller(7L, "en-GB", "GitHub", "Gmail");
        var call = call(7L, true);
        pin(call, PinOutcome.ACCEPTED);
        var again = assertInstanceOf(Listen.class, press(call, "5"));
        assertEquals("Sorry, that is not an option. For GitHub, press 1. For Gmail, press 2.", said(again));
        assertEquals(Stage.MENU, call.stage());
    }

    @Test
    void afterACodeOneRepeatsTheSameCodeAndTwoOffersTheOtherAccounts() {
        caller(7L, "en-GB", "Bank", "Gmail");
        var call = call(7L, true);
        pin(call, PinOutcome.ACCEPTED);
        call.codeRead(701L, 42L, ANSWERED);

        assertEquals(new ReadCode("en-GB", 701L, 42L, true), press(call, "1"), "the HOTP counter read before");
        var menu = assertInstanceOf(Listen.class, press(call, "2"));
        assertEquals("For Bank, press 1. For Gmail, press 2.", said(menu));
    }

    @Test
    void aCallWhoseCallerWasDeletedMeanwhileEndsAtTheMenu() {
        caller(7L, "en-GB", "GitHub", "Gmail");
        var call = call(7L, true);
        pin(call, PinOutcome.ACCEPTED);
        callers.clear();
        var end = assertInstanceOf(End.class, press(call, "1"));
        assertEquals("Goodbye.", said(end));
        assertEquals(Stage.ENDED, call.stage());
    }

    @Test
    void namesFromUsersAreEscapedOnceWhenSpokenAsSsml() {
        caller(7L, "en-GB", "<break time='10s'/>Evil & Co", "Gmail");
        var menu = (Listen) ((RightPin) pin(call(7L, true), PinOutcome.ACCEPTED)).next();
        var ssml = menu.speech().get(0).ssml();
        assertFalse(ssml.contains("<break"), ssml);
        assertTrue(ssml.contains("For &lt;break time=&apos;10s&apos;/&gt;Evil &amp; Co, press 1."), ssml);
    }

    @Test
    void codesAreReadDigitByDigitAndTheSpeechsToStringDoesNotShowThem() {
        var spoken = ENGLISH.counterCode("Bank", "081804");
        assertEquals(2, spoken.ssml().split("<say-as interpret-as='digits'>081804</say-as>", -1).length - 1);
        assertFalse(spoken.toString().contains("081804"), spoken.toString());
    }
}
