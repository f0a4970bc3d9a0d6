package dev.landline.calls.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything the caller hears, as SSML. English only for now; the voice language is the caller's when it is an
 * English variant. Names that come from users (issuers, labels) are escaped so they cannot inject SSML, and lose
 * their bidirectional controls so they cannot turn the rest of a prompt around.
 */
public final class Prompts {

    private static final String HASH = "then press the hash key.";
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    private Prompts() {
    }

    public static String welcome() {
        return "Welcome to Landline Authenticator.";
    }

    public static String askAccountNumber() {
        return "Please enter your account number, " + HASH;
    }

    public static String askPin() {
        return "Please enter your PIN, " + HASH;
    }

    public static String notRecognised() {
        return "Sorry, that did not work.";
    }

    /** Heard first after a right PIN when wrong PINs were entered in other calls since the caller's last one. */
    public static String wrongPinsSinceLastCall(int count) {
        return count == 1
                ? "1 wrong PIN was entered for your account since your last call."
                : count + " wrong PINs were entered for your account since your last call.";
    }

    public static String tooManyFailures() {
        return "Sorry, that did not work. Please try again later. Goodbye.";
    }

    public static String nothingHeard() {
        return "Sorry, I did not get that.";
    }

    public static String notAnOption() {
        return "Sorry, that is not an option.";
    }

    public static String goodbye() {
        return "Goodbye.";
    }

    public static String noAccounts() {
        return "There are no accounts set up for you yet. Goodbye.";
    }

    public static String unavailable() {
        return "Sorry, Landline Authenticator cannot read codes right now. Please try again later. Goodbye.";
    }

    public static String tryLater() {
        return "Sorry, this line is busy right now. Please try again in a few minutes. Goodbye.";
    }

    public static String menu(List<String> names, boolean paged) {
        var text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append("For ").append(escape(names.get(i))).append(", press ").append(i + 1).append(". ");
        }
        if (paged) {
            text.append("For more accounts, press 0.");
        }
        return text.toString().strip();
    }

    public static String code(String name, String code, ReadoutPlan plan) {
        var digits = digits(code);
        if (plan.next()) {
            return escape(name) + ". The current code is about to change, so here is the next one, valid in "
                    + seconds(plan.secondsUntilValid()) + ". Your code is " + digits + ". Again: " + digits
                    + ". It stays valid for " + seconds(plan.secondsValid()) + ".";
        }
        return escape(name) + ". Your code is " + digits + ". Again: " + digits + ". It is valid for "
                + seconds(plan.secondsValid()) + ".";
    }

    public static String counterCode(String name, String code) {
        var digits = digits(code);
        return escape(name) + ". Your code is " + digits + ". Again: " + digits
                + ". It stays valid until it is used.";
    }

    public static String afterCode(boolean otherAccounts) {
        return otherAccounts
                ? "Press 1 to hear it again, 2 for another account, or hang up."
                : "Press 1 to hear it again, or hang up.";
    }

    /** Wraps sentences into one SSML document. */
    public static String ssml(String... sentences) {
        return "<speak>" + String.join(" ", sentences) + "</speak>";
    }

    static String digits(String code) {
        return "<say-as interpret-as='digits'>" + code + "</say-as>";
    }

    static String seconds(long seconds) {
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    /**
     * A name from a user as SSML text: markup characters escaped, and bidirectional embeddings, overrides and
     * isolates (U+202A–U+202E, U+2066–U+2069) dropped. They have no sound, and an unclosed one would turn the rest
     * of the prompt around wherever it is shown (the browser phone's transcript, a provider's call log), digits of
     * the code included.
     */
    static String escape(String text) {
        return BIDI_CONTROLS.matcher(text).replaceAll("").replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
