package dev.landline.signatures.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A webhook the browser phone is about to send: {@code GET} with its raw query string, or {@code POST} with its
 * exact JSON body. The token is bound to these bytes by its {@code payload_hash}.
 */
public record PhoneSigningRequest(
        @NotNull(message = "GET or POST") @Pattern(regexp = "GET|POST", message = "GET or POST") String method,
        @Size(max = 16384, message = "at most 16384 characters") String query,
        @Size(max = 16384, message = "at most 16384 characters") String body) {

    /** Never the digits in the body. */
    @Override
    public String toString() {
        return "PhoneSigningRequest[method=" + method + ", query=" + (query == null ? "none" : "***") + ", body="
                + (body == null ? "none" : "***") + "]";
    }
}
