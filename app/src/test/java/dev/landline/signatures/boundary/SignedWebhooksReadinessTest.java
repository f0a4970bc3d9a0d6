package dev.landline.signatures.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.signatures.control.WebhookMode;
import dev.landline.signatures.control.VonageSignature;
import org.junit.jupiter.api.Test;

/** The check's decision and data; MicroProfile Health builds the response from them (proven on the servers). */
class SignedWebhooksReadinessTest {

    @Test
    void withoutASecretTheServerIsNotReadyAndTheCheckNamesTheMissingSetting() {
        var mode = VonageSignature.of(null, 300).mode();
        assertFalse(SignedWebhooksReadiness.ready(mode));
        var data = SignedWebhooksReadiness.data(mode);
        assertEquals("refusing-no-secret", data.get("mode"));
        assertTrue(data.get("reason").startsWith("landline.vonage.signature-secret is not set"), data::toString);
    }

    @Test
    void allowedUnsignedWebhooksAreReadyButSaySoInTheData() {
        var mode = VonageSignature.of(null, 300, true, null).mode();
        assertTrue(SignedWebhooksReadiness.ready(mode));
        var data = SignedWebhooksReadiness.data(mode);
        assertEquals("unsigned-allowed", data.get("mode"));
        assertTrue(data.get("warning").contains("NOT authenticated"), data::toString);
    }

    @Test
    void signedWebhooksAreReadyWithNothingElseToSay() {
        var mode = VonageSignature.of("landline-unit-test-signature-secret-4f1c", 300).mode();
        assertEquals(WebhookMode.SIGNED, mode);
        assertTrue(SignedWebhooksReadiness.ready(mode));
        assertEquals(java.util.Map.of("mode", "signed"), SignedWebhooksReadiness.data(mode));
    }
}
