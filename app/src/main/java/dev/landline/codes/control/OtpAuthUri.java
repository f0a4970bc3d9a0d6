package dev.landline.codes.control;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one {@code otpauth://} Key URI says: who issued the key (may be null), the account name, the raw secret and
 * how codes are made. Names are stripped and a blank issuer becomes null. Always valid: an account name of 1 to 200
 * characters, an issuer of at most 100, no control characters, a secret of 10 to 128 bytes (80 to 1024 bits).
 * <p>
 * The secret array is held, not copied, so that whoever owns it can wipe it; {@link #toString()} never shows it.
 */
public record OtpAuthUri(String issuer, String accountName, byte[] secret, OtpParameters parameters) {

    public static final int MIN_SECRET_BYTES = 10;
    public static final int MAX_SECRET_BYTES = 128;
    public static final int MAX_ISSUER_LENGTH = 100;
    public static final int MAX_ACCOUNT_NAME_LENGTH = 200;

    public OtpAuthUri {
        issuer = issuer == null || issuer.isBlank() ? null : checked(issuer.strip(), "issuer", MAX_ISSUER_LENGTH);
        if (accountName == null || accountName.isBlank()) {
            throw new InvalidOtpInput("label", "the label needs an account name");
        }
        accountName = checked(accountName.strip(), "label", MAX_ACCOUNT_NAME_LENGTH);
        if (secret == null || secret.length == 0) {
            throw new InvalidOtpInput("secret", "a secret is required");
        }
        if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
            throw new InvalidOtpInput("secret", "the secret has " + secret.length * 8
                    + " bits; a secret has 80 to 1024 bits (16 to 205 Base32 characters)");
        }
        if (parameters == null) {
            throw new InvalidOtpInput("uri", "the OTP parameters are missing");
        }
    }

    private static String checked(String name, String field, int maxLength) {
        if (name.length() > maxLength) {
            throw new InvalidOtpInput(field, "the " + field + " is longer than " + maxLength + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidOtpInput(field, "the " + field + " contains control characters");
        }
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OtpAuthUri that && Objects.equals(issuer, that.issuer)
                && accountName.equals(that.accountName) && Arrays.equals(secret, that.secret)
                && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, accountName, Arrays.hashCode(secret), parameters);
    }

    @Override
    public String toString() {
        return "OtpAuthUri[issuer=" + issuer + ", accountName=" + accountName + ", secret=(" + secret.length
                + " bytes), parameters=" + parameters + "]";
    }
}
