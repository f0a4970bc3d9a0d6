package dev.landline.enrolment.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A pasted {@code otpauth://} or {@code otpauth-migration://} URI. */
public record UriBody(
        @NotBlank(message = "an otpauth:// or otpauth-migration:// uri is required")
        @Size(max = 8192, message = "at most 8192 characters") String uri) {

    @Override
    public String toString() {
        return "UriBody[uri=" + (uri == null ? "none" : "***") + "]";
    }
}
