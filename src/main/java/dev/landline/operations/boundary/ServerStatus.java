package dev.landline.operations.boundary;

/**
 * What an administrator must know about this server at a glance: {@code webhooks} is {@code signed},
 * {@code unsigned-allowed} (anyone can drive calls) or {@code refusing-no-secret} (every call is refused);
 * {@code webhooksAuthenticated} is true only when signed.
 */
public record ServerStatus(String webhooks, boolean webhooksAuthenticated) {
}
