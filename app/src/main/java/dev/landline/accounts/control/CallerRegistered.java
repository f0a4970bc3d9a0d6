package dev.landline.accounts.control;

/** Fired inside the registering transaction, once the new caller has its id. */
public record CallerRegistered(long callerId) {
}
