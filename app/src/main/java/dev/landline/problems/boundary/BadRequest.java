package dev.landline.problems.boundary;

import dev.landline.problems.control.Refusal;

/**
 * A request the caller can fix, found by a boundary class reading it (a query parameter, a webhook's JSON): mapped
 * to 400 with the field named. The message is shown to the client, so it must never contain a PIN, a secret, a
 * code or DTMF digits.
 */
public class BadRequest extends Refusal {

    private static final long serialVersionUID = 1L;

    public BadRequest(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
