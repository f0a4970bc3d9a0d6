package dev.landline.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a PIN must be: only digits, {@code landline.pin.min-length} (default 6) to 12 of them, not trivially
 * guessable (all the same digit, a repeated block like 121212, ascending or descending runs, the account number).
 * Messages never repeat the PIN.
 */
@ApplicationScoped
public class PinPolicy {

    public static final int MAX_LENGTH = 12;
    static final int LOWEST_ALLOWED_MINIMUM = 4;

    @Inject
    @ConfigProperty(name = "landline.pin.min-length", defaultValue = "6")
    int minLength;

    protected PinPolicy() {
    }

    public PinPolicy(int minLength) {
        this.minLength = minLength;
    }

    public int minLength() {
        return Math.max(LOWEST_ALLOWED_MINIMUM, Math.min(minLength, MAX_LENGTH));
    }

    /** Throws {@link UnacceptablePin} when the PIN is not acceptable. */
    public void check(String pin, String accountNumber) {
        if (pin == null || pin.isEmpty()) {
            throw new UnacceptablePin("a PIN is required");
        }
        if (!pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UnacceptablePin("a PIN is made of the digits 0-9 only");
        }
        if (pin.length() < minLength() || pin.length() > MAX_LENGTH) {
            throw new UnacceptablePin("a PIN has " + minLength() + " to " + MAX_LENGTH + " digits");
        }
        if (allSame(pin)) {
            throw new UnacceptablePin("a PIN must not repeat one digit");
        }
        if (pin.matches("([0-9]{1,4})\\1+")) {
            throw new UnacceptablePin("a PIN must not repeat a short block of digits (like 121212)");
        }
        if (run(pin, 1) || run(pin, -1)) {
            throw new UnacceptablePin("a PIN must not be an ascending or descending run of digits");
        }
        if (accountNumber != null && !accountNumber.isEmpty()
                && (pin.contains(accountNumber) || accountNumber.contains(pin))) {
            throw new UnacceptablePin("a PIN must not contain or be part of the account number");
        }
    }

    private static boolean allSame(String pin) {
        return pin.chars().distinct().count() == 1;
    }

    /** 123456, 789012 (wrapping after 9) for step 1; 654321, 210987 for step -1. */
    private static boolean run(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            int expected = Math.floorMod(pin.charAt(i - 1) - '0' + step, 10);
            if (pin.charAt(i) - '0' != expected) {
                return false;
            }
        }
        return true;
    }
}
