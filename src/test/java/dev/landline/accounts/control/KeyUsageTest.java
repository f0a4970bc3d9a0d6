package dev.landline.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyUsageTest {

    @Test
    void anEarlierKeyIsRemovableOnlyWhenNoRowNeedsItAndRowsUnderAnUnknownKeyAreCountedAsMissing() {
        var rows = new LinkedHashMap<String, Long>();
        rows.put("new", 4L);
        rows.put("old", 2L);
        rows.put("gone", 1L);
        var seeds = KeyUsage.uses(List.of("new", "old", "older"), rows);

        assertEquals(List.of(new KeyUsage.Use("new", true, true, 4), new KeyUsage.Use("old", false, true, 2),
                new KeyUsage.Use("older", false, true, 0), new KeyUsage.Use("gone", false, false, 1)), seeds);
        assertEquals(List.of(false, false, true, false), seeds.stream().map(KeyUsage.Use::removable).toList());
        var usage = new KeyUsage.Usage(seeds, KeyUsage.uses(List.of("p2", "p1"), new LinkedHashMap<>(
                java.util.Map.of("p0", 3L))));
        assertEquals(2, usage.seedsToReencrypt());
        assertEquals(1, usage.seedsUnderMissingKeys());
        assertEquals(3, usage.pinsUnderMissingPeppers());
    }

    @Test
    void theCurrentKeyIsNeverRemovableEvenWithNoRows() {
        assertEquals(false, KeyUsage.uses(List.of("only"), new LinkedHashMap<>()).get(0).removable());
    }
}
