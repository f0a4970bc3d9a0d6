package dev.landline.enrolment.control;

import dev.landline.codes.control.OtpAuthUri;
import java.util.List;

/** What one pasted URI or one scanned QR code holds. */
public sealed interface Scan {

    /** The accounts it holds (their secrets are not copied). */
    List<OtpAuthUri> keys();

    /** An {@code otpauth://} Key URI: one account. */
    record SingleAccount(OtpAuthUri key) implements Scan {

        @Override
        public List<OtpAuthUri> keys() {
            return List.of(key);
        }
    }

    /**
     * One QR code of a Google Authenticator export: QR code {@code index} (from 0) of {@code size}, all sharing
     * {@code batchId}.
     */
    record ExportPart(int batchId, int size, int index, List<OtpAuthUri> keys) implements Scan {

        public ExportPart {
            keys = List.copyOf(keys);
        }
    }

    /** Reads a pasted or decoded text: an {@code otpauth://} URI or an {@code otpauth-migration://} export. */
    static Scan of(String text) {
        if (text == null || text.isBlank()) {
            throw EnrolmentRefused.invalid("uri", "an otpauth:// or otpauth-migration:// URI is required");
        }
        var uri = text.strip();
        if (uri.length() > MigrationExport.MAX_URI_LENGTH) {
            throw EnrolmentRefused.invalid("uri", "the URI is longer than " + MigrationExport.MAX_URI_LENGTH
                    + " characters");
        }
        if (MigrationExport.isExport(uri)) {
            return MigrationExport.read(uri);
        }
        if (uri.regionMatches(true, 0, "otpauth://", 0, 10)) {
            return new SingleAccount(dev.landline.codes.control.KeyUri.parse(uri));
        }
        throw EnrolmentRefused.invalid("uri",
                "this is not an otpauth:// URI nor a Google Authenticator export (otpauth-migration://)");
    }
}
