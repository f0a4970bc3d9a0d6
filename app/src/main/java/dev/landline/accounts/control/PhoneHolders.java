package dev.landline.accounts.control;

import dev.landline.accounts.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Whose usual number a call comes from: one indexed read of two columns, no entity loaded. Deliberately not
 * {@code @Transactional}: its one caller, the answer webhook, writes nothing, so the read runs in whatever
 * transaction is active (none on the answer) without a transaction interceptor's work on every call (issue 15).
 */
@ApplicationScoped
public class PhoneHolders {

    /** A caller whose usual number a call comes from, and the language they hear. */
    public record PhoneHolder(long id, String language) {
    }

    @PersistenceContext
    EntityManager em;

    /** The callers who have this (normalised) number as a usual one, with their languages. */
    public List<PhoneHolder> of(String phoneNumber) {
        List<?> rows = em.createNamedQuery(Caller.HOLDERS_BY_PHONE)
                .setParameter("phone", phoneNumber)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new PhoneHolder(((Number) row[0]).longValue(), (String) row[1]))
                .toList();
    }
}
