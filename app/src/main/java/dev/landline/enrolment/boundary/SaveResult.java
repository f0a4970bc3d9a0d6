package dev.landline.enrolment.boundary;

import dev.landline.accounts.boundary.AccountView;
import dev.landline.enrolment.control.PendingEnrolments;
import java.util.List;

/** What saving stored, and the duplicates it left out. */
public record SaveResult(List<AccountView> saved, List<Duplicate> skippedDuplicates) {

    /** An account the caller already had: not stored again. */
    public record Duplicate(String issuer, String label) {
    }

    static SaveResult of(PendingEnrolments.Saved saved) {
        return new SaveResult(saved.accounts().stream().map(AccountView::of).toList(),
                saved.skippedDuplicates().stream().map(s -> new Duplicate(s.issuer(), s.label())).toList());
    }
}
