package dev.landline.signatures.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the voice provider reaches the webhooks ({@code …/webhooks/}): {@value #PUBLIC_BASE_URL} when it is an
 * absolute http(s) URL with a host (an ngrok tunnel, a load balancer), else the request's own base. The one reader of
 * that setting: every provider's resource builds the absolute URLs of its replies here (Vonage's input
 * {@code eventUrl}, Twilio's {@code <Gather action>} and {@code <Redirect>}), and Twilio's signature check rebuilds
 * the URL Twilio signed from the same root, so the two cannot disagree. Read once, at startup; an unusable value is
 * logged once and ignored.
 */
@ApplicationScoped
public class WebhookAddress {

    public static final String PUBLIC_BASE_URL = "landline.public-base-url";
    private static final Logger LOG = Logger.getLogger(WebhookAddress.class.getName());

    /** The public address the provider reaches us at; else the request's own. */
    @Inject
    @ConfigProperty(name = PUBLIC_BASE_URL)
    Optional<String> publicBaseUrl;

    /** {@code <public base>/webhooks/}, or null to use the request's own. */
    private URI publicWebhooks;

    protected WebhookAddress() {
    }

    /** The address for this setting (null: not set), read at once (tests, tools). */
    public static WebhookAddress of(String publicBaseUrl) {
        var address = new WebhookAddress();
        address.publicBaseUrl = Optional.ofNullable(publicBaseUrl);
        address.load();
        return address;
    }

    @PostConstruct
    void load() {
        var configured = publicBaseUrl.map(String::strip).filter(url -> !url.isEmpty());
        publicWebhooks = configured.flatMap(WebhookAddress::webhooksRoot).orElse(null);
        if (configured.isPresent() && publicWebhooks == null) {
            LOG.warning(PUBLIC_BASE_URL + " is not an absolute http(s) URL with a host; the webhooks' URLs and"
                    + " Twilio's signatures use the address of each request");
        }
    }

    /** Read (and an unusable value reported) while the application starts, not at the first call. */
    void readAtStartup(@Observes Startup startup) {
        // observing Startup creates this bean, which reads the setting
    }

    /** The webhook application's root as the provider reaches it, ending in {@code /}. */
    public URI webhooks(URI requestBase) {
        return publicWebhooks == null ? requestBase : publicWebhooks;
    }

    /** The absolute URL of a webhook, given by its path under the root ({@code twilio/gather/…}, {@code input/…}). */
    public URI url(URI requestBase, String path) {
        return webhooks(requestBase).resolve(path);
    }

    /** The configured public webhook root, when one is set and usable. */
    public Optional<URI> configured() {
        return Optional.ofNullable(publicWebhooks);
    }

    private static Optional<URI> webhooksRoot(String configured) {
        try {
            var root = new URI(configured.replaceAll("/+$", "") + "/webhooks/");
            if (root.isAbsolute() && root.getScheme().matches("(?i)https?") && root.getHost() != null) {
                return Optional.of(root);
            }
        } catch (URISyntaxException unusable) {
            // reported by the caller
        }
        return Optional.empty();
    }
}
