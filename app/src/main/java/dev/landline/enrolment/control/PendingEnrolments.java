package dev.landline.enrolment.control;

import dev.landline.accounts.control.AccountRegistry;
import dev.landline.accounts.control.SeedCipher;
import dev.landline.accounts.entity.Caller;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.CodeGenerator;
import dev.landline.codes.control.OtpType;
import dev.landline.enrolment.control.EnrolmentRefused.Reason;
import dev.landline.enrolment.entity.Enrolment;
import dev.landline.enrolment.entity.PendingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Pending enrolments in the database: started from a URI or an image, grown by further QR codes of an export,
 * previewed with live codes, saved as accounts or dropped. Input is read completely before anything is written, so
 * a refusal stores nothing; images are decoded before, outside the transaction (after a short check that the caller
 * or enrolment exists, so that an upload for nobody costs no decode). Seeds are sealed with the server's seed key, bound to the enrolment and slot.
 */
@ApplicationScoped
@Transactional
public class PendingEnrolments {

    /** How long an enrolment waits after its last change. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SeedCipher cipher;

    @Inject
    AccountRegistry registry;

    @Inject
    CodeGenerator codes;

    @Inject
    Clock clock;

    /** Saved accounts, and the duplicates left out (issuer and label only). */
    public record Saved(List<OtpAccount> accounts, List<Skipped> skippedDuplicates) {
    }

    /** A duplicate that was not stored again. */
    public record Skipped(String issuer, String label) {
    }

    /** From a pasted {@code otpauth://} or {@code otpauth-migration://} URI. */
    public EnrolmentPreview start(long callerId, String uri) {
        return start(callerId, Scan.of(uri));
    }

    /**
     * From the texts of the QR codes in an uploaded image, read before (with {@link QrImages}, in an
     * {@link ImageDecodeSlots} slot): an image is never decoded inside a transaction. When the picture shows several
     * codes of one export, the enrolment starts with all of them (codes that are no authenticator code, or of
     * another export, are left out); it is refused when none is an authenticator code.
     */
    public EnrolmentPreview startFromQrCodes(long callerId, List<String> qrTexts) {
        var scans = scanned(qrTexts);
        var enrolment = begin(callerId, scans.get(0));
        for (var scan : scans.subList(1, scans.size())) {
            if (scan instanceof Scan.ExportPart part
                    && enrolment.fit(part.batchId(), part.size(), part.index()) == Enrolment.PartFit.FITS) {
                addPart(enrolment, part);
            }
        }
        return preview(enrolment);
    }

    private EnrolmentPreview start(long callerId, Scan scan) {
        return preview(begin(callerId, scan));
    }

    private Enrolment begin(long callerId, Scan scan) {
        if (em.find(Caller.class, callerId) == null) {
            throw new EnrolmentRefused(Reason.NOT_FOUND, "callerId", "there is no caller " + callerId);
        }
        var now = clock.instant();
        em.createNamedQuery(Enrolment.EXPIRED).setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate();
        var id = newId();
        Enrolment enrolment;
        if (scan instanceof Scan.ExportPart part) {
            enrolment = Enrolment.ofExport(id, callerId, part.batchId(), part.size(), now, LIFETIME);
            enrolment.markScanned(part.index());
        } else {
            enrolment = Enrolment.ofUri(id, callerId, now, LIFETIME);
        }
        addAccounts(enrolment, scan);
        em.persist(enrolment);
        return enrolment;
    }

    /**
     * Refuses (404) before an image is received and decoded for a caller who does not exist. A short read in a
     * transaction of its own, which ends before the decode.
     */
    public void checkCaller(long callerId) {
        if (em.find(Caller.class, callerId) == null) {
            throw new EnrolmentRefused(Reason.NOT_FOUND, "callerId", "there is no caller " + callerId);
        }
    }

    /** The same for an enrolment of the caller that does not exist (or has expired). */
    public void checkEnrolment(long callerId, String enrolmentId) {
        current(callerId, enrolmentId, LockModeType.NONE);
    }

    /** The next QR code of a multi-code export, as a URI or as the text read from an image's QR code. */
    public EnrolmentPreview addPart(long callerId, String enrolmentId, String uri) {
        var enrolment = locked(callerId, enrolmentId);
        return addPart(enrolment, uri);
    }

    /**
     * Further QR codes of the export, read from one image: every code that fits (same export, not scanned yet) is
     * added; when none fits, refused as {@link #addPart(long, String, String)} refuses the first.
     */
    public EnrolmentPreview addParts(long callerId, String enrolmentId, List<String> qrTexts) {
        var enrolment = locked(callerId, enrolmentId);
        if (qrTexts.size() > 1 && enrolment.source() == Enrolment.Source.MIGRATION) {
            boolean added = false;
            for (var text : qrTexts) {
                if (MigrationExport.isExport(text.strip())
                        && Scan.of(text) instanceof Scan.ExportPart part
                        && enrolment.fit(part.batchId(), part.size(), part.index()) == Enrolment.PartFit.FITS) {
                    addPart(enrolment, part);
                    added = true;
                }
            }
            if (added) {
                return preview(enrolment);
            }
        }
        return addPart(enrolment, qrTexts.get(0));
    }

    private EnrolmentPreview addPart(Enrolment enrolment, String text) {
        if (enrolment.source() == Enrolment.Source.MIGRATION
                && (text == null || !MigrationExport.isExport(text.strip()))) {
            throw EnrolmentRefused.conflict("uri", "this is not a QR code of a Google Authenticator export"
                    + " (otpauth-migration://); nothing was added");
        }
        var part = enrolment.source() == Enrolment.Source.MIGRATION ? (Scan.ExportPart) Scan.of(text) : null;
        var fit = part == null ? Enrolment.PartFit.NOT_AN_EXPORT
                : enrolment.fit(part.batchId(), part.size(), part.index());
        switch (fit) {
            case NOT_AN_EXPORT -> throw EnrolmentRefused.conflict("enrolmentId", "this enrolment holds one"
                    + " otpauth:// account; only a Google Authenticator export has further QR codes");
            case OTHER_BATCH -> throw EnrolmentRefused.conflict("uri", "this QR code belongs to another export (a"
                    + " different batch); scan only the codes of the export you started with; nothing was added");
            case ALREADY_SCANNED -> throw EnrolmentRefused.conflict("uri", "QR code " + (part.index() + 1) + " of "
                    + part.size() + " was already scanned; nothing was added");
            case FITS -> {
                // added below
            }
        }
        addPart(enrolment, part);
        return preview(enrolment);
    }

    /** Adds a part that fits the enrolment's export. */
    private void addPart(Enrolment enrolment, Scan.ExportPart part) {
        int total = enrolment.accounts().size() + part.keys().size();
        if (total > MigrationExport.MAX_ACCOUNTS) {
            throw EnrolmentRefused.invalid("uri", "the export would hold " + total + " accounts; at most "
                    + MigrationExport.MAX_ACCOUNTS + " can be imported at once");
        }
        enrolment.markScanned(part.index());
        addAccounts(enrolment, part);
        enrolment.touch(clock.instant(), LIFETIME);
    }

    /** The enrolment with fresh codes. */
    public EnrolmentPreview find(long callerId, String enrolmentId) {
        return preview(current(callerId, enrolmentId, LockModeType.NONE));
    }

    /**
     * Stores every account that is not a duplicate, in scan order, and drops the enrolment. An export with QR
     * codes missing is saved only when {@code partial} confirms it.
     */
    public Saved save(long callerId, String enrolmentId, boolean partial) {
        var enrolment = locked(callerId, enrolmentId);
        if (!enrolment.complete() && !partial) {
            throw EnrolmentRefused.conflict("partial", batch(enrolment).summary()
                    + ": scan the rest or confirm a partial import");
        }
        var saved = new ArrayList<OtpAccount>();
        var skipped = new ArrayList<Skipped>();
        for (var pending : enrolment.accounts()) {
            var seed = open(enrolment, pending);
            try {
                if (registry.holds(callerId, pending.issuer(), pending.label(), seed)) {
                    skipped.add(new Skipped(pending.issuer(), pending.label()));
                } else {
                    saved.add(registry.add(callerId, pending.issuer(), pending.label(), seed, pending.parameters())
                            .orElseThrow(() -> new EnrolmentRefused(Reason.NOT_FOUND, "callerId",
                                    "there is no caller " + callerId)));
                }
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        }
        em.remove(enrolment);
        return new Saved(saved, skipped);
    }

    /** Drops the enrolment and its sealed seeds. */
    public void discard(long callerId, String enrolmentId) {
        em.remove(locked(callerId, enrolmentId));
    }

    /** The authenticator codes among the texts read, an export's parts in their order; refused when none. */
    private static List<Scan> scanned(List<String> qrTexts) {
        var scans = new ArrayList<Scan>();
        for (var text : qrTexts) {
            if (text != null && (text.strip().regionMatches(true, 0, "otpauth://", 0, 10)
                    || MigrationExport.isExport(text.strip()))) {
                scans.add(Scan.of(text));
            }
        }
        if (scans.isEmpty()) {
            throw EnrolmentRefused.invalid("image", (qrTexts.size() > 1 ? "found QR codes, but none is" : "found a"
                    + " QR code, but it is not") + " an authenticator code: not an otpauth:// account nor a Google"
                    + " Authenticator export");
        }
        scans.sort(Comparator.comparingInt(
                scan -> scan instanceof Scan.ExportPart part ? part.index() : Integer.MAX_VALUE));
        return scans;
    }

    private void addAccounts(Enrolment enrolment, Scan scan) {
        int batchIndex = scan instanceof Scan.ExportPart part ? part.index() : 0;
        for (var key : scan.keys()) {
            var sealed = cipher.seal(key.secret(), context(enrolment, enrolment.nextSlot()));
            enrolment.add(batchIndex, key.issuer(), key.accountName(), key.parameters(), sealed, cipher.keyId());
            Arrays.fill(key.secret(), (byte) 0);
        }
    }

    private EnrolmentPreview preview(Enrolment enrolment) {
        var now = codes.now();
        var lines = new ArrayList<EnrolmentPreview.Line>();
        var earlier = new ArrayList<PendingAccount>();
        var earlierSeeds = new ArrayList<byte[]>();
        try {
            for (var pending : enrolment.accounts()) {
                var seed = open(enrolment, pending);
                var p = pending.parameters();
                boolean duplicate = registry.holds(enrolment.callerId(), pending.issuer(), pending.label(), seed);
                for (int i = 0; i < earlier.size() && !duplicate; i++) {
                    duplicate = Objects.equals(earlier.get(i).issuer(), pending.issuer())
                            && earlier.get(i).label().equals(pending.label())
                            && MessageDigest.isEqual(earlierSeeds.get(i), seed);
                }
                if (p.type() == OtpType.TOTP) {
                    lines.add(new EnrolmentPreview.Line(pending.issuer(), pending.label(), p,
                            codes.totp(seed, p, now), (int) codes.step(p, now).secondsRemaining(), duplicate));
                } else {
                    lines.add(new EnrolmentPreview.Line(pending.issuer(), pending.label(), p,
                            codes.hotp(seed, p, p.counter()), null, duplicate));
                }
                earlier.add(pending);
                earlierSeeds.add(seed);
            }
        } finally {
            earlierSeeds.forEach(seed -> Arrays.fill(seed, (byte) 0));
        }
        return new EnrolmentPreview(enrolment.id(), enrolment.source(), enrolment.expiresAt(), batch(enrolment),
                List.copyOf(lines));
    }

    private static EnrolmentPreview.Batch batch(Enrolment enrolment) {
        return enrolment.source() == Enrolment.Source.MIGRATION
                ? new EnrolmentPreview.Batch(enrolment.batchSize(), enrolment.scanned())
                : null;
    }

    private Enrolment locked(long callerId, String enrolmentId) {
        return current(callerId, enrolmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Enrolment current(long callerId, String enrolmentId, LockModeType lock) {
        var enrolment = enrolmentId == null || enrolmentId.length() > 32 ? null
                : em.find(Enrolment.class, enrolmentId, lock);
        if (enrolment == null || !enrolment.belongsTo(callerId) || enrolment.expired(clock.instant())) {
            if (em.find(Caller.class, callerId) == null) {
                throw new EnrolmentRefused(Reason.NOT_FOUND, "callerId", "there is no caller " + callerId);
            }
            throw new EnrolmentRefused(Reason.NOT_FOUND, "enrolmentId", "there is no such enrolment for caller "
                    + callerId + " (enrolments expire " + LIFETIME.toMinutes() + " minutes after their last change)");
        }
        return enrolment;
    }

    private byte[] open(Enrolment enrolment, PendingAccount pending) {
        return cipher.open(pending.sealedSecret(), pending.keyId(), context(enrolment, pending.slot()));
    }

    private static String context(Enrolment enrolment, int slot) {
        return SeedCipher.enrolmentContext(enrolment.id(), enrolment.callerId(), slot);
    }

    private static String newId() {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
