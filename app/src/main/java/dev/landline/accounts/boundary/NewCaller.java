package dev.landline.accounts.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A caller to register. The PIN rules are checked by PinPolicy (its messages never repeat the PIN). */
public record NewCaller(
        @NotBlank(message = "a name is required") @Size(max = 100, message = "at most 100 characters") String name,
        @NotNull(message = "an account number is required")
        @Pattern(regexp = "[0-9]{4,16}", message = "4 to 16 digits") String accountNumber,
        @Schema(description = "6-12 digits, not trivial (no repeats, runs or the account number)")
        @NotNull(message = "a PIN is required") String pin,
        @Size(max = 10, message = "at most 10 phone numbers") List<@NotNull(message = "must not be null") String> phoneNumbers,
        String language) {

    /** Never the digits, PIN, secret, code or token. */
    @Override
    public String toString() {
        return "NewCaller[name=" + name + ", accountNumber=" + accountNumber + ", pin=***, phoneNumbers=" + (phoneNumbers == null ? 0 : phoneNumbers.size()) + ", language=" + language + "]";
    }
}
