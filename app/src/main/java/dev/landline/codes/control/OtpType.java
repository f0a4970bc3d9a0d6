package dev.landline.codes.control;

/** Whether the moving factor is time (RFC 6238) or a counter (RFC 4226). */
public enum OtpType {
    TOTP,
    HOTP
}
