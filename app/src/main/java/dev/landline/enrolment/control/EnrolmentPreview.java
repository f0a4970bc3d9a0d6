package dev.landline.enrolment.control;

import dev.landline.codes.control.OtpParameters;
import dev.landline.enrolment.entity.Enrolment;
import java.time.Instant;
import java.util.List;

/**
 * What an enrolment shows before it is saved: each account with the code the service makes for it right now; and,
 * after a picture of several QR codes, how many codes read from it were left out ({@code codesLeftOut}: no
 * authenticator code, unreadable payload, another export, already scanned, or over the account limit).
 */
public record EnrolmentPreview(String id, Enrolment.Source source, Instant expiresAt, Batch batch, List<Line> lines,
        int codesLeftOut) {

    public EnrolmentPreview(String id, Enrolment.Source source, Instant expiresAt, Batch batch, List<Line> lines) {
        this(id, source, expiresAt, batch, lines, 0);
    }

    /** The same preview, saying that {@code count} codes of the picture were left out. */
    public EnrolmentPreview leavingOut(int count) {
        return new EnrolmentPreview(id, source, expiresAt, batch, lines, count);
    }

    /** A Google Authenticator export's QR codes: how many, which were scanned. */
    public record Batch(int size, List<Integer> scanned) {

        public boolean complete() {
            return scanned.size() == size;
        }

        /** "2 of 3 codes scanned". */
        public String summary() {
            return scanned.size() + " of " + size + (size == 1 ? " code" : " codes") + " scanned";
        }
    }

    /**
     * One account: {@code code} is the current code (TOTP: of the time step now, with {@code secondsLeft} in it;
     * HOTP: for the stored counter, with no seconds). {@code duplicate}: the caller already has this issuer, label
     * and secret, or an earlier account of this same enrolment has.
     */
    public record Line(String issuer, String label, OtpParameters parameters, String code, Integer secondsLeft,
            boolean duplicate) {

        @Override
        public String toString() {
            return "Line[issuer=" + issuer + ", label=" + label + ", code=***, duplicate=" + duplicate + "]";
        }
    }
}
