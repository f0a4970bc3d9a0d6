package dev.landline.signatures.boundary;

import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@value #NAME}, over every voice provider's webhook check. DOWN, naming each missing setting,
 * while no provider takes webhooks (every webhook is refused then). A provider that is not configured does not
 * make the server unready while another one is: a Vonage-only operator need not configure Twilio, nor the reverse.
 * The data says each provider's mode under its name ({@code vonage: signed}, {@code twilio: refusing-no-secret})
 * with a {@code <name>-reason} for each refusing one, and the overall {@code mode}: {@code refusing-no-secret}
 * (with a {@code reason}) when all refuse, {@code unsigned-allowed} (with a {@code warning}) when any provider takes
 * unsigned webhooks, else {@code signed}.
 */
@Readiness
@ApplicationScoped
public class SignedWebhooksReadiness implements HealthCheck {

    static final String NAME = "signed-webhooks";

    @Inject
    Instance<ProviderSignature> providers;

    @Override
    public HealthCheckResponse call() {
        var all = providers.stream().toList();
        var response = HealthCheckResponse.named(NAME).status(ready(all));
        data(all).forEach(response::withData);
        return response.build();
    }

    /** Ready while at least one provider takes webhooks. */
    static boolean ready(List<ProviderSignature> providers) {
        return overall(providers) != WebhookMode.REFUSING;
    }

    /** What the check says besides UP or DOWN: the modes, and the warning or the reasons. */
    static Map<String, String> data(List<ProviderSignature> providers) {
        // the catch-all provider (Vonage, segment "") first, then by name: a stable order for people and tests
        var ordered = providers.stream()
                .sorted(Comparator.comparingInt((ProviderSignature p) -> p.firstSegment().length())
                .thenComparing(ProviderSignature::name)).toList();
        var refusing = ordered.stream().filter(provider -> provider.mode() == WebhookMode.REFUSING).toList();
        var unsigned = ordered.stream().filter(provider -> provider.mode() == WebhookMode.UNSIGNED_ALLOWED).toList();
        var data = new LinkedHashMap<String, String>();
        var overall = overall(providers);
        if (overall == WebhookMode.REFUSING) {
            data.put("mode", WebhookMode.REFUSING.label());
            data.put("reason", refusing.stream().map(SignedWebhooksReadiness::reason).collect(Collectors.joining("; "))
                    + " (set one, or " + VonageSignature.ALLOW_UNSIGNED + "=true to accept unsigned ones)");
        } else if (overall == WebhookMode.UNSIGNED_ALLOWED) {
            data.put("mode", WebhookMode.UNSIGNED_ALLOWED.label());
            data.put("warning", unsigned.stream().map(ProviderSignature::name).collect(Collectors.joining(", "))
                    + " webhooks are NOT authenticated (" + VonageSignature.ALLOW_UNSIGNED
                    + "=true): anyone who finds /webhooks can drive calls");
        } else {
            data.put("mode", WebhookMode.SIGNED.label());
        }
        for (var provider : ordered) {
            data.put(provider.name(), provider.mode().label());
            if (provider.mode() == WebhookMode.REFUSING && ready(providers)) {
                data.put(provider.name() + "-reason", reason(provider));
            }
        }
        return data;
    }

    private static WebhookMode overall(List<ProviderSignature> providers) {
        return WebhookMode.overall(providers.stream().map(ProviderSignature::mode).toList());
    }

    private static String reason(ProviderSignature provider) {
        return provider.secretSetting() + " is not set: every " + provider.name() + " webhook is refused";
    }
}
