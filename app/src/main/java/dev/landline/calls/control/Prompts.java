package dev.landline.calls.control;

import dev.landline.accounts.control.Languages;
import java.util.List;

/**
 * What the caller hears, as {@link Speech}: {@link #in(String)} gives the prompts of a language (its
 * {@link Phrasebook}); the static methods are the service's default language, en-GB, for what is said before
 * anything about the call is known (the outage apology). No sentence is written here: they are in the bundles.
 */
public final class Prompts {

    private Prompts() {
    }

    /** The prompts of the bundle nearest to this language tag (de-AT → de; none → en-GB). */
    public static Phrasebook in(String language) {
        return Phrasebook.in(language);
    }

    private static Phrasebook english() {
        return Phrasebook.in(Languages.DEFAULT);
    }

    public static Speech welcome() {
        return english().welcome();
    }

    public static Speech askAccountNumber() {
        return english().askAccountNumber();
    }

    public static Speech askPin() {
        return english().askPin();
    }

    public static Speech notRecognised() {
        return english().notRecognised();
    }

    /** Heard first after a right PIN when wrong PINs were entered in other calls since the caller's last one. */
    public static Speech wrongPinsSinceLastCall(int count) {
        return english().wrongPinsSinceLastCall(count);
    }

    public static Speech tooManyFailures() {
        return english().tooManyFailures();
    }

    public static Speech nothingHeard() {
        return english().nothingHeard();
    }

    public static Speech notAnOption() {
        return english().notAnOption();
    }

    public static Speech goodbye() {
        return english().goodbye();
    }

    public static Speech noAccounts() {
        return english().noAccounts();
    }

    public static Speech unavailable() {
        return english().unavailable();
    }

    public static Speech tryLater() {
        return english().tryLater();
    }

    public static Speech menu(List<String> names, boolean paged) {
        return english().menu(names, paged);
    }

    public static Speech code(String name, String code, ReadoutPlan plan) {
        return english().code(name, code, plan);
    }

    public static Speech counterCode(String name, String code) {
        return english().counterCode(name, code);
    }

    public static Speech afterCode(boolean otherAccounts) {
        return english().afterCode(otherAccounts);
    }
}
