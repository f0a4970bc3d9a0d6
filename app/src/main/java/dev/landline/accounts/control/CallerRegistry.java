package dev.landline.accounts.control;

import dev.landline.accounts.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registers, finds, changes and removes callers. */
@ApplicationScoped
@Transactional
public class CallerRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    PinPolicy pinPolicy;

    @Inject
    PinHasher pinHasher;

    @Inject
    Clock clock;

    @Inject
    Event<CallerRegistered> registered;

    public Caller register(String name, String accountNumber, String pin, Collection<String> phoneNumbers,
            String language) {
        pinPolicy.check(pin, accountNumber);
        var phones = phoneNumbers == null ? List.<String>of()
                : phoneNumbers.stream().map(PhoneNumbers::normalise).distinct().toList();
        var speech = language == null ? Languages.DEFAULT : language;
        if (!Languages.supported(speech)) {
            throw new InvalidCallerDetail("language",
                    "not one of the languages callers can hear: " + Languages.offeredList());
        }
        if (byAccountNumber(accountNumber).isPresent()) {
            throw new AccountNumberTaken();
        }
        var caller = new Caller(name.strip(), accountNumber, pinHasher.hash(pin), phones, speech, now());
        em.persist(caller);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException raced) {
            throw new AccountNumberTaken();
        }
        registered.fire(new CallerRegistered(caller.id()));
        return caller;
    }

    /** One page of callers, newest first: at most {@code size} of them after the first {@code first}. */
    public List<Caller> page(int first, int size) {
        return em.createNamedQuery(Caller.ALL, Caller.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public Optional<Caller> find(long id) {
        return Optional.ofNullable(em.find(Caller.class, id));
    }

    public Optional<Caller> byAccountNumber(String accountNumber) {
        return em.createNamedQuery(Caller.BY_ACCOUNT_NUMBER, Caller.class)
                .setParameter("number", accountNumber)
                .setMaxResults(1)
                .getResultList().stream()
                .findFirst();
    }

    /** Just a caller's language, without loading the caller; empty when there is no such caller. */
    public Optional<String> languageOf(long id) {
        return em.createNamedQuery(Caller.LANGUAGE, String.class)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** The stored PIN hash of a caller, for the PIN check; it never leaves the guard and accounts packages. */
    public Optional<String> pinHashOf(long id) {
        return find(id).map(Caller::pinHash);
    }

    /**
     * After a successful PIN check: rehashes the PIN with today's cost and pepper when its stored hash is older
     * (the PIN rules are not applied again: the caller did nothing wrong).
     */
    public void refreshPinHash(long id, String pin) {
        var caller = em.find(Caller.class, id);
        if (caller != null && pinHasher.outdated(caller.pinHash())) {
            caller.changePinHash(pinHasher.hash(pin));
        }
    }

    public boolean changePin(long id, String pin) {
        var caller = em.find(Caller.class, id);
        if (caller == null) {
            return false;
        }
        pinPolicy.check(pin, caller.accountNumber());
        caller.changePinHash(pinHasher.hash(pin));
        return true;
    }

    public boolean remove(long id) {
        var caller = em.find(Caller.class, id);
        if (caller == null) {
            return false;
        }
        em.remove(caller);
        return true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
