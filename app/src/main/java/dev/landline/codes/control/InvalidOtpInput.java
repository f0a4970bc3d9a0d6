package dev.landline.codes.control;

import java.util.Objects;

/**
 * A secret, Key URI or OTP parameter that cannot be used, naming the offending {@link #field()} ("secret", "uri",
 * "label", "issuer", "type", "algorithm", "digits", "period", "counter", "time").
 * <p>
 * The message is meant for the person who typed or scanned the input, so it must never quote the secret (nor any
 * character of it) or the URI (which carries the secret). For the same reason no cause is ever attached: JDK
 * exceptions quote their input.
 */
public class InvalidOtpInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidOtpInput(String field, String message) {
        super(Objects.requireNonNull(message));
        this.field = Objects.requireNonNull(field);
    }

    /** The input field at fault, e.g. "secret", "uri" or "digits". */
    public String field() {
        return field;
    }
}
