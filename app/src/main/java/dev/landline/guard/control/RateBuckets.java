package dev.landline.guard.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window hit counters in the database, one row per key. A hit is one conditional UPDATE (atomic on every
 * database), so parallel calls on several nodes are all counted. All the keys of one call are counted in one
 * short transaction of their own (one transaction per answered call, not one per key).
 */
@ApplicationScoped
public class RateBuckets {

    @PersistenceContext
    EntityManager em;

    /**
     * Counts a hit on each key in the window starting at {@code windowStart}; returns the hits in that window so
     * far, key by key. All or nothing: if two first calls race to create a row, the loser's whole count rolls back.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int[] hit(Instant windowStart, String... keys) {
        var start = OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC);
        var hits = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            hits[i] = hit(keys[i], start);
        }
        return hits;
    }

    private int hit(String key, OffsetDateTime start) {
        int updated = em.createNativeQuery("update rate_bucket"
                        + " set hits = case when window_start < ?1 then 1 else hits + 1 end,"
                        + " window_start = case when window_start < ?1 then ?1 else window_start end"
                        + " where bucket_key = ?2")
                .setParameter(1, start).setParameter(2, key).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into rate_bucket (bucket_key, window_start, hits) values (?1, ?2, 1)")
                    .setParameter(1, key).setParameter(2, start).executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("select hits from rate_bucket where bucket_key = ?1")
                .setParameter(1, key).getSingleResult()).intValue();
    }
}
