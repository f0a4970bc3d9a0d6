package dev.landline.accounts.control;

import dev.landline.problems.control.Refusal;

/** A new PIN that {@link PinPolicy} does not accept (field "pin"). The message says why, never the PIN. */
public class UnacceptablePin extends Refusal {

    private static final long serialVersionUID = 1L;

    UnacceptablePin(String message) {
        super(Kind.INVALID, "pin", message);
    }
}
