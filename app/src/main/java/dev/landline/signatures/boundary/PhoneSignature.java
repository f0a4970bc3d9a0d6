package dev.landline.signatures.boundary;

import java.time.Instant;

/**
 * What the browser phone sends with one webhook: for Vonage the {@code Authorization} header value (a token that
 * expires at {@code expiresAt}), for Twilio the {@code X-Twilio-Signature} header value (Twilio's signatures carry
 * no time, so none expires: the call's single-use URLs limit a replay). {@code signed=false} with neither when the
 * server accepts unsigned webhooks of that provider (no secret configured).
 */
public record PhoneSignature(boolean signed, String authorization, String twilioSignature, Instant expiresAt) {

    static PhoneSignature unsigned() {
        return new PhoneSignature(false, null, null, null);
    }

    static PhoneSignature vonage(String authorization, Instant expiresAt) {
        return new PhoneSignature(true, authorization, null, expiresAt);
    }

    static PhoneSignature twilio(String signature) {
        return new PhoneSignature(true, null, signature, null);
    }

    /** Never the token or the signature. */
    @Override
    public String toString() {
        return "PhoneSignature[signed=" + signed + ", authorization=" + (authorization == null ? "none" : "***")
                + ", twilioSignature=" + (twilioSignature == null ? "none" : "***") + ", expiresAt=" + expiresAt
                + "]";
    }
}
