package dev.landline.guard.control;

/**
 * A PIN typed for a caller.
 *
 * @param callerId null when the account number was unknown (the attempt is then checked against nothing)
 * @param pin      the digits typed; never logged, never part of an exception message
 */
public record PinAttempt(String callUuid, Long callerId, String pin) {

    @Override
    public String toString() {
        return "PinAttempt[call=" + callUuid + ", caller=" + callerId + "]";
    }
}
