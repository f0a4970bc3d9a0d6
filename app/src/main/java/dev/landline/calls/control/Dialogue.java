package dev.landline.calls.control;

import dev.landline.accounts.control.Languages;
import dev.landline.calls.control.Decision.End;
import dev.landline.calls.control.Decision.Listen;
import dev.landline.calls.control.Decision.Listening;
import dev.landline.calls.control.Decision.ReadCode;
import dev.landline.calls.control.Decision.RightPin;
import dev.landline.calls.entity.CallSession;
import dev.landline.guard.control.PinOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The call's dialogue, decided without a database, a server or a voice provider: from the call's stage, the keys
 * pressed, the guard's verdict on a PIN, the caller's accounts and the clock to a {@link Decision}. Who is calling,
 * account number, PIN (at most three wrong per call), menu, code. Caller ID only selects whose PIN is asked for; it
 * never replaces the PIN. After a right PIN the caller first hears how many wrong PINs other calls entered since
 * their last one, if any. The call's state moves on in the {@link CallSession} given (in memory; storing it is the
 * caller's business).
 */
@ApplicationScoped
public class Dialogue {

    @Inject
    Clock clock;

    @Inject
    CallLanguages languages;

    public Dialogue() {
    }

    /** Without a container; every call in en-GB unless the languages say otherwise. */
    Dialogue(Clock clock) {
        this(clock, new CallLanguages(Languages.DEFAULT, List.of()));
    }

    Dialogue(Clock clock, CallLanguages languages) {
        this.clock = clock;
        this.languages = languages;
    }

    /** What the dialogue needs to know about callers, looked up by whoever stores them. */
    public interface Directory {

        /** The caller whose account number this is. */
        Optional<Long> holderOf(String accountNumber);

        /** A caller with their accounts in menu order; empty when there is no such caller (any more). */
        Optional<KnownCaller> caller(long id);

        /** Just a caller's language (nothing else is loaded); empty when there is no such caller (any more). */
        Optional<String> languageOf(long id);
    }

    /** A caller as the dialogue sees them: the voice they want and their accounts' spoken names, in menu order. */
    public record KnownCaller(long id, String language, List<Account> accounts) {

        public KnownCaller {
            accounts = List.copyOf(accounts);
        }
    }

    /** One of the caller's accounts, by the name the menu says. */
    public record Account(long id, String spokenName) {
    }

    /**
     * A call was answered: a caller recognised by caller ID is asked for the PIN (in their language), anyone else
     * for the account (in the called number's language, {@link #answerLanguage}).
     */
    public Listen answer(boolean recognised, String language) {
        var say = Prompts.in(language);
        return recognised
                ? new Listen(language, List.of(say.welcome().then(say.askPin())), Listening.PIN)
                : new Listen(language, List.of(say.welcome().then(say.askAccountNumber())), Listening.ACCOUNT_NUMBER);
    }

    /**
     * The language a call is answered in: the recognised caller's (their {@code language}, null when caller ID
     * selected nobody), else the called number's.
     */
    public String answerLanguage(String recognisedCallersLanguage, String to) {
        return (recognisedCallersLanguage != null ? languages.caller(recognisedCallersLanguage)
                : languages.calledNumber(to)).voice();
    }

    /** "Sorry, … cannot read codes right now", in this language (a call's, when it is known). */
    public End unavailable(String language) {
        return new End(language, Prompts.in(language).unavailable());
    }

    /**
     * A call over the caps: it hears "try again later" in this language (the one it was answered in,
     * {@link #beforePin(boolean, Long, String, Directory)}) and nothing else happens.
     */
    public End tryLater(String language) {
        return new End(language, Prompts.in(language).tryLater());
    }

    /**
     * The next step of a call, with what the caller typed and, at the PIN step, the guard's verdict on it (null
     * when nothing usable was typed or nothing was checked).
     */
    public Decision next(CallSession call, KeyPresses keys, PinOutcome pinOutcome, Directory directory) {
        return switch (call.stage()) {
            case ACCOUNT_NUMBER -> accountNumber(call, keys, directory);
            case PIN -> pin(call, keys, pinOutcome, directory);
            case MENU -> menu(call, keys, directory);
            case AFTER_CODE -> afterCode(call, keys, directory);
            case ENDED -> goodbye(call, directory);
        };
    }

    private Decision accountNumber(CallSession call, KeyPresses keys, Directory directory) {
        var language = beforePin(call, directory);
        if (!keys.usable()) {
            return reprompt(call, language, keys, Listening.ACCOUNT_NUMBER, Prompts.in(language).askAccountNumber());
        }
        call.expectPinFor(directory.holderOf(keys.digits()).orElse(null), now());
        return new Listen(language, List.of(Prompts.in(language).askPin()), Listening.PIN);
    }

    private Decision pin(CallSession call, KeyPresses keys, PinOutcome outcome, Directory directory) {
        if (!keys.usable() || outcome == null) {
            var language = beforePin(call, directory);
            return reprompt(call, language, keys, Listening.PIN, Prompts.in(language).askPin());
        }
        // a wrong PIN (the lock-out path, at request rate) never loads the caller and their accounts
        var caller = !outcome.accepted() || call.callerId() == null ? Optional.<KnownCaller>empty()
                : directory.caller(call.callerId());
        if (caller.isEmpty()) {
            var language = beforePin(call, directory);
            var say = Prompts.in(language);
            if (!call.pinFailed(now())) {
                return new End(language, say.tooManyFailures());
            }
            return call.recognised()
                    ? new Listen(language, List.of(say.notRecognised().then(say.askPin())), Listening.PIN)
                    : new Listen(language, List.of(say.notRecognised().then(say.askAccountNumber())),
                            Listening.ACCOUNT_NUMBER);
        }
        return new RightPin(caller.get().id(), accountsOf(call, caller.get()));
    }

    private Decision accountsOf(CallSession call, KnownCaller caller) {
        var accounts = caller.accounts();
        if (accounts.isEmpty()) {
            call.end(now());
            return new End(voice(caller), Prompts.in(voice(caller)).noAccounts());
        }
        if (accounts.size() == 1) {
            return new ReadCode(voice(caller), accounts.get(0).id(), null, false);
        }
        return showMenu(call, caller, 0);
    }

    private Decision menu(CallSession call, KeyPresses keys, Directory directory) {
        var caller = authenticatedCaller(call, directory);
        if (caller.isEmpty()) {
            call.end(now());
            return goodbye(call, directory);
        }
        var accounts = caller.get().accounts();
        var menu = menuOf(accounts);
        if (keys.usable() && menu.turnsPage(keys.digits())) {
            return showMenu(call, caller.get(), menu.nextPage(call.menuPage()));
        }
        var choice = keys.usable() ? menu.choose(call.menuPage(), keys.digits()) : Optional.<Integer>empty();
        if (choice.isPresent()) {
            return new ReadCode(voice(caller.get()), accounts.get(choice.get()).id(), null, accounts.size() > 1);
        }
        return reprompt(call, voice(caller.get()), keys, Listening.ONE_KEY,
                Prompts.in(voice(caller.get())).menu(menu.page(call.menuPage()), menu.paged()));
    }

    private Decision afterCode(CallSession call, KeyPresses keys, Directory directory) {
        var caller = authenticatedCaller(call, directory);
        if (caller.isEmpty()) {
            call.end(now());
            return goodbye(call, directory);
        }
        var accounts = caller.get().accounts();
        if (keys.usable() && keys.digits().equals("1")) {
            var again = accounts.stream().filter(a -> call.accountId() != null && a.id() == call.accountId())
                    .findFirst();
            if (again.isPresent()) {
                return new ReadCode(voice(caller.get()), again.get().id(), call.readCounter(), accounts.size() > 1);
            }
            return showMenu(call, caller.get(), 0);
        }
        if (keys.usable() && keys.digits().equals("2") && accounts.size() > 1) {
            return showMenu(call, caller.get(), 0);
        }
        return reprompt(call, voice(caller.get()), keys, Listening.ONE_KEY,
                Prompts.in(voice(caller.get())).afterCode(accounts.size() > 1));
    }

    private Decision showMenu(CallSession call, KnownCaller caller, int page) {
        var menu = menuOf(caller.accounts());
        call.showMenu(page, now());
        return new Listen(voice(caller), List.of(Prompts.in(voice(caller)).menu(menu.page(page), menu.paged())),
                Listening.ONE_KEY);
    }

    private Decision reprompt(CallSession call, String language, KeyPresses keys, Listening listening,
            Speech question) {
        var say = Prompts.in(language);
        var reason = keys.none() ? say.nothingHeard() : say.notAnOption();
        if (!call.reprompted(now())) {
            return new End(language, reason.then(say.goodbye()));
        }
        return new Listen(language, List.of(reason.then(question)), listening);
    }

    /** The caller of a call that got past the PIN (only then is the stage MENU or AFTER_CODE). */
    private static Optional<KnownCaller> authenticatedCaller(CallSession call, Directory directory) {
        return Optional.ofNullable(call.callerId()).flatMap(directory::caller);
    }

    private static Menu menuOf(List<Account> accounts) {
        return new Menu(accounts.stream().map(Account::spokenName).toList());
    }

    /** The caller's language as it can be spoken (the nearest bundle, a voice the provider speaks). */
    private String voice(KnownCaller caller) {
        return languages.caller(caller.language()).voice();
    }

    /**
     * The language until the right PIN: a caller recognised by caller ID hears theirs (the greeting already said
     * they were recognised); anyone else the called number's. An account number typed changes nothing here, so an
     * unknown one and a known one still sound the same.
     */
    private String beforePin(CallSession call, Directory directory) {
        return beforePin(call.recognised(), call.callerId(), call.toNumber(), directory);
    }

    /**
     * The language until the right PIN of a call known only by what its claimed step says: whether caller ID
     * recognised the caller (their id, null when none), and the number called. Used for what a call hears before
     * its step runs (turned away, unavailable), so it is the language it was answered in.
     */
    public String beforePin(boolean recognised, Long callerId, String to, Directory directory) {
        var language = recognised && callerId != null ? directory.languageOf(callerId) : Optional.<String>empty();
        return answerLanguage(language.orElse(null), to);
    }

    /** Goodbye to a call that has ended or whose caller is gone: in the language it was answered in. */
    private End goodbye(CallSession call, Directory directory) {
        var language = beforePin(call, directory);
        return new End(language, Prompts.in(language).goodbye());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
