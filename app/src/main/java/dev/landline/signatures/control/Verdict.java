package dev.landline.signatures.control;

/**
 * What the signed-webhook check decided. The reason is fit for the log: a category only, never the token, a
 * claim's value or the secret.
 */
public enum Verdict {

    VALID("signed"),
    UNSIGNED_ALLOWED("unsigned webhooks allowed by configuration"),
    NOT_CONFIGURED("no signature secret configured: every webhook is refused"),
    MISSING("no bearer token"),
    MALFORMED("malformed token"),
    WRONG_ALGORITHM("header not plain HS256"),
    BAD_SIGNATURE("bad signature"),
    BAD_TIME_CLAIM("iat missing or not a number, or exp/nbf not a number"),
    STALE("stale iat"),
    FUTURE("iat in the future"),
    EXPIRED("expired (exp)"),
    NOT_YET_VALID("not yet valid (nbf)"),
    WRONG_APPLICATION("application_id missing or another application's"),
    MISSING_HASH("no payload_hash"),
    HASH_MISMATCH("payload_hash mismatch"),
    REPEATED_PARAMETER("a form parameter named more than once");

    private final String reason;

    Verdict(String reason) {
        this.reason = reason;
    }

    /** True when the request may go on to the webhook resources. */
    public boolean passes() {
        return this == VALID || this == UNSIGNED_ALLOWED;
    }

    public String reason() {
        return reason;
    }
}
