/**
 * Codes: HOTP/TOTP generation (RFC 4226 / RFC 6238) and the {@code otpauth://} Key URI format, including the
 * Base32 secrets inside it. Holds no state and stores nothing: seeds come in, codes go out.
 */
package dev.landline.codes;
