package dev.landline.secrets.boundary;

import dev.landline.accounts.control.KeyUsage;
import java.util.List;

/**
 * The key rings as the admin page shows them: each seed key and pepper by its public id (never a key), how many
 * stored rows need it, whether it is current, configured, and removable (an earlier key no row needs any more).
 */
public record KeysView(List<KeyView> seedKeys, List<KeyView> peppers, long seedsToReencrypt,
        long seedsUnderMissingKeys, long pinsUnderMissingPeppers) {

    /** One key id and its rows. */
    public record KeyView(String id, boolean current, boolean configured, long rows, boolean removable) {

        static KeyView of(KeyUsage.Use use) {
            return new KeyView(use.keyId(), use.current(), use.configured(), use.rows(), use.removable());
        }
    }

    static KeysView of(KeyUsage.Usage usage) {
        return new KeysView(usage.seedKeys().stream().map(KeyView::of).toList(),
                usage.peppers().stream().map(KeyView::of).toList(), usage.seedsToReencrypt(),
                usage.seedsUnderMissingKeys(), usage.pinsUnderMissingPeppers());
    }
}
