package dev.landline.enrolment.boundary;

/** {@code partial: true} confirms saving an export of which some QR codes were never scanned. */
public record SaveBody(Boolean partial) {
}
