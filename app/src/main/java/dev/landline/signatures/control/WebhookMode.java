package dev.landline.signatures.control;

/**
 * How this server treats voice webhooks, decided once at startup from its configuration: {@link #SIGNED} when a
 * signature secret is configured; otherwise {@link #REFUSING} every webhook, unless an operator explicitly allowed
 * {@link #UNSIGNED_ALLOWED unsigned} ones. {@link #label()} is the wire and log form.
 */
public enum WebhookMode {

    /** A signature secret is configured: every webhook must carry Vonage's JWT. */
    SIGNED("signed"),
    /** No secret, and {@code landline.webhooks.allow-unsigned=true}: webhooks are not authenticated at all. */
    UNSIGNED_ALLOWED("unsigned-allowed"),
    /** No secret and no explicit permission: every webhook is refused, and the server is not ready. */
    REFUSING("refusing-no-secret");

    private final String label;

    WebhookMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
