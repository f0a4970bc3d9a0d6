package dev.landline.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MenuTest {

    private final Menu twelve = new Menu(IntStream.rangeClosed(1, 12).mapToObj(i -> "S" + i).toList());
    private final Menu three = new Menu(List.of("GitHub", "Gmail", "Bank"));

    @Test
    void upToNineAccountsFitOnePageAndZeroMeansNothing() {
        assertFalse(three.paged());
        assertEquals(List.of("GitHub", "Gmail", "Bank"), three.page(0));
        assertEquals(Optional.of(1), three.choose(0, "2"));
        assertEquals(Optional.empty(), three.choose(0, "4"));
        assertFalse(three.turnsPage("0"));
    }

    @Test
    void twelveAccountsArePagedNineThenThreeAndZeroWrapsAround() {
        assertTrue(twelve.paged());
        assertEquals(2, twelve.pages());
        assertEquals(9, twelve.page(0).size());
        assertEquals(List.of("S10", "S11", "S12"), twelve.page(1));
        assertEquals(1, twelve.nextPage(0));
        assertEquals(0, twelve.nextPage(1));
        assertEquals(Optional.of(11), twelve.choose(1, "3"));
        assertEquals(Optional.empty(), twelve.choose(1, "4"));
        assertTrue(twelve.turnsPage("0"));
    }

    @Test
    void onlyASingleDigitOneToNineChooses() {
        for (var keys : new String[] {"", "0", "12", "*", "#", "a"}) {
            assertEquals(Optional.empty(), twelve.choose(0, keys), keys);
        }
        assertEquals(Optional.empty(), twelve.choose(0, null));
    }
}
