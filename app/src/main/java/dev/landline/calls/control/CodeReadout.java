package dev.landline.calls.control;

import dev.landline.accounts.control.Languages;
import dev.landline.accounts.control.SeedCipher;
import dev.landline.accounts.entity.OtpAccount;
import dev.landline.codes.control.CodeGenerator;
import dev.landline.codes.control.OtpType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Speaks one account's code: opens the seed for just this moment, computes the code for the planned step
 * ({@link ReadoutPlan}), and forgets the seed. HOTP accounts move their counter on (the caller persists it).
 */
@ApplicationScoped
public class CodeReadout {

    @Inject
    SeedCipher cipher;

    @Inject
    CodeGenerator codes;

    /** Below this many seconds left in a TOTP step, the next step's code is read instead. */
    @Inject
    @ConfigProperty(name = "landline.code.min-remaining-seconds", defaultValue = "7")
    int minRemaining;

    /** What was said, and for HOTP the counter it used (null for TOTP). */
    public record Spoken(Speech speech, Long counter) {

        @Override
        public String toString() {
            return "Spoken[counter=" + counter + "]";
        }
    }

    /** The account's code now, in en-GB (see {@link #speak(OtpAccount, String)}). */
    public Spoken speak(OtpAccount account) {
        return speak(account, Languages.DEFAULT);
    }

    /** The account's code now, in this language: TOTP by the clock, HOTP at its next counter (which moves on). */
    public Spoken speak(OtpAccount account, String language) {
        var parameters = account.parameters();
        if (parameters.type() == OtpType.HOTP) {
            long counter = account.takeCounter();
            return new Spoken(hotp(account, counter, language), counter);
        }
        var seed = cipher.open(account);
        try {
            var plan = ReadoutPlan.at(codes.now(), parameters.period(), minRemaining);
            var code = codes.totp(seed, parameters, plan.stepStart(parameters.period()));
            return new Spoken(Prompts.in(language).code(account.spokenName(), code, plan), null);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** An HOTP code read before, again, in en-GB, without using up another counter value. */
    public Spoken repeat(OtpAccount account, long counter) {
        return repeat(account, counter, Languages.DEFAULT);
    }

    /** An HOTP code read before, again, in this language, without using up another counter value. */
    public Spoken repeat(OtpAccount account, long counter, String language) {
        return new Spoken(hotp(account, counter, language), counter);
    }

    private Speech hotp(OtpAccount account, long counter, String language) {
        var seed = cipher.open(account);
        try {
            return Prompts.in(language).counterCode(account.spokenName(),
                    codes.hotp(seed, account.parameters(), counter));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
