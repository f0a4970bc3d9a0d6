package dev.landline.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;

/**
 * One batch of a seed re-encryption, in its own short transaction: up to {@code size} sealed seeds not under the
 * current key, after a position, are opened with the key they name and sealed again with the current key. Rows
 * are locked while the batch works on them, and each is written with a conditional update (only if it still holds
 * the ciphertext that was read), so two nodes running at once never write a row twice or overwrite a newer value;
 * a row changed meanwhile is simply left for the next pass. Seed, key id and ciphertext always change together.
 */
@ApplicationScoped
public class ReencryptionBatch {

    /**
     * What one batch did: rows looked at, sealed again, left because their key is not configured; {@code last} is
     * where the next batch of the same table starts (null when there was no row left).
     */
    public record Done(int rows, int resealed, int unopenable, String last) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SeedCipher cipher;

    /** Accounts with an id above {@code afterId} ({@code last} is the id of the last row looked at). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Done accounts(long afterId, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, caller_id, sealed_secret, key_id from otp_account"
                + " where key_id <> ?1 and id > ?2 order by id fetch first " + size + " rows only for update")
                .setParameter(1, cipher.keyId()).setParameter(2, afterId).getResultList();
        int resealed = 0;
        int unopenable = 0;
        String last = null;
        for (var row : rows) {
            long id = number(row[0]);
            last = Long.toString(id);
            var sealed = (String) row[2];
            var keyId = (String) row[3];
            if (keyId.equals(cipher.keyId())) {
                continue; // resealed by another node while this batch waited for the row's lock
            }
            if (!cipher.opens(keyId)) {
                unopenable++;
                continue;
            }
            var resealedText = reseal(sealed, keyId, SeedCipher.accountContext(id, number(row[1])));
            if (resealedText == null) {
                unopenable++;
                continue;
            }
            resealed += em.createNativeQuery("update otp_account set sealed_secret = ?1, key_id = ?2"
                    + " where id = ?3 and key_id = ?4 and sealed_secret = ?5")
                    .setParameter(1, resealedText).setParameter(2, cipher.keyId()).setParameter(3, id)
                    .setParameter(4, keyId).setParameter(5, sealed).executeUpdate();
        }
        return new Done(rows.size(), resealed, unopenable, last);
    }

    /**
     * Pending enrolment accounts after the position {@code after} ("enrolment id/slot", empty to start);
     * {@code last} is the position of the last row looked at.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Done enrolments(String after, int size) {
        var cut = after.split("/", -1);
        var afterId = cut.length == 2 ? cut[0] : "";
        int afterSlot = cut.length == 2 ? Integer.parseInt(cut[1]) : -1;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.enrolment_id, a.slot, e.caller_id, a.sealed_secret,"
                + " a.key_id from enrolment_account a join enrolment e on e.id = a.enrolment_id"
                + " where a.key_id <> ?1 and (a.enrolment_id > ?2 or (a.enrolment_id = ?2 and a.slot > ?3))"
                + " order by a.enrolment_id, a.slot fetch first " + size + " rows only for update")
                .setParameter(1, cipher.keyId()).setParameter(2, afterId).setParameter(3, afterSlot)
                .getResultList();
        int resealed = 0;
        int unopenable = 0;
        String last = null;
        for (var row : rows) {
            var enrolmentId = (String) row[0];
            int slot = (int) number(row[1]);
            last = enrolmentId + "/" + slot;
            var sealed = (String) row[3];
            var keyId = (String) row[4];
            if (keyId.equals(cipher.keyId())) {
                continue; // resealed by another node while this batch waited for the row's lock
            }
            if (!cipher.opens(keyId)) {
                unopenable++;
                continue;
            }
            var resealedText = reseal(sealed, keyId, SeedCipher.enrolmentContext(enrolmentId, number(row[2]), slot));
            if (resealedText == null) {
                unopenable++;
                continue;
            }
            resealed += em.createNativeQuery("update enrolment_account set sealed_secret = ?1, key_id = ?2"
                    + " where enrolment_id = ?3 and slot = ?4 and key_id = ?5 and sealed_secret = ?6")
                    .setParameter(1, resealedText).setParameter(2, cipher.keyId())
                    .setParameter(3, enrolmentId).setParameter(4, slot).setParameter(5, keyId)
                    .setParameter(6, sealed).executeUpdate();
        }
        return new Done(rows.size(), resealed, unopenable, last);
    }

    /** The seed sealed again under the current key, or null when it does not open (altered row): left alone. */
    private String reseal(String sealed, String keyId, String context) {
        byte[] seed;
        try {
            seed = cipher.open(sealed, keyId, context);
        } catch (IllegalStateException doesNotOpen) {
            return null;
        }
        try {
            return cipher.seal(seed, context);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
