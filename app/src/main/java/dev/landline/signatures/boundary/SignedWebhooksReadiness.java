package dev.landline.signatures.boundary;

import dev.landline.signatures.control.WebhookMode;
import dev.landline.signatures.control.VonageSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@value #NAME}: DOWN, naming the missing setting, while no signature secret is configured (every
 * webhook is refused then); UP with {@code mode: unsigned-allowed} and a warning when an operator allowed unsigned
 * webhooks; UP with {@code mode: signed} otherwise.
 */
@Readiness
@ApplicationScoped
public class SignedWebhooksReadiness implements HealthCheck {

    static final String NAME = "signed-webhooks";

    @Inject
    VonageSignature signature;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).status(ready(signature.mode()));
        data(signature.mode()).forEach(response::withData);
        return response.build();
    }

    static boolean ready(WebhookMode mode) {
        return mode != WebhookMode.REFUSING;
    }

    /** What the check says besides UP or DOWN: the mode, and the warning or the reason. */
    static Map<String, String> data(WebhookMode mode) {
        var data = new LinkedHashMap<String, String>();
        data.put("mode", mode.label());
        switch (mode) {
            case SIGNED -> { }
            case UNSIGNED_ALLOWED -> data.put("warning", "webhooks are NOT authenticated ("
                    + VonageSignature.ALLOW_UNSIGNED + "=true): anyone who finds /webhooks can drive calls");
            case REFUSING -> data.put("reason", VonageSignature.SECRET + " is not set: every webhook is refused"
                    + " (set it, or " + VonageSignature.ALLOW_UNSIGNED + "=true to accept unsigned ones)");
        }
        return data;
    }
}
