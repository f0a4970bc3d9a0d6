package dev.landline.signatures.boundary;

import java.time.Instant;

/**
 * The {@code Authorization} header value for one browser-phone webhook, or {@code signed=false} with no token when
 * the server accepts unsigned webhooks (no Vonage signature secret configured).
 */
public record PhoneSignature(boolean signed, String authorization, Instant expiresAt) {

    /** Never the token. */
    @Override
    public String toString() {
        return "PhoneSignature[signed=" + signed + ", authorization=" + (authorization == null ? "none" : "***")
                + ", expiresAt=" + expiresAt + "]";
    }
}
