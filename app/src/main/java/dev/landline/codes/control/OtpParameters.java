package dev.landline.codes.control;

import java.util.Locale;
import java.util.Objects;

/**
 * How an account's codes are made. Always valid: digits 6 to 8; for TOTP a period of 1 to 600 seconds; a counter
 * of at least 0 (the next counter for HOTP, unused by TOTP). HOTP has no period, so it is kept at 30 whatever is
 * given.
 */
public record OtpParameters(OtpType type, Algorithm algorithm, int digits, int period, long counter) {

    public static final int DEFAULT_PERIOD = 30;

    public OtpParameters {
        if (type == null) {
            throw new InvalidOtpInput("type", "the type must be totp or hotp");
        }
        if (algorithm == null) {
            throw new InvalidOtpInput("algorithm", "the algorithm must be SHA1, SHA256 or SHA512");
        }
        if (digits < 6 || digits > 8) {
            throw new InvalidOtpInput("digits", "codes have 6, 7 or 8 digits, not " + digits);
        }
        if (type == OtpType.HOTP) {
            period = DEFAULT_PERIOD;
        } else if (period < 1 || period > 600) {
            throw new InvalidOtpInput("period", "the period is 1 to 600 seconds, not " + period);
        }
        if (counter < 0) {
            throw new InvalidOtpInput("counter", "the counter cannot be negative");
        }
    }

    /** What Google Authenticator assumes when a Key URI says nothing: TOTP, SHA1, 6 digits, 30 seconds. */
    public static OtpParameters totpDefaults() {
        return totp(Algorithm.SHA1, 6, DEFAULT_PERIOD);
    }

    public static OtpParameters totp(Algorithm algorithm, int digits, int period) {
        return new OtpParameters(OtpType.TOTP, algorithm, digits, period, 0);
    }

    public static OtpParameters hotp(Algorithm algorithm, int digits, long counter) {
        return new OtpParameters(OtpType.HOTP, algorithm, digits, DEFAULT_PERIOD, counter);
    }

    /**
     * True for TOTP with SHA1, 6 digits and a 30 second period: the only profile every authenticator app honours
     * (Google Authenticator ignored algorithm, digits and period for years, and still ignores the period).
     */
    public boolean isGoogleDefault() {
        return type == OtpType.TOTP && algorithm == Algorithm.SHA1 && digits == 6 && period == DEFAULT_PERIOD;
    }

    OtpParameters requireType(OtpType expected) {
        if (type != Objects.requireNonNull(expected)) {
            throw new InvalidOtpInput("type", "this is a " + type.name().toLowerCase(Locale.ROOT)
                    + " account, not " + expected.name().toLowerCase(Locale.ROOT));
        }
        return this;
    }
}
