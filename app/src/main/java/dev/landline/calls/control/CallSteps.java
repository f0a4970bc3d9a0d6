package dev.landline.calls.control;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.accounts.control.Languages;
import dev.landline.accounts.control.PhoneNumbers;
import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.calls.entity.CallEvent;
import dev.landline.calls.entity.CallSession;
import dev.landline.calls.entity.Stage;
import dev.landline.codes.control.OtpType;
import dev.landline.guard.control.AttemptLedger;
import dev.landline.guard.control.PinOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a call: who is calling, account number, PIN (at most three wrong per call), menu, code. Each step
 * is one short transaction over the call's locked row. The PIN itself is checked between two steps, outside any
 * transaction, by the guard (see {@link CallFlow}). Caller ID only selects whose PIN is asked for; it never
 * replaces the PIN. After a right PIN the caller first hears how many wrong PINs other calls entered since their
 * last one, if any.
 */
@ApplicationScoped
@Transactional
public class CallSteps {

    /** A call whose last step is older than this cannot continue. */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(10);
    /** How far ahead of this node's clock another node's answer may be stamped. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final Set<String> FINAL_STATUSES = Set.of("completed", "busy", "cancelled", "failed", "rejected",
            "timeout", "unanswered", "disconnected");

    private static final Listening ACCOUNT_NUMBER = new Listening(16, true);
    private static final Listening PIN = new Listening(12, true);
    private static final Listening ONE_KEY = new Listening(1, false);
    private static final int TIMEOUT_SECONDS = 10;

    private record Listening(int maxDigits, boolean submitOnHash) {
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CallSteps.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerRegistry callers;

    @Inject
    Event<CallAnswered> answered;

    @Inject
    Event<CodeRead> codeRead;

    @Inject
    Event<WrongPinsTold> wrongPinsTold;

    @Inject
    AttemptLedger ledger;

    @Inject
    CodeReadout readout;

    @Inject
    CallStartTokens startTokens;

    @Inject
    Clock clock;

    /**
     * Claimed: the call's token is used up; the next step runs with what was stored for the call. A call turned
     * away by the call caps at its first input has nothing more to run.
     */
    public record Claim(String uuid, Stage stage, Long callerId, boolean turnedAway) {
    }

    /**
     * Answers a call without touching the database but for one indexed read (whose PIN to ask for): the call's
     * row, its audit entry and its count against the call caps wait for its first input, which carries what is
     * needed in its sealed token. A call that hangs up at the greeting costs no write.
     */
    @Transactional(TxType.SUPPORTS)
    public Reply answer(IncomingCall call) {
        var known = PhoneNumbers.parse(call.from()).map(callers::idsByPhone).orElse(List.of());
        var recognised = known.size() == 1 ? known.get(0) : null;
        var token = startTokens.seal(new CallStart(call.uuid(), call.conversationUuid(), call.from(), call.to(),
                recognised, clock.instant()));
        return recognised != null
                ? listen(token, Languages.DEFAULT, PIN, List.of(), Prompts.ssml(Prompts.welcome(), Prompts.askPin()))
                : listen(token, Languages.DEFAULT, ACCOUNT_NUMBER, List.of(),
                        Prompts.ssml(Prompts.welcome(), Prompts.askAccountNumber()));
    }

    /** The service lacks its keys: the call hears an apology, and its row and audit entry say so. */
    public Reply unavailable(IncomingCall call) {
        var now = now();
        var session = em.find(CallSession.class, call.uuid(), LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            session = new CallSession(call.uuid(), call.conversationUuid(),
                    PhoneNumbers.parse(call.from()).orElse(null), PhoneNumbers.parse(call.to()).orElse(null), now);
            em.persist(session);
        }
        session.end(now);
        answered.fire(new CallAnswered(call.uuid(), null, "UNAVAILABLE"));
        return end(Languages.DEFAULT, Prompts.unavailable());
    }

    /**
     * The first input of a call, with the start its answer sealed: creates the call's row, so that the sealed token
     * works once. Empty when the start is stale or the call already has a row (a replay, or a call that ended
     * before typing anything): then nothing is evaluated or counted. The call caps are counted next, outside any
     * transaction ({@link #admitted}).
     */
    public Optional<Claim> begin(CallStart start) {
        var now = now();
        if (start.answeredAt().plus(IDLE_LIMIT).isBefore(clock.instant())
                || start.answeredAt().isAfter(clock.instant().plus(CLOCK_SKEW))
                || em.find(CallSession.class, start.uuid()) != null) {
            return Optional.empty();
        }
        var session = new CallSession(start.uuid(), start.conversationUuid(),
                PhoneNumbers.parse(start.from()).orElse(null), PhoneNumbers.parse(start.to()).orElse(null),
                OffsetDateTime.ofInstant(start.answeredAt(), ZoneOffset.UTC));
        var callerId = start.recognised() && em.find(Caller.class, start.callerId()) != null
                ? start.callerId() : null;
        session.start(callerId, start.recognised(), now);
        em.persist(session);
        return Optional.of(new Claim(start.uuid(), session.stage(), callerId, false));
    }

    /**
     * After the call caps counted a just-begun call: within them, its audit entry says how it began; over them,
     * the call ends and is audited as turned away, and nothing it typed is evaluated.
     */
    public Claim admitted(Claim begun, boolean recognised, boolean withinCaps) {
        if (!withinCaps) {
            em.find(CallSession.class, begun.uuid(), LockModeType.PESSIMISTIC_WRITE).end(now());
            answered.fire(new CallAnswered(begun.uuid(), begun.callerId(), "THROTTLED"));
            return new Claim(begun.uuid(), Stage.ENDED, begun.callerId(), true);
        }
        answered.fire(new CallAnswered(begun.uuid(), begun.callerId(), recognised ? "RECOGNISED"
                : "ASKED_ACCOUNT_NUMBER"));
        return begun;
    }

    /** A call over the caps: it hears "try again later" and nothing else happens. */
    /** "Sorry, … cannot read codes right now": the call ends, and nothing is evaluated or charged. */
    public Reply unavailable() {
        return end(Languages.DEFAULT, Prompts.unavailable());
    }

    public Reply tryLater() {
        return end(Languages.DEFAULT, Prompts.tryLater());
    }

    /** Whether the call has a row (it got past its first input, or it ended). */
    public boolean exists(String callUuid) {
        return em.find(CallSession.class, callUuid) != null;
    }

    /**
     * Uses up the token of this call's current step. Empty when the token is not this call's current one (a
     * replay, a forgery, a finished or idle call): then nothing is evaluated and nothing changes.
     */
    public Optional<Claim> claim(String token, String callUuid) {
        if (!CallTokens.wellFormed(token)) {
            return Optional.empty();
        }
        var session = em.createNamedQuery(CallSession.BY_TOKEN_HASH, CallSession.class)
                .setParameter("hash", CallTokens.hash(token))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst();
        if (session.isEmpty() || !session.get().uuid().equals(callUuid)) {
            return Optional.empty();
        }
        var call = session.get();
        var now = now();
        if (call.updatedAt().plus(IDLE_LIMIT).isBefore(now)) {
            call.end(now);
            return Optional.empty();
        }
        call.useToken();
        return Optional.of(new Claim(call.uuid(), call.stage(), call.callerId(), false));
    }

    /**
     * The next step of a claimed call, with what the caller typed and, at the PIN step, the guard's verdict on it
     * (null when nothing usable was typed).
     */
    public Reply proceed(String callUuid, KeyPresses keys, PinOutcome pinOutcome) {
        var call = em.find(CallSession.class, callUuid, LockModeType.PESSIMISTIC_WRITE);
        return switch (call.stage()) {
            case ACCOUNT_NUMBER -> accountNumber(call, keys);
            case PIN -> pin(call, keys, pinOutcome);
            case MENU -> menu(call, keys);
            case AFTER_CODE -> afterCode(call, keys);
            case ENDED -> end(Languages.DEFAULT, Prompts.goodbye());
        };
    }

    /**
     * Records a status event; a final status ends the call so its token stops working. A call that ends before
     * its first input gets its row here, ended, so that its sealed start can no longer open it.
     */
    public void event(String callUuid, String status) {
        var now = now();
        em.persist(new CallEvent(callUuid, status, now));
        if (FINAL_STATUSES.contains(status)) {
            var session = em.find(CallSession.class, callUuid, LockModeType.PESSIMISTIC_WRITE);
            if (session == null) {
                session = new CallSession(callUuid, null, null, null, now);
                session.end(now);
                em.persist(session);
                em.flush();
                answered.fire(new CallAnswered(callUuid, null, "ENDED_BEFORE_INPUT"));
            } else if (session.stage() != Stage.ENDED) {
                session.end(now);
            }
        }
    }

    private Reply accountNumber(CallSession call, KeyPresses keys) {
        if (!keys.usable()) {
            return reprompt(call, Languages.DEFAULT, keys, ACCOUNT_NUMBER, Prompts.askAccountNumber());
        }
        var caller = callers.byAccountNumber(keys.digits());
        call.expectPinFor(caller.map(Caller::id).orElse(null), now());
        return listen(call, Languages.DEFAULT, PIN, Prompts.askPin());
    }

    private Reply pin(CallSession call, KeyPresses keys, PinOutcome outcome) {
        if (!keys.usable() || outcome == null) {
            return reprompt(call, Languages.DEFAULT, keys, PIN, Prompts.askPin());
        }
        var caller = call.callerId() == null ? null : em.find(Caller.class, call.callerId());
        if (!outcome.accepted() || caller == null) {
            if (!call.pinFailed(now())) {
                return end(Languages.DEFAULT, Prompts.tooManyFailures());
            }
            return call.recognised()
                    ? listen(call, Languages.DEFAULT, PIN, Prompts.notRecognised(), Prompts.askPin())
                    : listen(call, Languages.DEFAULT, ACCOUNT_NUMBER, Prompts.notRecognised(),
                            Prompts.askAccountNumber());
        }
        int wrong = ledger.tell(caller.id());
        if (wrong > 0) {
            wrongPinsTold.fire(new WrongPinsTold(call.uuid(), caller.id(), wrong));
        }
        return toldFirst(wrong, accountsOf(call, caller));
    }

    private Reply accountsOf(CallSession call, Caller caller) {
        var accounts = caller.accounts();
        if (accounts.isEmpty()) {
            call.end(now());
            return end(voice(caller), Prompts.noAccounts());
        }
        if (accounts.size() == 1) {
            return readCode(call, caller, accounts.get(0), accounts.size(), null);
        }
        return showMenu(call, caller, accounts, 0);
    }

    /**
     * After a right PIN, the caller hears first how many wrong PINs other calls entered since their last call, if
     * any (the figure the admin caller page shows); once: they were counted as told in this step's transaction
     * ({@link AttemptLedger#tell}).
     */
    private static Reply toldFirst(int wrong, Reply next) {
        if (wrong == 0) {
            return next;
        }
        var speech = new ArrayList<String>(next.speech().size() + 1);
        speech.add(Prompts.ssml(Prompts.wrongPinsSinceLastCall(wrong)));
        speech.addAll(next.speech());
        return new Reply(next.language(), speech, next.listen());
    }

    private Reply menu(CallSession call, KeyPresses keys) {
        var caller = authenticatedCaller(call);
        if (caller.isEmpty()) {
            return endCall(call, Prompts.goodbye());
        }
        var accounts = caller.get().accounts();
        var menu = menuOf(accounts);
        if (keys.usable() && menu.turnsPage(keys.digits())) {
            return showMenu(call, caller.get(), accounts, menu.nextPage(call.menuPage()));
        }
        var choice = keys.usable() ? menu.choose(call.menuPage(), keys.digits()) : Optional.<Integer>empty();
        if (choice.isPresent()) {
            return readCode(call, caller.get(), accounts.get(choice.get()), accounts.size(), null);
        }
        return reprompt(call, voice(caller.get()), keys, ONE_KEY,
                Prompts.menu(menu.page(call.menuPage()), menu.paged()));
    }

    private Reply afterCode(CallSession call, KeyPresses keys) {
        var caller = authenticatedCaller(call);
        if (caller.isEmpty()) {
            return endCall(call, Prompts.goodbye());
        }
        var accounts = caller.get().accounts();
        if (keys.usable() && keys.digits().equals("1")) {
            var again = accounts.stream().filter(a -> a.id().equals(call.accountId())).findFirst();
            if (again.isPresent()) {
                return readCode(call, caller.get(), again.get(), accounts.size(), call.readCounter());
            }
            return showMenu(call, caller.get(), accounts, 0);
        }
        if (keys.usable() && keys.digits().equals("2") && accounts.size() > 1) {
            return showMenu(call, caller.get(), accounts, 0);
        }
        return reprompt(call, voice(caller.get()), keys, ONE_KEY, Prompts.afterCode(accounts.size() > 1));
    }

    /** Reads the account's code; {@code repeatCounter} repeats the HOTP code read just before. */
    private Reply readCode(CallSession call, Caller caller, OtpAccount account, int accountCount, Long repeatCounter) {
        boolean hotp = account.parameters().type() == OtpType.HOTP;
        if (hotp && repeatCounter == null) {
            em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        }
        CodeReadout.Spoken spoken;
        try {
            spoken = hotp && repeatCounter != null ? readout.repeat(account, repeatCounter) : readout.speak(account);
        } catch (IllegalStateException unreadable) {
            LOG.severe("The seed of account " + account.id() + " cannot be opened: " + unreadable.getMessage());
            call.end(now());
            return end(voice(caller), Prompts.unavailable());
        }
        call.codeRead(account.id(), spoken.counter(), now());
        codeRead.fire(new CodeRead(call.uuid(), caller.id(), account.id()));
        return listen(call, voice(caller), ONE_KEY, List.of(Prompts.ssml(spoken.text())),
                Prompts.afterCode(accountCount > 1));
    }

    private Reply showMenu(CallSession call, Caller caller, List<OtpAccount> accounts, int page) {
        var menu = menuOf(accounts);
        call.showMenu(page, now());
        return listen(call, voice(caller), ONE_KEY, Prompts.menu(menu.page(page), menu.paged()));
    }

    private Reply reprompt(CallSession call, String language, KeyPresses keys, Listening listening,
            String question) {
        var reason = keys.none() ? Prompts.nothingHeard() : Prompts.notAnOption();
        if (!call.reprompted(now())) {
            return end(language, reason + " " + Prompts.goodbye());
        }
        return listen(call, language, listening, reason, question);
    }

    /** The caller of a call that got past the PIN (only then is the stage MENU or AFTER_CODE). */
    private Optional<Caller> authenticatedCaller(CallSession call) {
        return Optional.ofNullable(call.callerId()).map(id -> em.find(Caller.class, id));
    }

    private Reply endCall(CallSession call, String sentence) {
        call.end(now());
        return end(Languages.DEFAULT, sentence);
    }

    private static Menu menuOf(List<OtpAccount> accounts) {
        return new Menu(accounts.stream().map(OtpAccount::spokenName).toList());
    }

    private Reply listen(CallSession call, String language, Listening listening, String... sentences) {
        return listen(call, language, listening, List.of(), Prompts.ssml(sentences));
    }

    private Reply listen(CallSession call, String language, Listening listening, List<String> before,
            String question) {
        var token = CallTokens.next();
        call.expectToken(CallTokens.hash(token));
        return listen(token, language, listening, before, question);
    }

    private static Reply listen(String token, String language, Listening listening, List<String> before,
            String question) {
        var speech = new ArrayList<>(before);
        speech.add(question.startsWith("<speak>") ? question : Prompts.ssml(question));
        return new Reply(language, speech,
                new Reply.Listen(listening.maxDigits(), listening.submitOnHash(), TIMEOUT_SECONDS, token));
    }

    private static Reply end(String language, String sentence) {
        return new Reply(language, List.of(Prompts.ssml(sentence)), null);
    }

    /** The caller's voice when the prompts exist in that language (English variants for now). */
    private static String voice(Caller caller) {
        return caller.language().startsWith("en") ? caller.language() : Languages.DEFAULT;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
