package dev.landline.guard.control;

/** What became of one PIN attempt. Only ACCEPTED lets the caller on; the others sound the same. */
public enum PinOutcome {
    ACCEPTED, REJECTED, DELAYED, LOCKED;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}
