package dev.landline.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * One batch of a seed re-encryption, in its own short transaction: up to {@code size} sealed seeds not under the
 * current key, after a position, are opened with the key they name and sealed again with the current key. Rows
 * are locked while the batch works on them, and each is written with a conditional update (only if it still holds
 * the ciphertext that was read), so two nodes running at once never write a row twice or overwrite a newer value;
 * a row changed meanwhile is simply left for the next pass. Seed, key id and ciphertext always change together.
 * Each write also moves on the version of the entity that owns the row ({@code otp_account.version}, or the
 * pending account's {@code enrolment.version}), exactly as a JPA update would: an entity loaded before the batch
 * and saved after it fails its optimistic check instead of writing back the earlier key's ciphertext (a provider
 * that writes every column on update, like Hibernate, would otherwise do so). Pending accounts are locked the way
 * a save locks them, their enrolment row first (one at a time, in id order), never by a lock on a join, so a batch
 * and a save never wait for each other in opposite orders.
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
            resealed += em.createNativeQuery("update otp_account set sealed_secret = ?1, key_id = ?2,"
                    + " version = version + 1 where id = ?3 and key_id = ?4 and sealed_secret = ?5")
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
        // which rows: a plain read of one table, no lock yet
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select enrolment_id, slot from enrolment_account"
                + " where key_id <> ?1 and (enrolment_id > ?2 or (enrolment_id = ?2 and slot > ?3))"
                + " order by enrolment_id, slot fetch first " + size + " rows only")
                .setParameter(1, cipher.keyId()).setParameter(2, afterId).setParameter(3, afterSlot)
                .getResultList();
        // lock their enrolments first, as a save does (it locks the enrolment, then writes its accounts); in id
        // order, so that two batches never wait for each other either
        var callers = new HashMap<String, Long>();
        for (var enrolmentId : new TreeSet<>(rows.stream().map(row -> (String) row[0]).toList())) {
            var caller = em.createNativeQuery("select caller_id from enrolment where id = ?1 for update")
                    .setParameter(1, enrolmentId).getResultList();
            if (!caller.isEmpty()) {
                callers.put(enrolmentId, number(caller.get(0)));
            }
        }
        int resealed = 0;
        int unopenable = 0;
        String last = null;
        var changed = new TreeSet<String>();
        for (var row : rows) {
            var enrolmentId = (String) row[0];
            int slot = (int) number(row[1]);
            last = enrolmentId + "/" + slot;
            if (!callers.containsKey(enrolmentId)) {
                continue; // saved, discarded or expired meanwhile
            }
            // read now that its enrolment is locked: what is there, not what was there before the lock
            @SuppressWarnings("unchecked")
            List<Object[]> current = em.createNativeQuery("select sealed_secret, key_id from enrolment_account"
                    + " where enrolment_id = ?1 and slot = ?2").setParameter(1, enrolmentId).setParameter(2, slot)
                    .getResultList();
            if (current.isEmpty()) {
                continue;
            }
            var sealed = (String) current.get(0)[0];
            var keyId = (String) current.get(0)[1];
            if (keyId.equals(cipher.keyId())) {
                continue; // resealed by another node while this batch waited for the enrolment's lock
            }
            if (!cipher.opens(keyId)) {
                unopenable++;
                continue;
            }
            var resealedText = reseal(sealed, keyId, SeedCipher.enrolmentContext(enrolmentId,
                    callers.get(enrolmentId), slot));
            if (resealedText == null) {
                unopenable++;
                continue;
            }
            int written = em.createNativeQuery("update enrolment_account set sealed_secret = ?1, key_id = ?2"
                    + " where enrolment_id = ?3 and slot = ?4 and key_id = ?5 and sealed_secret = ?6")
                    .setParameter(1, resealedText).setParameter(2, cipher.keyId())
                    .setParameter(3, enrolmentId).setParameter(4, slot).setParameter(5, keyId)
                    .setParameter(6, sealed).executeUpdate();
            resealed += written;
            if (written > 0) {
                changed.add(enrolmentId);
            }
        }
        for (var enrolmentId : changed) {
            em.createNativeQuery("update enrolment set version = version + 1 where id = ?1")
                    .setParameter(1, enrolmentId).executeUpdate();
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
