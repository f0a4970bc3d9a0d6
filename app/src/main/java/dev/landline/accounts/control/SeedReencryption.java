package dev.landline.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Re-encrypts every sealed seed (accounts, then pending enrolments) that is not under the current seed key, in
 * small batches ({@link ReencryptionBatch}, each its own short transaction), for at most a given time. Nothing is
 * kept in memory between passes: the rows still to do are exactly those whose key id is not the current one, so a
 * pass interrupted by a restart, a timeout or a failure loses nothing, and the next pass resumes. Two nodes may run
 * passes at once. Rows sealed by a key that is no longer configured cannot be opened: they are counted, left as
 * they are and reported (readiness, admin page), never skipped silently.
 */
@ApplicationScoped
public class SeedReencryption {

    static final int BATCH = 50;
    private static final Logger LOG = Logger.getLogger(SeedReencryption.class.getName());

    /** What one pass did: rows sealed again, rows that do not open, and whether it looked at every row. */
    public record Pass(int resealed, int unopenable, boolean complete) {
    }

    @Inject
    ReencryptionBatch batches;

    /**
     * Runs batches until every row was looked at, {@code budget} has passed or {@code maxRows} rows were looked
     * at (then the caller runs another pass).
     */
    public Pass run(Duration budget, int maxRows) {
        long deadline = System.nanoTime() + budget.toNanos();
        int looked = 0;
        int resealed = 0;
        int unopenable = 0;
        String afterAccount = "0";
        while (afterAccount != null && looked < maxRows && System.nanoTime() - deadline < 0) {
            var done = batches.accounts(Long.parseLong(afterAccount), Math.min(BATCH, maxRows - looked));
            looked += done.rows();
            resealed += done.resealed();
            unopenable += done.unopenable();
            afterAccount = done.last();
        }
        var afterEnrolment = afterAccount == null ? "" : null;
        while (afterEnrolment != null && looked < maxRows && System.nanoTime() - deadline < 0) {
            var done = batches.enrolments(afterEnrolment, Math.min(BATCH, maxRows - looked));
            looked += done.rows();
            resealed += done.resealed();
            unopenable += done.unopenable();
            afterEnrolment = done.last();
        }
        var pass = new Pass(resealed, unopenable, afterAccount == null && afterEnrolment == null);
        LOG.info("Seed re-encryption pass: " + resealed + " sealed again under the current key"
                + (unopenable > 0 ? ", " + unopenable + " sealed by a key that is not configured (left as they are)"
                        : "")
                + (pass.complete() ? "" : "; not finished, run it again"));
        return pass;
    }
}
