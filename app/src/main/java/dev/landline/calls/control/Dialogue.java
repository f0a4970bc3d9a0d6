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

    public Dialogue() {
    }

    Dialogue(Clock clock) {
        this.clock = clock;
    }

    /** What the dialogue needs to know about callers, looked up by whoever stores them. */
    public interface Directory {

        /** The caller whose account number this is. */
        Optional<Long> holderOf(String accountNumber);

        /** A caller with their accounts in menu order; empty when there is no such caller (any more). */
        Optional<KnownCaller> caller(long id);
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

    /** A call was answered: a caller recognised by caller ID is asked for the PIN, anyone else for the account. */
    public Listen answer(boolean recognised) {
        return recognised
                ? new Listen(Languages.DEFAULT, List.of(Prompts.welcome().then(Prompts.askPin())), Listening.PIN)
                : new Listen(Languages.DEFAULT, List.of(Prompts.welcome().then(Prompts.askAccountNumber())),
                        Listening.ACCOUNT_NUMBER);
    }

    /** "Sorry, … cannot read codes right now": the call ends, and nothing is evaluated or charged. */
    public End unavailable() {
        return new End(Languages.DEFAULT, Prompts.unavailable());
    }

    /** A call over the caps: it hears "try again later" and nothing else happens. */
    public End tryLater() {
        return new End(Languages.DEFAULT, Prompts.tryLater());
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
            case ENDED -> new End(Languages.DEFAULT, Prompts.goodbye());
        };
    }

    private Decision accountNumber(CallSession call, KeyPresses keys, Directory directory) {
        if (!keys.usable()) {
            return reprompt(call, Languages.DEFAULT, keys, Listening.ACCOUNT_NUMBER, Prompts.askAccountNumber());
        }
        call.expectPinFor(directory.holderOf(keys.digits()).orElse(null), now());
        return new Listen(Languages.DEFAULT, List.of(Prompts.askPin()), Listening.PIN);
    }

    private Decision pin(CallSession call, KeyPresses keys, PinOutcome outcome, Directory directory) {
        if (!keys.usable() || outcome == null) {
            return reprompt(call, Languages.DEFAULT, keys, Listening.PIN, Prompts.askPin());
        }
        // a wrong PIN (the lock-out path, at request rate) never loads the caller and their accounts
        var caller = !outcome.accepted() || call.callerId() == null ? Optional.<KnownCaller>empty()
                : directory.caller(call.callerId());
        if (caller.isEmpty()) {
            if (!call.pinFailed(now())) {
                return new End(Languages.DEFAULT, Prompts.tooManyFailures());
            }
            return call.recognised()
                    ? new Listen(Languages.DEFAULT, List.of(Prompts.notRecognised().then(Prompts.askPin())),
                            Listening.PIN)
                    : new Listen(Languages.DEFAULT,
                            List.of(Prompts.notRecognised().then(Prompts.askAccountNumber())),
                            Listening.ACCOUNT_NUMBER);
        }
        return new RightPin(caller.get().id(), accountsOf(call, caller.get()));
    }

    private Decision accountsOf(CallSession call, KnownCaller caller) {
        var accounts = caller.accounts();
        if (accounts.isEmpty()) {
            call.end(now());
            return new End(voice(caller), Prompts.noAccounts());
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
            return new End(Languages.DEFAULT, Prompts.goodbye());
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
                Prompts.menu(menu.page(call.menuPage()), menu.paged()));
    }

    private Decision afterCode(CallSession call, KeyPresses keys, Directory directory) {
        var caller = authenticatedCaller(call, directory);
        if (caller.isEmpty()) {
            call.end(now());
            return new End(Languages.DEFAULT, Prompts.goodbye());
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
        return reprompt(call, voice(caller.get()), keys, Listening.ONE_KEY, Prompts.afterCode(accounts.size() > 1));
    }

    private Decision showMenu(CallSession call, KnownCaller caller, int page) {
        var menu = menuOf(caller.accounts());
        call.showMenu(page, now());
        return new Listen(voice(caller), List.of(Prompts.menu(menu.page(page), menu.paged())), Listening.ONE_KEY);
    }

    private Decision reprompt(CallSession call, String language, KeyPresses keys, Listening listening,
            Speech question) {
        var reason = keys.none() ? Prompts.nothingHeard() : Prompts.notAnOption();
        if (!call.reprompted(now())) {
            return new End(language, reason.then(Prompts.goodbye()));
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

    /** The caller's voice when the prompts exist in that language (English variants for now). */
    private static String voice(KnownCaller caller) {
        return caller.language().startsWith("en") ? caller.language() : Languages.DEFAULT;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
