package dev.landline.accounts.control;

import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.OtpParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Adds, lists, reorders and removes the OTP accounts of a caller. Seeds are sealed before they are stored. */
@ApplicationScoped
@Transactional
public class AccountRegistry {

    @PersistenceContext
    EntityManager em;

    @Inject
    SeedCipher cipher;

    @Inject
    Clock clock;

    /** Empty when the caller does not exist. */
    public Optional<OtpAccount> add(long callerId, String issuer, String label, byte[] seed, OtpParameters parameters) {
        var caller = em.find(Caller.class, callerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (caller == null) {
            return Optional.empty();
        }
        var account = new OtpAccount(caller, blankToNull(issuer), label.strip(), parameters,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        caller.addAccount(account);
        em.persist(account);
        cipher.seal(account, seed);
        return Optional.of(account);
    }

    /**
     * True when the caller already has an account with this issuer, label and seed (the seeds compared in constant
     * time, each opened only for the comparison). A missing caller holds nothing.
     */
    public boolean holds(long callerId, String issuer, String label, byte[] seed) {
        var caller = em.find(Caller.class, callerId);
        if (caller == null) {
            return false;
        }
        var wantedIssuer = blankToNull(issuer);
        var wantedLabel = label.strip();
        for (var account : caller.accounts()) {
            if (Objects.equals(account.issuer(), wantedIssuer) && account.label().equals(wantedLabel)) {
                var stored = cipher.open(account);
                try {
                    if (MessageDigest.isEqual(stored, seed)) {
                        return true;
                    }
                } finally {
                    Arrays.fill(stored, (byte) 0);
                }
            }
        }
        return false;
    }

    public Optional<List<OtpAccount>> of(long callerId) {
        return Optional.ofNullable(em.find(Caller.class, callerId)).map(Caller::accounts);
    }

    public boolean remove(long callerId, long accountId) {
        var caller = em.find(Caller.class, callerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        var account = em.find(OtpAccount.class, accountId);
        if (caller == null || account == null || !account.caller().id().equals(callerId)) {
            return false;
        }
        caller.removeAccount(account);
        em.remove(account);
        return true;
    }

    /** Empty when the caller does not exist; false when the ids are not exactly the caller's accounts. */
    public Optional<Boolean> reorder(long callerId, List<Long> accountIds) {
        return Optional.ofNullable(em.find(Caller.class, callerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(caller -> caller.reorder(accountIds));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
