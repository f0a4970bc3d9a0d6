package dev.landline.signatures.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A webhook the browser phone is about to send. For Vonage ({@code provider} absent or {@code vonage}): {@code GET}
 * with its raw query string, or {@code POST} with its exact JSON body; the token is bound to these bytes by its
 * {@code payload_hash}. For Twilio ({@code provider} {@code twilio}): {@code POST} with its exact form body and the
 * webhook's {@code path} from the deployment's root ({@code webhooks/twilio/…}, nothing else); the signature covers
 * the URL the server will rebuild for that path and every parameter of the body.
 */
public record PhoneSigningRequest(
        @Pattern(regexp = PhoneSigningRequest.PROVIDERS, message = "vonage or twilio") String provider,
        @NotNull(message = "GET or POST") @Pattern(regexp = "GET|POST", message = "GET or POST") String method,
        @Size(max = MAX_CHARS, message = "at most 16384 characters") String query,
        @Size(max = MAX_CHARS, message = "at most 16384 characters") String body,
        @Size(max = MAX_PATH_CHARS, message = "at most 512 characters")
        @Pattern(regexp = PhoneSigningRequest.TWILIO_PATH, message = "a path under webhooks/twilio/") String path) {

    static final String PROVIDERS = "vonage|twilio";
    /** Whole segments of letters, digits, '-' and '_' (the single-use tokens are Base64url): no dots, no escapes. */
    static final String TWILIO_PATH = "webhooks/twilio(/[A-Za-z0-9_-]+)+";
    static final int MAX_CHARS = 16384;
    static final int MAX_PATH_CHARS = 512;

    /** True for Twilio; absent means Vonage, as before there was a choice. */
    boolean twilio() {
        return "twilio".equals(provider);
    }

    /** Never the digits in the body, nor a call's single-use token in the path. */
    @Override
    public String toString() {
        return "PhoneSigningRequest[provider=" + (twilio() ? "twilio" : "vonage") + ", method=" + method + ", query="
                + (query == null ? "none" : "***") + ", body=" + (body == null ? "none" : "***") + ", path="
                + (path == null ? "none" : "***") + "]";
    }
}
