package dev.landline.calls.control;

/**
 * What the caller hears, as {@link Speech}: {@link #in(String)} gives the prompts of a language (its
 * {@link Phrasebook}). No sentence is written here: they are in the bundles, and every call says which language it
 * is in (there are no English defaults).
 */
public final class Prompts {

    private Prompts() {
    }

    /** The prompts of the bundle nearest to this language tag (de-AT → de; none → en-GB). */
    public static Phrasebook in(String language) {
        return Phrasebook.in(language);
    }
}
