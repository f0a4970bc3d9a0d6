package dev.landline.calls.control;

import dev.landline.accounts.control.PhoneNumbers;
import dev.landline.accounts.entity.Caller;
import dev.landline.calls.control.CallAnswered.Outcome;
import dev.landline.calls.entity.CallEvent;
import dev.landline.calls.entity.CallSession;
import dev.landline.calls.entity.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where calls are kept between webhooks: begin a call, claim its current step (using up the step's single-use
 * token), lock its row for the next step, end it. Each method is one short transaction over the call's locked row;
 * nothing here decides what the caller hears (that is the {@link Dialogue}).
 */
@ApplicationScoped
@Transactional
public class CallSessions {

    /** A call whose last step is older than this cannot continue. */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(10);
    /** How far ahead of this node's clock another node's answer may be stamped. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CallAnswered> answered;

    @Inject
    Clock clock;

    /**
     * Claimed: the call's token is used up; the next step runs with what was stored for the call. A call turned
     * away by the call caps at its first input has nothing more to run. Whether caller ID recognised the caller and
     * the number called choose what language anything said before the step runs is in.
     */
    public record Claim(String uuid, Stage stage, Long callerId, boolean recognised, String to, boolean turnedAway) {

        /** Never the number. */
        @Override
        public String toString() {
            return "Claim[call=" + uuid + ", stage=" + stage + ", recognised=" + recognised + ", turnedAway="
                    + turnedAway + "]";
        }
    }

    /** The service lacks its keys: the call's row and audit entry say it ended unavailable. */
    public void unavailable(IncomingCall call) {
        var now = now();
        var session = em.find(CallSession.class, call.uuid(), LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            session = new CallSession(call.uuid(), call.conversationUuid(),
                    PhoneNumbers.parse(call.from()).orElse(null), PhoneNumbers.parse(call.to()).orElse(null), now);
            em.persist(session);
        }
        session.end(now);
        answered.fire(new CallAnswered(call.uuid(), null, Outcome.UNAVAILABLE));
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
        return Optional.of(new Claim(start.uuid(), session.stage(), callerId, session.recognised(),
                session.toNumber(), false));
    }

    /**
     * After the call caps counted a just-begun call: within them, its audit entry says how it began; over them,
     * the call ends and is audited as turned away, and nothing it typed is evaluated.
     */
    public Claim admitted(Claim begun, boolean recognised, boolean withinCaps) {
        if (!withinCaps) {
            em.find(CallSession.class, begun.uuid(), LockModeType.PESSIMISTIC_WRITE).end(now());
            answered.fire(new CallAnswered(begun.uuid(), begun.callerId(), Outcome.THROTTLED));
            return new Claim(begun.uuid(), Stage.ENDED, begun.callerId(), begun.recognised(), begun.to(), true);
        }
        answered.fire(new CallAnswered(begun.uuid(), begun.callerId(),
                recognised ? Outcome.RECOGNISED : Outcome.ASKED_ACCOUNT_NUMBER));
        return begun;
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
        return Optional.of(new Claim(call.uuid(), call.stage(), call.callerId(), call.recognised(), call.toNumber(),
                false));
    }

    /** The claimed call's row, locked for its next step (within the caller's transaction). */
    public CallSession locked(String callUuid) {
        return em.find(CallSession.class, callUuid, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A new single-use token for the call's next input; only its hash is stored, the previous one stops working. */
    public String nextToken(CallSession call) {
        var token = CallTokens.next();
        call.expectToken(CallTokens.hash(token));
        return token;
    }

    /**
     * Records a status event; {@code over} (the provider said the call is over) ends the call so its token stops
     * working. A call that ends before its first input gets its row here, ended, so that its sealed start can no
     * longer open it.
     */
    public void event(String callUuid, String status, boolean over) {
        var now = now();
        em.persist(new CallEvent(callUuid, status, now));
        if (over) {
            var session = em.find(CallSession.class, callUuid, LockModeType.PESSIMISTIC_WRITE);
            if (session == null) {
                session = new CallSession(callUuid, null, null, null, now);
                session.end(now);
                em.persist(session);
                em.flush();
                answered.fire(new CallAnswered(callUuid, null, Outcome.ENDED_BEFORE_INPUT));
            } else if (session.stage() != Stage.ENDED) {
                session.end(now);
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
