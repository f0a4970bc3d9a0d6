package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * The one check that a call said no code: what was said is compared with the codes an independent oracle computes
 * (the tests' {@code ReferenceOtp}), not with the markup the service happens to use today. Whatever the markup,
 * the numbers a caller would hear are found: SSML tags dropped, entities decoded, digits spoken as words read as
 * digits, and digits separated only by spaces, commas, dots or dashes read as one number ("1 2 3, 4 5 6").
 */
public final class CodesHeard {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern DIGIT_WORD = Pattern.compile(
            "(?i)\\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b");
    private static final Map<String, String> DIGITS = Map.of("zero", "0", "oh", "0", "one", "1", "two", "2",
            "three", "3", "four", "4", "five", "5", "six", "6", "seven", "7", "eight", "8");
    private static final Pattern NUMBER = Pattern.compile("[0-9](?:[\\s,.\\-]*[0-9])*");

    private CodesHeard() {
    }

    /** Every number in this speech as a listener hears it, separators between its digits removed. */
    public static List<String> numbersIn(String speech) {
        var text = TAG.matcher(speech).replaceAll(" ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
        text = DIGIT_WORD.matcher(text).replaceAll(m -> DIGITS.getOrDefault(m.group(1).toLowerCase(), "9"));
        var numbers = new ArrayList<String>();
        var matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group().replaceAll("[^0-9]", ""));
        }
        return numbers;
    }

    /** Fails when any of these codes is said in this speech (or any text the caller or a client is given). */
    public static void assertNoneSaid(Collection<String> codes, String speech) {
        for (var number : numbersIn(speech)) {
            for (var code : codes) {
                if (number.contains(code)) {
                    fail("a code was said (" + code + "): " + speech);
                }
            }
        }
    }

    /** The codes at every step from {@code step - reach} to {@code step + reach}, by the oracle given. */
    public static Set<String> around(LongFunction<String> codeAt, long step, int reach) {
        var codes = new LinkedHashSet<String>();
        for (long s = Math.max(0, step - reach); s <= step + reach; s++) {
            codes.add(codeAt.apply(s));
        }
        return codes;
    }
}
