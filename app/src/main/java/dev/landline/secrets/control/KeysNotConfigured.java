package dev.landline.secrets.control;

import dev.landline.problems.control.Refusal;

/**
 * A key the server needs (the seed key, the pepper) is missing or unusable in its configuration: nothing that needs
 * it can be done until an operator sets it. Names the settings at fault, never a key.
 */
public class KeysNotConfigured extends Refusal {

    private static final long serialVersionUID = 1L;

    KeysNotConfigured(String problems) {
        super(Kind.UNAVAILABLE, "The service is not configured yet: " + problems + ".");
    }
}
