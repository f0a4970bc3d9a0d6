package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.PayloadTooLarge;
import dev.landline.signatures.boundary.SignedWebhookFilter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    }

    @Test
    void twiliosFormReaderTakesEveryBodyTheFilterPassesAndRefusesALongerOne() {
        var prefix = "CallSid=CA1&Padding=";
        var passed = prefix + "x".repeat(SignedWebhookFilter.MAX_BODY_BYTES - prefix.length());
        assertEquals("CA1", TwilioForm.body(body(passed)).incomingCall().uuid());
        assertThrows(PayloadTooLarge.class, () -> TwilioForm.body(body(passed + "x")));
    }

    private static InputStream body(String form) {
        return new ByteArrayInputStream(form.getBytes(StandardCharsets.US_ASCII));
    }
}
