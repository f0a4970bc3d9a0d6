/**
 * Enrolment: getting accounts in. An {@code otpauth://} URI, a QR code in an uploaded screenshot (ZXing) or the
 * QR codes of a Google Authenticator export become a pending enrolment in the database (seeds sealed), previewed
 * with live codes (never cached) and duplicates marked, then saved as OTP accounts through {@code accounts}.
 * Images are decoded in bounded memory, a few at a time per node, outside any transaction; every code of an export
 * photographed at once is read, and a picture that cannot be read is refused saying why (too small, too blurred,
 * not an authenticator code), never quoting what a code holds.
 */
package dev.landline.enrolment;
