package dev.landline.calls.control;

import java.util.List;

/**
 * Everything the caller hears, as {@link Speech}. English only for now: en-GB until the right PIN, then the
 * caller's language when it is an English variant. Names that come from users (issuers, labels) are text like any other: {@link Speech}
 * escapes them when it is rendered.
 */
public final class Prompts {

    private static final String HASH = "then press the hash key.";

    private Prompts() {
    }

    public static Speech welcome() {
        return Speech.text("Welcome to Landline Authenticator.");
    }

    public static Speech askAccountNumber() {
        return Speech.text("Please enter your account number, " + HASH);
    }

    public static Speech askPin() {
        return Speech.text("Please enter your PIN, " + HASH);
    }

    public static Speech notRecognised() {
        return Speech.text("Sorry, that did not work.");
    }

    /** Heard first after a right PIN when wrong PINs were entered in other calls since the caller's last one. */
    public static Speech wrongPinsSinceLastCall(int count) {
        return Speech.text(count == 1
                ? "1 wrong PIN was entered for your account since your last call."
                : count + " wrong PINs were entered for your account since your last call.");
    }

    public static Speech tooManyFailures() {
        return Speech.text("Sorry, that did not work. Please try again later. Goodbye.");
    }

    public static Speech nothingHeard() {
        return Speech.text("Sorry, I did not get that.");
    }

    public static Speech notAnOption() {
        return Speech.text("Sorry, that is not an option.");
    }

    public static Speech goodbye() {
        return Speech.text("Goodbye.");
    }

    public static Speech noAccounts() {
        return Speech.text("There are no accounts set up for you yet. Goodbye.");
    }

    public static Speech unavailable() {
        return Speech.text("Sorry, Landline Authenticator cannot read codes right now. Please try again later. Goodbye.");
    }

    public static Speech tryLater() {
        return Speech.text("Sorry, this line is busy right now. Please try again in a few minutes. Goodbye.");
    }

    public static Speech menu(List<String> names, boolean paged) {
        var text = Speech.text("");
        for (int i = 0; i < names.size(); i++) {
            text = text.plus(i == 0 ? "For " : " For ").plus(names.get(i)).plus(", press " + (i + 1) + ".");
        }
        if (paged) {
            text = text.plus(names.isEmpty() ? "For more accounts, press 0." : " For more accounts, press 0.");
        }
        return text;
    }

    public static Speech code(String name, String code, ReadoutPlan plan) {
        if (plan.next()) {
            return Speech.text(name).plus(". The current code is about to change, so here is the next one, valid in "
                    + seconds(plan.secondsUntilValid()) + ". Your code is ").plus(Speech.digits(code))
                    .plus(". Again: ").plus(Speech.digits(code))
                    .plus(". It stays valid for " + seconds(plan.secondsValid()) + ".");
        }
        return Speech.text(name).plus(". Your code is ").plus(Speech.digits(code)).plus(". Again: ")
                .plus(Speech.digits(code)).plus(". It is valid for " + seconds(plan.secondsValid()) + ".");
    }

    public static Speech counterCode(String name, String code) {
        return Speech.text(name).plus(". Your code is ").plus(Speech.digits(code)).plus(". Again: ")
                .plus(Speech.digits(code)).plus(". It stays valid until it is used.");
    }

    public static Speech afterCode(boolean otherAccounts) {
        return Speech.text(otherAccounts
                ? "Press 1 to hear it again, 2 for another account, or hang up."
                : "Press 1 to hear it again, or hang up.");
    }

    static String seconds(long seconds) {
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
