package dev.landline.problems.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void absentParametersMeanTheFirstPageOfTheDefaultSize() {
        assertEquals(new Paging(0, 50), Paging.read(null, " ", 50, 200));
    }

    @Test
    void aPageStartsAfterTheEarlierPages() {
        var paging = Paging.read("3", "200", 50, 200);
        assertEquals(600, paging.first());
    }

    @Test
    void malformedNegativeOrHugeNumbersAreRefusedNamingTheParameter() {
        for (var bad : List.of("-1", "abc", "1.5", "99999999999", "1000001")) {
            assertEquals("page", assertThrows(BadRequest.class, () -> Paging.read(bad, null, 50, 200)).field());
        }
        for (var bad : List.of("0", "201", "x")) {
            assertEquals("size", assertThrows(BadRequest.class, () -> Paging.read(null, bad, 50, 200)).field());
        }
    }
}
