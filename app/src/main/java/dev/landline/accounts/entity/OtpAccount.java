package dev.landline.accounts.entity;

import dev.landline.codes.control.OtpParameters;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One OTP account of a caller (GitHub, Gmail, …). The seed is stored only sealed (AES-GCM, see
 * {@code SeedCipher}); this entity never holds it in plain text.
 */
@Entity
@Table(name = "otp_account")
public class OtpAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "otp_account_seq")
    @SequenceGenerator(name = "otp_account_seq", sequenceName = "otp_account_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "caller_id", nullable = false)
    private Caller caller;

    @Column(name = "issuer", length = 100)
    private String issuer;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Embedded
    private StoredOtpParameters parameters;

    @Column(name = "menu_position", nullable = false)
    private int menuPosition;

    @Column(name = "sealed_secret", nullable = false, length = 400)
    private String sealedSecret;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected OtpAccount() {
    }

    public OtpAccount(Caller caller, String issuer, String label, OtpParameters parameters, OffsetDateTime createdAt) {
        this.caller = Objects.requireNonNull(caller);
        this.issuer = issuer;
        this.label = Objects.requireNonNull(label);
        this.parameters = new StoredOtpParameters(parameters);
        this.createdAt = Objects.requireNonNull(createdAt);
        // not sealed yet (seal() follows persist, in the same transaction): empty rather than null, because a JPA
        // provider may insert the state of persist time and update the sealed seed afterwards (Hibernate does)
        this.sealedSecret = "";
        this.keyId = "";
    }

    /** Stores the sealed seed; done once the row has its id, because the id is the ciphertext's associated data. */
    public void seal(String sealedSecret, String keyId) {
        this.sealedSecret = Objects.requireNonNull(sealedSecret);
        this.keyId = Objects.requireNonNull(keyId);
    }

    /** HOTP: the counter to use now; the stored counter moves on, so the next read gives the next code. */
    public long takeCounter() {
        return parameters.takeCounter();
    }

    void moveTo(int position) {
        this.menuPosition = position;
    }

    public OtpParameters parameters() {
        return parameters.parameters();
    }

    /** Longest name the menu speaks, so nine menu lines stay well inside Vonage's 1,500 characters. */
    static final int MAX_SPOKEN = 60;

    /** What the caller hears in the menu: the issuer, or the label when there is none, at most 60 characters. */
    public String spokenName() {
        var name = issuer == null || issuer.isBlank() ? label : issuer;
        if (name.length() <= MAX_SPOKEN) {
            return name;
        }
        int cut = name.lastIndexOf(' ', MAX_SPOKEN);
        int end = cut > MAX_SPOKEN / 2 ? cut : MAX_SPOKEN;
        // never half of a character outside the Basic Multilingual Plane: a lone surrogate is not valid text
        return name.substring(0, Character.isHighSurrogate(name.charAt(end - 1)) ? end - 1 : end);
    }

    public Long id() {
        return id;
    }

    public Caller caller() {
        return caller;
    }

    public String issuer() {
        return issuer;
    }

    public String label() {
        return label;
    }

    public int menuPosition() {
        return menuPosition;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public String keyId() {
        return keyId;
    }
}
