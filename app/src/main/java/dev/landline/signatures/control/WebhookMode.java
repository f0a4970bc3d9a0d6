package dev.landline.signatures.control;

import java.util.Collection;

/**
 * How this server treats one provider's voice webhooks, decided once at startup from its configuration:
 * {@link #SIGNED} when the provider's secret is configured; otherwise {@link #REFUSING} every webhook, unless an operator explicitly allowed
 * {@link #UNSIGNED_ALLOWED unsigned} ones. {@link #label()} is the wire and log form.
 */
public enum WebhookMode {

    /** The provider's secret is configured: every webhook must carry the provider's signature. */
    SIGNED("signed"),
    /** No secret, and {@code landline.webhooks.allow-unsigned=true}: webhooks are not authenticated at all. */
    UNSIGNED_ALLOWED("unsigned-allowed"),
    /** No secret and no explicit permission: every webhook is refused; not ready if no other provider is. */
    REFUSING("refusing-no-secret");

    private final String label;

    WebhookMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The server's mode over all its providers, as readiness, the startup line and the admin status say it:
     * {@link #REFUSING} when every provider refuses (no call can be taken), else {@link #UNSIGNED_ALLOWED} when any
     * provider takes unsigned webhooks (anyone can drive those calls), else {@link #SIGNED}.
     */
    public static WebhookMode overall(Collection<WebhookMode> providers) {
        if (providers.stream().allMatch(mode -> mode == REFUSING)) {
            return REFUSING;
        }
        return providers.contains(UNSIGNED_ALLOWED) ? UNSIGNED_ALLOWED : SIGNED;
    }
}
