package dev.landline.enrolment.control;

import java.util.Objects;

/**
 * An enrolment request that cannot go ahead, and why, in words meant for the administrator. Nothing was stored.
 * The message never quotes a secret, a URI or what a QR code holds (either may carry a secret).
 */
public class EnrolmentRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal: the boundary turns each into its HTTP status. */
    public enum Reason {
        /** the input cannot be read or used */
        INVALID,
        /** the input is fine but does not fit the enrolment as it stands */
        CONFLICT,
        /** no such caller or enrolment (or it expired) */
        NOT_FOUND,
        /** the upload is over the size limit */
        TOO_LARGE,
        /** not a content type this endpoint reads */
        UNSUPPORTED_TYPE,
        /** the server is busy reading other images: the same request may be sent again shortly */
        BUSY
    }

    private final Reason reason;
    private final String field;

    public EnrolmentRefused(Reason reason, String field, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.field = Objects.requireNonNull(field);
    }

    public static EnrolmentRefused invalid(String field, String message) {
        return new EnrolmentRefused(Reason.INVALID, field, message);
    }

    public static EnrolmentRefused conflict(String field, String message) {
        return new EnrolmentRefused(Reason.CONFLICT, field, message);
    }

    public static EnrolmentRefused busy(String message) {
        return new EnrolmentRefused(Reason.BUSY, "image", message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
