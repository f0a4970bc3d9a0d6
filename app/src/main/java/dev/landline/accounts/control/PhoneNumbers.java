package dev.landline.accounts.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as Vonage sends them in {@code from}: international digits without "+" (447700900000).
 * "+44 7700 900000", "0044-7700-900000", "(44) 7700 900000", "+44 (0)7700 900000" and "+44 30/7700 900000"-style
 * separators all become one form: spaces of any kind, dots, dashes, slashes and brackets are dropped, and so is a
 * written trunk prefix "(0)" right after the country code. A bare 0 after the country code is kept: in some
 * countries (Italy: +39 06 …) it is part of the number.
 */
public final class PhoneNumbers {

    /** Spaces, dashes, dots and slashes, as numbers are written; dropped. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\p{Pd}./]");
    private static final Pattern PARENTHESES = Pattern.compile("[()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{6,15}");
    /** "44(0)7700…" or "(44)(0)7700…": the written "(0)" that follows a country code, as "+44 (0)" is written. */
    private static final Pattern TRUNK_AFTER_COUNTRY_CODE = Pattern.compile("^\\(?([0-9]{1,3})\\)?\\(0\\)");

    private PhoneNumbers() {
    }

    public static String normalise(String text) {
        return parse(text).orElseThrow(() -> new InvalidCallerDetail("phoneNumbers",
                "a phone number has 6 to 15 digits in international form, e.g. +44 7700 900000"));
    }

    /** The normalised number, or empty when the text is not a plausible international number. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var digits = SEPARATORS.matcher(text).replaceAll("");
        boolean international = digits.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (international) {
            digits = TRUNK_AFTER_COUNTRY_CODE.matcher(digits).replaceFirst("$1");
        }
        digits = PARENTHESES.matcher(digits).replaceAll("");
        if (!DIGITS.matcher(digits).matches()) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }
}
