package dev.landline.signatures.control;

import java.net.URI;

/** A webhook as received: its URI as requested (query included) and its raw body, null when it has none. */
public record WebhookRequest(URI uri, byte[] body) {

    public boolean hasBody() {
        return body != null;
    }
}
