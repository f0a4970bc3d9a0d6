package dev.landline.accounts.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The caller's accounts in the order the menu should offer them: every account id exactly once. */
public record MenuOrder(@NotNull(message = "the account ids are required") List<@NotNull Long> accountIds) {
}
