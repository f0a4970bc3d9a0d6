package dev.landline.operations.control;

import dev.landline.signatures.control.ProviderSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every voice provider this server serves, and the webhook URLs an operator enters in each one's console, on the
 * public address ({@value #PUBLIC_BASE_URL}) when it is a usable absolute http(s) URL (the rule the call webhooks
 * build their own URLs by), else on an address the caller of this class gives (the one an administrator's browser
 * used). Knows no secret.
 */
@ApplicationScoped
public class ProviderConsoles {

    public static final String PUBLIC_BASE_URL = "landline.public-base-url";

    @Inject
    Instance<ProviderSignature> available;

    @Inject
    @ConfigProperty(name = PUBLIC_BASE_URL)
    Optional<String> publicBaseUrl;

    /** Set by {@link #of} (tests), else the CDI beans. */
    private List<ProviderSignature> given;

    protected ProviderConsoles() {
    }

    /** With the providers and the public address (or null) given directly (tests). */
    public static ProviderConsoles of(List<ProviderSignature> providers, String publicBaseUrl) {
        var consoles = new ProviderConsoles();
        consoles.given = List.copyOf(providers);
        consoles.publicBaseUrl = Optional.ofNullable(publicBaseUrl);
        return consoles;
    }

    /**
     * One provider's console: the field's name, the full URL to enter in it (a password in the public address shown
     * as {@code ***}: this goes to logs and admin pages), the HTTP method to choose.
     */
    public record ConsoleUrl(String field, String url, String method) {
    }

    /** The catch-all provider (Vonage, at the root of /webhooks) first, then by name: a stable order for people. */
    public List<ProviderSignature> providers() {
        var all = given != null ? given : available.stream().toList();
        return all.stream().sorted(Comparator.comparingInt((ProviderSignature p) -> p.firstSegment().length())
                .thenComparing(ProviderSignature::name)).toList();
    }

    /** {@code <public base>/webhooks/}, when {@value #PUBLIC_BASE_URL} is a usable absolute http(s) URL. */
    public Optional<URI> publicWebhooksRoot() {
        var configured = publicBaseUrl.map(String::strip).filter(url -> !url.isEmpty());
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        try {
            var root = new URI(configured.get().replaceAll("/+$", "") + "/webhooks/");
            if (root.isAbsolute() && root.getScheme().matches("https?") && root.getHost() != null) {
                return Optional.of(root);
            }
        } catch (URISyntaxException unusable) {
            // not usable: like the webhooks, fall back on the other address
        }
        return Optional.empty();
    }

    /** What to enter in this provider's console, on the public address, else on {@code fallbackWebhooksRoot}. */
    public List<ConsoleUrl> urls(ProviderSignature provider, URI fallbackWebhooksRoot) {
        var root = publicWebhooksRoot().orElse(fallbackWebhooksRoot);
        return provider.consoleWebhooks().stream()
                .map(webhook -> new ConsoleUrl(webhook.field(), shown(root.resolve(webhook.path())),
                        webhook.method()))
                .toList();
    }

    /** The URL as text, with the password of its user info (if any) replaced by {@code ***}. */
    static String shown(URI url) {
        var userInfo = url.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return url.toString();
        }
        var user = userInfo.substring(0, userInfo.indexOf(':'));
        return url.toString().replaceFirst(java.util.regex.Pattern.quote(userInfo + "@"),
                java.util.regex.Matcher.quoteReplacement(user + ":***@"));
    }
}
