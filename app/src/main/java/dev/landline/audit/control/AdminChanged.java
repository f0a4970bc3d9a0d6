package dev.landline.audit.control;

/** An administrator changed something: who, what (e.g. "caller.created"), and which caller/account. */
public record AdminChanged(String actor, String action, Long callerId, Long accountId) {
}
