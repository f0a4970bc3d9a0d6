package dev.landline.enrolment.entity;

import dev.landline.codes.control.OtpParameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A pending enrolment: what was scanned or pasted for one caller, not saved yet. Stored so that any node can serve
 * the next request; it expires a while after its last change. For a Google Authenticator export it remembers the
 * batch (its id, how many QR codes, which were scanned); a single {@code otpauth://} URI has no batch.
 */
@Entity
@Table(name = "enrolment")
@NamedQuery(name = Enrolment.EXPIRED, query = "delete from Enrolment e where e.expiresAt <= :now")
public class Enrolment {

    public static final String EXPIRED = "Enrolment.expired";

    /** Where the accounts came from. */
    public enum Source {
        URI,
        MIGRATION
    }

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "caller_id", nullable = false)
    private long callerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10)
    private Source source;

    @Column(name = "batch_id")
    private Integer batchId;

    @Column(name = "batch_size")
    private Integer batchSize;

    @Column(name = "scanned_parts", length = 400)
    private String scannedParts;

    @ElementCollection
    @CollectionTable(name = "enrolment_account", joinColumns = @JoinColumn(name = "enrolment_id"))
    private List<PendingAccount> accounts = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Version
    private long version;

    protected Enrolment() {
    }

    private Enrolment(String id, long callerId, Source source, Integer batchId, Integer batchSize, Instant now,
            Duration lifetime) {
        this.id = Objects.requireNonNull(id);
        this.callerId = callerId;
        this.source = source;
        this.batchId = batchId;
        this.batchSize = batchSize;
        this.scannedParts = source == Source.MIGRATION ? "" : null;
        this.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        touch(now, lifetime);
    }

    /** One account from an {@code otpauth://} URI. */
    public static Enrolment ofUri(String id, long callerId, Instant now, Duration lifetime) {
        return new Enrolment(id, callerId, Source.URI, null, null, now, lifetime);
    }

    /** The first scanned QR code of a Google Authenticator export of {@code size} codes. */
    public static Enrolment ofExport(String id, long callerId, int batchId, int size, Instant now, Duration lifetime) {
        if (size < 1) {
            throw new IllegalArgumentException("an export has at least one QR code");
        }
        return new Enrolment(id, callerId, Source.MIGRATION, batchId, size, now, lifetime);
    }

    /** The slot the next account will take; its seed is sealed for that slot before {@link #add}. */
    public int nextSlot() {
        return accounts.size();
    }

    public void add(int batchIndex, String issuer, String label, OtpParameters parameters, String sealedSecret,
            String keyId) {
        accounts.add(new PendingAccount(nextSlot(), batchIndex, issuer, label, parameters, sealedSecret, keyId));
    }

    /** Whether a scanned QR code of an export may be added to this enrolment. */
    public enum PartFit {
        /** the next QR code of this export */
        FITS,
        /** this enrolment is one otpauth:// account, not an export */
        NOT_AN_EXPORT,
        /** another export: a different batch id or number of QR codes */
        OTHER_BATCH,
        /** this QR code was scanned before */
        ALREADY_SCANNED
    }

    /** Whether QR code {@code index} of {@code size} of export {@code batchId} belongs here, as a new part. */
    public PartFit fit(int batchId, int size, int index) {
        if (source != Source.MIGRATION) {
            return PartFit.NOT_AN_EXPORT;
        }
        if (batchId != this.batchId || size != batchSize) {
            return PartFit.OTHER_BATCH;
        }
        return scanned().contains(index) ? PartFit.ALREADY_SCANNED : PartFit.FITS;
    }

    /** Records that QR code {@code index} of the export was scanned. */
    public void markScanned(int index) {
        if (source != Source.MIGRATION || index < 0 || index >= batchSize || scanned().contains(index)) {
            throw new IllegalArgumentException("not a new part of this export");
        }
        var parts = new TreeSet<>(scanned());
        parts.add(index);
        scannedParts = parts.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The export's QR codes scanned so far, in order; empty for a single URI. */
    public List<Integer> scanned() {
        if (scannedParts == null || scannedParts.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(scannedParts.split(",")).map(Integer::valueOf).sorted().toList();
    }

    /** A single URI is always complete; an export when every one of its QR codes was scanned. */
    public boolean complete() {
        return source == Source.URI || scanned().size() == batchSize;
    }

    public void touch(Instant now, Duration lifetime) {
        this.expiresAt = OffsetDateTime.ofInstant(now.plus(lifetime), ZoneOffset.UTC);
    }

    public boolean expired(Instant now) {
        return !expiresAt.toInstant().isAfter(now);
    }

    public boolean belongsTo(long caller) {
        return callerId == caller;
    }

    /** Found accounts in the order they were scanned. */
    public List<PendingAccount> accounts() {
        var ordered = new ArrayList<>(accounts);
        ordered.sort(Comparator.comparingInt(PendingAccount::slot));
        return ordered;
    }

    public String id() {
        return id;
    }

    public long callerId() {
        return callerId;
    }

    public Source source() {
        return source;
    }

    public Integer batchId() {
        return batchId;
    }

    public Integer batchSize() {
        return batchSize;
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }
}
