package dev.landline.calls.control;

/**
 * A caller who typed the right PIN was told first how many wrong PINs were entered for their account since their
 * last call ({@code count} &gt; 0; never the PINs). Observers: the audit trail.
 */
public record WrongPinsTold(String callUuid, long callerId, int count) {
}
