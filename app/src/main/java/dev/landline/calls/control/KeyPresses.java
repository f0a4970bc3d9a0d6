package dev.landline.calls.control;

/**
 * What the caller typed at an input step.
 *
 * @param digits  1–20 ASCII digits (a final '#' removed), or null when nothing was typed
 * @param garbled true when something arrived that is not plain digits; it is never looked at further
 */
public record KeyPresses(String callUuid, String digits, boolean garbled) {

    public boolean none() {
        return digits == null;
    }

    public boolean usable() {
        return digits != null && !garbled;
    }

    /** Never the digits, PIN, secret, code or token. */
    @Override
    public String toString() {
        return "KeyPresses[call=" + callUuid + ", digits=" + (digits == null ? "none" : digits.length() + " digits") + ", garbled=" + garbled + "]";
    }
}
