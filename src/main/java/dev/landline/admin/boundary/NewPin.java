package dev.landline.admin.boundary;

import jakarta.validation.constraints.NotNull;

public record NewPin(@NotNull(message = "a PIN is required") String pin) {
}
