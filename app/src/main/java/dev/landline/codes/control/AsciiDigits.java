package dev.landline.codes.control;

/**
 * Writes a code as exactly {@code digits} ASCII digits, zero-padded on the left. Written by hand: it is ASCII
 * whatever the JVM's default locale (a library's {@code String.format("%06d")} gives Thai or Arabic-Indic digits
 * under such a locale, which text to speech and keypads do not want), and it is a small fraction of the cost of
 * {@code String.format}.
 */
final class AsciiDigits {

    static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000};

    private AsciiDigits() {
    }

    static String zeroPadded(int value, int digits) {
        if (value < 0 || digits < 1 || digits > 9 || value >= POWERS_OF_TEN[digits]) {
            throw new IllegalStateException("an OTP library returned a code out of range for " + digits + " digits");
        }
        var ascii = new byte[digits];
        for (int i = digits - 1; i >= 0; i--) {
            ascii[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return new String(ascii, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
