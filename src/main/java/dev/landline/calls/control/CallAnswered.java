package dev.landline.calls.control;

/**
 * A call was answered. {@code callerId} is the caller selected by caller ID (not yet authenticated), if any;
 * {@code outcome} is RECOGNISED, ASKED_ACCOUNT_NUMBER, THROTTLED or UNAVAILABLE.
 */
public record CallAnswered(String callUuid, Long callerId, String outcome) {
}
