package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.signatures.boundary.SignedWebhookFilter;
import org.junit.jupiter.api.Test;

class VoiceApplicationTest {

    @Test
    void theWebhookApplicationChecksSignaturesBeforeItsResources() {
        var classes = new VoiceApplication().getClasses();
        assertTrue(classes.contains(SignedWebhookFilter.class));
        assertTrue(classes.contains(VonageWebhooksResource.class));
        assertTrue(classes.contains(TwilioWebhooksResource.class));
    }

    @Test
    void theFilterReadsExactlyAsMuchBodyAsTheWebhookReaderAccepts() {
        assertEquals(WebhookReader.MAX_BYTES, SignedWebhookFilter.MAX_BODY_BYTES);
        assertEquals(TwilioForm.MAX_BYTES, SignedWebhookFilter.MAX_BODY_BYTES);
    }
}
