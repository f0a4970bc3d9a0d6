package dev.landline.accounts.control;

import dev.landline.problems.boundary.BadRequest;
import java.util.Optional;

/**
 * Phone numbers as Vonage sends them in {@code from}: international digits without "+" (447700900000).
 * "+44 7700 900000", "0044-7700-900000" and "(44) 7700 900000" all become 447700900000.
 */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    public static String normalise(String text) {
        return parse(text).orElseThrow(() -> new BadRequest("phoneNumbers",
                "a phone number has 6 to 15 digits in international form, e.g. +44 7700 900000"));
    }

    /** The normalised number, or empty when the text is not a plausible international number. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var digits = text.strip().replaceAll("[\\s().\\-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (!digits.matches("[0-9]{6,15}")) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }
}
