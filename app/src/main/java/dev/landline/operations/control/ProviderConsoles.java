package dev.landline.operations.control;

import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.WebhookAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every voice provider this server serves, and the webhook URLs an operator enters in each one's console: on the
 * public address when one is configured ({@link WebhookAddress}, the one reader of
 * {@value WebhookAddress#PUBLIC_BASE_URL}, which the call webhooks build their own URLs on), else on an address the
 * caller of this class gives (the one an administrator's browser used). Knows no secret; a password in the public
 * address is shown as {@code ***}.
 */
@ApplicationScoped
public class ProviderConsoles {

    @Inject
    Instance<ProviderSignature> available;

    @Inject
    WebhookAddress address;

    /** Set by {@link #of} (tests), else the CDI beans. */
    private List<ProviderSignature> given;

    protected ProviderConsoles() {
    }

    /** With the providers and the public address setting (or null) given directly (tests). */
    public static ProviderConsoles of(List<ProviderSignature> providers, String publicBaseUrl) {
        var consoles = new ProviderConsoles();
        consoles.given = List.copyOf(providers);
        consoles.address = WebhookAddress.of(publicBaseUrl);
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

    /** {@code <public base>/webhooks/}, when the public address is configured and usable. */
    public Optional<URI> publicWebhooksRoot() {
        return address.configured();
    }

    /** What to enter in this provider's console, on the public address, else on {@code fallbackWebhooksRoot}. */
    public List<ConsoleUrl> urls(ProviderSignature provider, URI fallbackWebhooksRoot) {
        return provider.consoleWebhooks().stream()
                .map(webhook -> new ConsoleUrl(webhook.field(), shown(address.url(fallbackWebhooksRoot,
                        webhook.path())), webhook.method()))
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
