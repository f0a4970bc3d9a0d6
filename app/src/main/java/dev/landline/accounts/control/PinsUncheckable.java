package dev.landline.accounts.control;

import dev.landline.problems.control.Refusal;

/** PINs can be neither hashed nor checked right now: the iteration count is below the floor (see PinHasher). */
public class PinsUncheckable extends Refusal {

    private static final long serialVersionUID = 1L;

    PinsUncheckable(String reason) {
        super(Kind.UNAVAILABLE, "PINs cannot be checked: " + reason + ".");
    }
}
