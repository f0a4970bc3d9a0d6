package dev.landline.calls.control;

/** A call the provider has just answered. {@code from} is null when the number is withheld. */
public record IncomingCall(String uuid, String conversationUuid, String from, String to) {
}
