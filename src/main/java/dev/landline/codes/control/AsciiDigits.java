package dev.landline.codes.control;

/**
 * Guarantees a code is exactly {@code digits} ASCII digits. Aerogear formats with {@code String.format("%06d")}
 * in the JVM's default locale, which gives e.g. Thai or Arabic-Indic digits under such a default locale; text to
 * speech and keypads need ASCII, so any Unicode decimal digit is mapped to its ASCII form.
 */
final class AsciiDigits {

    private AsciiDigits() {
    }

    static String of(String code, int digits) {
        var ascii = new char[code.length()];
        for (int i = 0; i < ascii.length; i++) {
            int value = Character.digit(code.charAt(i), 10);
            if (value < 0) {
                throw new IllegalStateException("an OTP library returned a code that is not all digits");
            }
            ascii[i] = (char) ('0' + value);
        }
        if (ascii.length != digits) {
            throw new IllegalStateException("an OTP library returned " + ascii.length + " digits, not " + digits);
        }
        return new String(ascii);
    }
}
