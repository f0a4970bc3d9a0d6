package dev.landline.accounts.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.landline.accounts.control.CallerRegistry;
import dev.landline.accounts.entity.Caller;
import dev.landline.problems.boundary.BadRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallersPagingTest {

    /** Notes which page the resource asked for instead of reading a database. */
    static final class AskedPages extends CallerRegistry {
        final List<int[]> asked = new ArrayList<>();

        @Override
        public List<Caller> page(int first, int size) {
            asked.add(new int[] {first, size});
            return List.of();
        }
    }

    private final AskedPages registry = new AskedPages();
    private final CallersResource resource = new CallersResource();

    {
        resource.registry = registry;
    }

    @Test
    void withoutParametersTheFirstPageOfFiftyIsRead() {
        resource.page(null, null);
        assertEquals(0, registry.asked.get(0)[0]);
        assertEquals(50, registry.asked.get(0)[1]);
    }

    @Test
    void theAskedPageStartsAfterTheEarlierPages() {
        resource.page("3", "200");
        assertEquals(600, registry.asked.get(0)[0]);
        assertEquals(200, registry.asked.get(0)[1]);
    }

    @Test
    void aSizeAboveTheMaximumIsRefusedNamingTheField() {
        var refused = assertThrows(BadRequest.class, () -> resource.page("0", "201"));
        assertEquals("size", refused.field());
        assertEquals(List.of(), registry.asked);
    }

    @Test
    void malformedOrNegativeParametersAreRefusedNotGuessed() {
        for (var bad : List.of("-1", "abc", "1.5", "99999999999")) {
            assertEquals("page", assertThrows(BadRequest.class, () -> resource.page(bad, null)).field());
        }
        assertEquals("size", assertThrows(BadRequest.class, () -> resource.page(null, "0")).field());
        assertEquals(List.of(), registry.asked);
    }
}
