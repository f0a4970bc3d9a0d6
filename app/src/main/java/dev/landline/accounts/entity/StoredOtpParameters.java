package dev.landline.accounts.entity;

import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.OtpParameters;
import dev.landline.codes.control.OtpType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * {@link OtpParameters} as a row stores them, in the same columns for a saved account ({@code otp_account}) and
 * one waiting in an enrolment ({@code enrolment_account}). Made only from valid parameters; only an HOTP counter
 * ever moves.
 */
@Embeddable
public class StoredOtpParameters {

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

    protected StoredOtpParameters() {
    }

    public StoredOtpParameters(OtpParameters parameters) {
        this.type = parameters.type();
        this.algorithm = parameters.algorithm();
        this.digits = parameters.digits();
        this.period = parameters.period();
        this.counter = parameters.counter();
    }

    public OtpParameters parameters() {
        return new OtpParameters(type, algorithm, digits, period, counter);
    }

    /** HOTP: the counter to use now; the stored counter moves on, so the next read gives the next code. */
    long takeCounter() {
        if (type != OtpType.HOTP) {
            throw new IllegalStateException("only HOTP accounts have a counter");
        }
        return counter++;
    }
}
