package dev.landline.calls.control;

/** A code was read out: which call, caller and account — never the code. */
public record CodeRead(String callUuid, long callerId, long accountId) {
}
