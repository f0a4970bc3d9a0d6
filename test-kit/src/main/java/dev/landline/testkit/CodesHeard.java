package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check that a call said no code: what was said is compared with the codes an independent oracle computes
 * ({@link ReferenceOtp}), not with the markup the service happens to use today. Whatever the markup,
 * the numbers a caller would hear are found: SSML tags dropped, entities (named and numeric) decoded, digits spoken
 * as words read as digits, and digits separated only by spaces, commas, dots or dashes read as one number
 * ("1 2 3, 4 5 6", Twilio's "2, 8, 7, 0, 8, 2"). A TwiML reply is heard as its Say text ({@link #saidInTwiml}).
 */
public final class CodesHeard {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** A numeric character reference ("&#50;", "&#x32;"), as an XML writer may escape any character. */
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");
    private static final Pattern DIGIT_WORD = Pattern.compile(
            "(?i)\\b(zero|oh|one|two|three|four|five|six|seven|eight|nine)\\b");
    private static final Map<String, String> DIGITS = Map.of("zero", "0", "oh", "0", "one", "1", "two", "2",
            "three", "3", "four", "4", "five", "5", "six", "6", "seven", "7", "eight", "8");
    private static final Pattern NUMBER = Pattern.compile("[0-9](?:[\\s,.\\-]*[0-9])*");
    private static final List<String> ALGORITHMS = List.of("HmacSHA1", "HmacSHA256", "HmacSHA512");
    private static final int[] DIGIT_COUNTS = {6, 7, 8};
    private static final int[] PERIODS = {30, 60};

    /** An independent HOTP (such as {@link ReferenceOtp}) for one seed: the code at a counter. */
    @FunctionalInterface
    public interface Oracle {
        String hotp(long counter, int digits, String macAlgorithm);
    }

    private CodesHeard() {
    }

    /** Every number in this speech as a listener hears it, separators between its digits removed. */
    public static List<String> numbersIn(String speech) {
        var text = TAG.matcher(speech).replaceAll(" ");
        text = CHARACTER_REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(character(m)));
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
        text = DIGIT_WORD.matcher(text).replaceAll(m -> DIGITS.getOrDefault(m.group(1).toLowerCase(), "9"));
        var numbers = new ArrayList<String>();
        var matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group().replaceAll("[^0-9]", ""));
        }
        return numbers;
    }

    private static String character(MatchResult reference) {
        int code = reference.group(1) != null ? Integer.parseInt(reference.group(1), 16)
                : Integer.parseInt(reference.group(2));
        return Character.isValidCodePoint(code) ? Character.toString(code) : reference.group();
    }

    /**
     * What a caller hears from this TwiML reply: the text of its {@code <Say>}s (character references decoded by the
     * XML parser), not the attributes or the action URL around them, which are never spoken.
     */
    public static String saidInTwiml(String twiml) {
        return TwimlRules.read(twiml).speech();
    }

    /** Fails when any of these codes is said in this speech (or any text the caller or a client is given). */
    public static void assertNoneSaid(Collection<String> codes, String speech) {
        said(codes, speech).ifPresent(code -> fail("a code was said (" + code + "): " + speech));
    }

    /** The first of these codes a listener hears in this speech, if any. */
    public static Optional<String> said(Collection<String> codes, String speech) {
        for (var number : numbersIn(speech)) {
            for (var code : codes) {
                if (number.contains(code)) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }

    /** The codes at every step from {@code step - reach} to {@code step + reach}, by the oracle given. */
    public static Set<String> around(LongFunction<String> codeAt, long step, int reach) {
        return between(codeAt, step - reach, step + reach);
    }

    /** The codes at every step from {@code first} to {@code last} (none below 0), by the oracle given. */
    public static Set<String> between(LongFunction<String> codeAt, long first, long last) {
        var codes = new LinkedHashSet<String>();
        for (long s = Math.max(0, first); s <= last; s++) {
            codes.add(codeAt.apply(s));
        }
        return codes;
    }

    /**
     * Every code of one seed that a call around {@code nowEpochSecond} could have said, whatever the account's
     * parameters: HMAC-SHA1, -SHA256 and -SHA512, 6, 7 and 8 digits, TOTP at 30 and 60 seconds within ten steps of
     * that time, and HOTP counters 0 to 50.
     */
    public static Set<String> codesOf(Oracle oracle, long nowEpochSecond) {
        var codes = new HashSet<String>();
        for (var algorithm : ALGORITHMS) {
            for (int digits : DIGIT_COUNTS) {
                for (int period : PERIODS) {
                    codes.addAll(around(step -> oracle.hotp(step, digits, algorithm), nowEpochSecond / period, 10));
                }
                codes.addAll(around(counter -> oracle.hotp(counter, digits, algorithm), 0, 50));
            }
        }
        return codes;
    }

    /** {@link #codesOf(Oracle, long)} of this Base32 seed, by {@link ReferenceOtp}. */
    public static Set<String> codesOf(String base32Secret, long nowEpochSecond) {
        var key = ReferenceOtp.base32(base32Secret);
        return codesOf((counter, digits, mac) -> ReferenceOtp.hotp(key, counter, digits, mac), nowEpochSecond);
    }
}
