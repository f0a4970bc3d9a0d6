package dev.landline.problems.boundary;

/**
 * A request the caller can fix: mapped to 400 with the field named. The message is shown to the client, so it
 * must never contain a PIN, a secret, a code or DTMF digits.
 */
public class BadRequest extends RuntimeException {

    private final String field;

    public BadRequest(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
