package dev.landline.accounts.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An OTP account to add: either {@code uri} (an otpauth:// Key URI) or the fields. Defaults follow the Key URI
 * format: TOTP, SHA1, 6 digits, 30 seconds; HOTP needs a counter.
 */
public record NewAccount(
        @Schema(description = "an otpauth:// Key URI; or leave it out and give the fields")
        @Size(max = 2048, message = "at most 2048 characters") String uri,
        @Size(max = 100, message = "at most 100 characters") String issuer,
        @Size(max = 200, message = "at most 200 characters") String label,
        @Schema(description = "Base32") @Size(max = 300, message = "at most 300 characters") String secret,
        String type,
        String algorithm,
        Integer digits,
        Integer period,
        Long counter) {

    /** Never the digits, PIN, secret, code or token. */
    @Override
    public String toString() {
        return "NewAccount[issuer=" + issuer + ", label=" + label + ", uri=" + (uri == null ? "none" : "***") + ", secret=" + (secret == null ? "none" : "***") + "]";
    }
}
