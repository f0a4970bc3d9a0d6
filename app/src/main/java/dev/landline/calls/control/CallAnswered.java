package dev.landline.calls.control;

/**
 * How an answered call began, for the audit trail. Fired when its first input arrives (answering itself stores
 * nothing), when it ends before any input, or at once when the service lacks its keys. {@code callerId} is the
 * caller selected by caller ID (not yet authenticated), if any.
 */
public record CallAnswered(String callUuid, Long callerId, Outcome outcome) {

    /** The audit trail stores these names. */
    public enum Outcome {
        RECOGNISED, ASKED_ACCOUNT_NUMBER, THROTTLED, ENDED_BEFORE_INPUT, UNAVAILABLE
    }
}
