/**
 * Codes: HOTP/TOTP generation (RFC 4226 / RFC 6238) and the {@code otpauth://} Key URI format, including the
 * Base32 secrets inside it. Holds no state and stores nothing: seeds come in, codes go out. A resource whose
 * responses carry a live code is marked {@code @NoStore}: {@code Cache-Control: no-store}.
 */
package dev.landline.codes;
