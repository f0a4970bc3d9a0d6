package dev.landline.problems.boundary;

/**
 * A list request's page ({@code ?page=&size=}), read by the resource rather than by JAX-RS so that a malformed one
 * is a 400 naming the parameter (JAX-RS would answer a query parameter it cannot convert with 404).
 *
 * @param page from 0
 * @param size 1 to the list's maximum
 */
public record Paging(int page, int size) {

    /** Pages beyond this are refused rather than read: page × size stays a small, exact number. */
    static final int MAX_PAGE = 1_000_000;

    /** Every admin list's page size when none is asked for, and the most it gives at once. */
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The page of an admin list asked for; absent parameters mean the first page of {@value #DEFAULT_SIZE}. */
    public static Paging read(String page, String size) {
        return read(page, size, DEFAULT_SIZE, MAX_SIZE);
    }

    /** The page asked for; absent parameters mean the first page of {@code defaultSize}. */
    static Paging read(String page, String size, int defaultSize, int maxSize) {
        return new Paging(number("page", page, 0, 0, MAX_PAGE), number("size", size, defaultSize, 1, maxSize));
    }

    /** How many rows come before this page. */
    public int first() {
        return page * size;
    }

    private static int number(String field, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw new BadRequest(field, "a whole number from " + min + " to " + max);
    }
}
