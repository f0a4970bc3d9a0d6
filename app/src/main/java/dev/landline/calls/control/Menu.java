package dev.landline.calls.control;

import java.util.List;
import java.util.Optional;

/**
 * The spoken account menu: keys 1–9 choose on the current page; with more than nine accounts, 0 turns the page
 * (after the last page it starts again at the first).
 */
public record Menu(List<String> names) {

    public static final int PAGE_SIZE = 9;

    public Menu {
        names = List.copyOf(names);
    }

    public int pages() {
        return Math.max(1, (names.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean paged() {
        return names.size() > PAGE_SIZE;
    }

    /** The names offered on a page, key 1 first. */
    public List<String> page(int page) {
        int from = Math.min(page * PAGE_SIZE, names.size());
        return names.subList(from, Math.min(from + PAGE_SIZE, names.size()));
    }

    public int nextPage(int page) {
        return (page + 1) % pages();
    }

    /** The index into {@link #names()} chosen by key {@code digit} on {@code page}, if that key means one. */
    public Optional<Integer> choose(int page, String digits) {
        if (digits == null || digits.length() != 1 || digits.charAt(0) < '1' || digits.charAt(0) > '9') {
            return Optional.empty();
        }
        int key = digits.charAt(0) - '0';
        var offered = page(page);
        return key <= offered.size() ? Optional.of(page * PAGE_SIZE + key - 1) : Optional.empty();
    }

    public boolean turnsPage(String digits) {
        return paged() && "0".equals(digits);
    }
}
