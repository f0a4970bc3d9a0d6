package dev.landline.accounts.boundary;

import jakarta.validation.constraints.NotNull;

public record NewPin(@NotNull(message = "a PIN is required") String pin) {

    /** Never the digits, PIN, secret, code or token. */
    @Override
    public String toString() {
        return "NewPin[pin=***]";
    }
}
