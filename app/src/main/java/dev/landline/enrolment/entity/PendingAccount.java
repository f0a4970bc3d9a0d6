package dev.landline.enrolment.entity;

import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.OtpParameters;
import dev.landline.codes.control.OtpType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One account an enrolment found, waiting to be saved. The seed is only held sealed. */
@Embeddable
public class PendingAccount {

    @Column(name = "slot", nullable = false)
    private int slot;

    @Column(name = "batch_index", nullable = false)
    private int batchIndex;

    @Column(name = "issuer", length = 100)
    private String issuer;

    @Column(name = "label", nullable = false, length = 200)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "otp_type", nullable = false, length = 4)
    private OtpType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "algorithm", nullable = false, length = 6)
    private Algorithm algorithm;

    @Column(name = "digits", nullable = false)
    private int digits;

    @Column(name = "period", nullable = false)
    private int period;

    @Column(name = "counter", nullable = false)
    private long counter;

    @Column(name = "sealed_secret", nullable = false, length = 400)
    private String sealedSecret;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    protected PendingAccount() {
    }

    PendingAccount(int slot, int batchIndex, String issuer, String label, OtpParameters parameters,
            String sealedSecret, String keyId) {
        this.slot = slot;
        this.batchIndex = batchIndex;
        this.issuer = issuer;
        this.label = Objects.requireNonNull(label);
        this.type = parameters.type();
        this.algorithm = parameters.algorithm();
        this.digits = parameters.digits();
        this.period = parameters.period();
        this.counter = parameters.counter();
        this.sealedSecret = Objects.requireNonNull(sealedSecret);
        this.keyId = Objects.requireNonNull(keyId);
    }

    public int slot() {
        return slot;
    }

    public int batchIndex() {
        return batchIndex;
    }

    public String issuer() {
        return issuer;
    }

    public String label() {
        return label;
    }

    public OtpParameters parameters() {
        return new OtpParameters(type, algorithm, digits, period, counter);
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public String keyId() {
        return keyId;
    }

    @Override
    public String toString() {
        return "PendingAccount[slot=" + slot + ", issuer=" + issuer + ", label=" + label + ", secret=***]";
    }
}
