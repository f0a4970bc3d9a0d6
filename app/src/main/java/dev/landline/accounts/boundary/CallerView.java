package dev.landline.accounts.boundary;

import dev.landline.accounts.entity.Caller;
import java.time.OffsetDateTime;
import java.util.List;

/** A caller as the admin API shows it: never the PIN or its hash. */
public record CallerView(long id, String name, String accountNumber, List<String> phoneNumbers, String language,
        int accounts, OffsetDateTime createdAt) {

    static CallerView of(Caller caller) {
        return new CallerView(caller.id(), caller.name(), caller.accountNumber(),
                caller.phoneNumbers().stream().sorted().toList(), caller.language(), caller.accounts().size(),
                caller.createdAt());
    }
}
