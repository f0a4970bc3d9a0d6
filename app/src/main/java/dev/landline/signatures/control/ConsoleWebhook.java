package dev.landline.signatures.control;

/**
 * One webhook URL an operator enters in a voice provider's console: the console's name for the field
 * ({@code Answer URL}), the path under {@code /webhooks/} ({@code answer}) and the HTTP method to choose there.
 */
public record ConsoleWebhook(String field, String path, String method) {
}
