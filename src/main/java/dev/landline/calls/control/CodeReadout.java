package dev.landline.calls.control;

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

    public String speak(OtpAccount account) {
        var seed = cipher.open(account);
        try {
            var parameters = account.parameters();
            if (parameters.type() == OtpType.HOTP) {
                long counter = account.takeCounter();
                return Prompts.counterCode(account.spokenName(), codes.hotp(seed, parameters, counter));
            }
            var plan = ReadoutPlan.at(codes.now(), parameters.period(), minRemaining);
            var code = codes.totp(seed, parameters, plan.stepStart(parameters.period()));
            return Prompts.code(account.spokenName(), code, plan);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
