package dev.landline.accounts.control;

import dev.landline.problems.control.Refusal;

/** A caller's detail that cannot be stored as given: a phone number, a speech language. Never quotes the value. */
public class InvalidCallerDetail extends Refusal {

    private static final long serialVersionUID = 1L;

    InvalidCallerDetail(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
