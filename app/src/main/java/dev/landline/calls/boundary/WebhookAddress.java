package dev.landline.calls.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the voice provider reaches the webhooks ({@code …/webhooks/}), for the absolute URLs a reply names (Vonage's
 * input {@code eventUrl}, Twilio's {@code <Gather action>} and {@code <Redirect>}): {@code landline.public-base-url}
 * when it is an absolute http(s) URL (an ngrok tunnel, a load balancer), else the request's own base. Every
 * provider's resource builds its URLs here, one way.
 */
@ApplicationScoped
public class WebhookAddress {

    static final String PUBLIC_BASE_URL = "landline.public-base-url";
    private static final Logger LOG = Logger.getLogger(WebhookAddress.class.getName());

    /** The public address the provider reaches us at; else the request's own. */
    @Inject
    @ConfigProperty(name = PUBLIC_BASE_URL)
    Optional<String> publicBaseUrl;

    /** The webhook application's root as the provider reaches it, ending in {@code /}. */
    public URI webhooks(UriInfo request) {
        return webhooks(publicBaseUrl, request.getBaseUri());
    }

    /** The configured public address when it is a usable absolute http(s) URL, else {@code requestBase}. */
    static URI webhooks(Optional<String> publicBaseUrl, URI requestBase) {
        var configured = publicBaseUrl.map(String::strip).filter(url -> !url.isEmpty());
        if (configured.isPresent()) {
            try {
                var base = new URI(configured.get().replaceAll("/+$", "") + "/webhooks/");
                if (base.isAbsolute() && base.getScheme().matches("https?")) {
                    return base;
                }
            } catch (URISyntaxException unusable) {
                // reported below
            }
            LOG.warning(PUBLIC_BASE_URL + " is not an absolute http(s) URL; using the request's address");
        }
        return requestBase;
    }
}
