package dev.landline.enrolment.entity;

import dev.landline.accounts.entity.StoredOtpParameters;
import dev.landline.codes.control.OtpParameters;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
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

    @Embedded
    private StoredOtpParameters parameters;

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
        this.parameters = new StoredOtpParameters(parameters);
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
        return parameters.parameters();
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
