package dev.landline.calls.control;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.calls.control.Decision.End;
import dev.landline.calls.control.Decision.Listen;
import dev.landline.calls.control.Decision.Listening;
import dev.landline.calls.control.Decision.ReadCode;
import dev.landline.calls.control.Decision.RightPin;
import dev.landline.calls.entity.CallSession;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Carries out what the {@link Dialogue} decides, one step per transaction over the call's locked row
 * ({@link CallSessions}): a single-use token for the next input, the code read from the account's seed (an HOTP
 * counter moved on under the account's lock), the wrong PINs told after a right PIN, the audit events. The PIN
 * itself is checked between two steps, outside any transaction, by the guard (see {@link CallFlow}).
 */
@ApplicationScoped
@Transactional
public class CallSteps {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CallSteps.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CallSessions sessions;

    @Inject
    Dialogue dialogue;

    @Inject
    CallerRegistry callers;

    @Inject
    Event<CodeRead> codeRead;

    @Inject
    Event<WrongPinsTold> wrongPinsTold;

    @Inject
    AttemptLedger ledger;

    @Inject
    CodeReadout readout;

    @Inject
    Clock clock;

    /**
     * The next step of a claimed call, with what the caller typed and, at the PIN step, the guard's verdict on it
     * (null when nothing usable was typed).
     */
    public Reply proceed(String callUuid, KeyPresses keys, PinOutcome pinOutcome) {
        var call = sessions.locked(callUuid);
        return carryOut(call, dialogue.next(call, keys, pinOutcome, directory()));
    }

    private Reply carryOut(CallSession call, Decision decision) {
        if (decision instanceof Listen listen) {
            return Reply.listening(listen, sessions.nextToken(call));
        }
        if (decision instanceof ReadCode read) {
            return readCode(call, read);
        }
        if (decision instanceof RightPin right) {
            return toldFirst(call, right);
        }
        return Reply.ending((End) decision);
    }

    /**
     * After a right PIN, the caller hears first how many wrong PINs other calls entered since their last call, if
     * any (the figure the admin caller page shows); once: they were counted as told in this step's transaction
     * ({@link AttemptLedger#tell}).
     */
    private Reply toldFirst(CallSession call, RightPin right) {
        int wrong = ledger.tell(right.callerId());
        if (wrong > 0) {
            wrongPinsTold.fire(new WrongPinsTold(call.uuid(), right.callerId(), wrong));
        }
        var next = carryOut(call, right.next());
        return wrong == 0 ? next : next.saying(Prompts.in(next.language()).wrongPinsSinceLastCall(wrong));
    }

    /** Reads the account's code; a repeat counter repeats the HOTP code read just before. */
    private Reply readCode(CallSession call, ReadCode read) {
        var account = em.find(OtpAccount.class, read.accountId());
        boolean hotp = account.parameters().type() == OtpType.HOTP;
        if (hotp && read.repeatCounter() == null) {
            em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        }
        CodeReadout.Spoken spoken;
        try {
            spoken = hotp && read.repeatCounter() != null
                    ? readout.repeat(account, read.repeatCounter(), read.language())
                    : readout.speak(account, read.language());
        } catch (IllegalStateException unreadable) {
            LOG.severe("The seed of account " + account.id() + " cannot be opened: " + unreadable.getMessage());
            call.end(now());
            return Reply.ending(dialogue.unavailable(read.language()));
        }
        call.codeRead(account.id(), spoken.counter(), now());
        codeRead.fire(new CodeRead(call.uuid(), call.callerId(), account.id()));
        return Reply.listening(new Listen(read.language(),
                List.of(spoken.speech(), Prompts.in(read.language()).afterCode(read.otherAccounts())),
                Listening.ONE_KEY),
                sessions.nextToken(call));
    }

    /** The language the claimed call was answered in (see {@link Dialogue#beforePin}), for what ends it early. */
    @Transactional(TxType.SUPPORTS)
    public String languageBeforePin(CallSessions.Claim claim) {
        return dialogue.beforePin(claim.recognised(), claim.callerId(), claim.to(), directory());
    }

    private Dialogue.Directory directory() {
        return new Dialogue.Directory() {
            @Override
            public Optional<Long> holderOf(String accountNumber) {
                return callers.byAccountNumber(accountNumber).map(Caller::id);
            }

            @Override
            public Optional<Dialogue.KnownCaller> caller(long id) {
                return Optional.ofNullable(em.find(Caller.class, id)).map(caller -> new Dialogue.KnownCaller(
                        caller.id(), caller.language(), caller.accounts().stream()
                                .map(account -> new Dialogue.Account(account.id(), account.spokenName())).toList()));
            }

            @Override
            public Optional<String> languageOf(long id) {
                return callers.languageOf(id);
            }
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
