package dev.landline.signatures.control;

import java.net.URI;

/**
 * A webhook as received: its URI as requested (query included), its raw body (null when it has none), and the
 * webhook application's base URI as the server sees it (null when unknown), under which {@code uri} lies.
 */
public record WebhookRequest(URI uri, byte[] body, URI base) {

    public WebhookRequest(URI uri, byte[] body) {
        this(uri, body, null);
    }

    public boolean hasBody() {
        return body != null;
    }
}
