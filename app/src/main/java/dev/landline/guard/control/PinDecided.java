package dev.landline.guard.control;

/** A PIN attempt was decided (never carries the PIN). Observers: the audit trail. */
public record PinDecided(String callUuid, Long callerId, PinOutcome outcome) {
}
