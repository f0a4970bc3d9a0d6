package dev.landline.signatures.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.TwilioSignature;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.signatures.control.WebhookMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check's decision and data; MicroProfile Health builds the response from them (proven on the servers). */
class SignedWebhooksReadinessTest {

    static final String VONAGE_SECRET = "landline-unit-test-signature-secret-4f1c";
    static final String TWILIO_TOKEN = "landline-unit-test-twilio-token";

    private static List<ProviderSignature> providers(String vonageSecret, String twilioToken, boolean allowUnsigned) {
        // Twilio first: the data must not depend on the order CDI hands the beans over
        return List.of(TwilioSignature.of(twilioToken, allowUnsigned, null),
                VonageSignature.of(vonageSecret, 300, allowUnsigned, null));
    }

    @Test
    void withoutASecretTheServerIsNotReadyAndTheCheckNamesTheMissingSetting() {
        var providers = providers(null, null, false);
        assertFalse(SignedWebhooksReadiness.ready(providers));
        var data = SignedWebhooksReadiness.data(providers);
        assertEquals("refusing-no-secret", data.get("mode"));
        assertTrue(data.get("reason").startsWith("landline.vonage.signature-secret is not set"), data::toString);
        assertTrue(data.get("reason").contains("landline.twilio.auth-token is not set"), data::toString);
        assertEquals("refusing-no-secret", data.get("vonage"));
        assertEquals("refusing-no-secret", data.get("twilio"));
    }

    @Test
    void allowedUnsignedWebhooksAreReadyButSaySoInTheData() {
        var providers = providers(null, null, true);
        assertTrue(SignedWebhooksReadiness.ready(providers));
        var data = SignedWebhooksReadiness.data(providers);
        assertEquals("unsigned-allowed", data.get("mode"));
        assertTrue(data.get("warning").contains("NOT authenticated"), data::toString);
        assertEquals("unsigned-allowed", data.get("vonage"));
        assertEquals("unsigned-allowed", data.get("twilio"));
    }

    @Test
    void signedWebhooksAreReadyWithNothingElseToSay() {
        var providers = providers(VONAGE_SECRET, TWILIO_TOKEN, false);
        assertEquals(WebhookMode.SIGNED, providers.get(1).mode());
        assertTrue(SignedWebhooksReadiness.ready(providers));
        assertEquals(Map.of("mode", "signed", "vonage", "signed", "twilio", "signed"),
                SignedWebhooksReadiness.data(providers));
    }

    @Test
    void aVonageOnlyServerIsReadyAndNamesTheMissingTwilioToken() {
        var providers = providers(VONAGE_SECRET, null, false);
        assertTrue(SignedWebhooksReadiness.ready(providers), "a Vonage-only operator need not configure Twilio");
        var data = SignedWebhooksReadiness.data(providers);
        assertEquals("signed", data.get("mode"));
        assertEquals("signed", data.get("vonage"));
        assertEquals("refusing-no-secret", data.get("twilio"));
        assertTrue(data.get("twilio-reason").startsWith("landline.twilio.auth-token is not set"), data::toString);
    }

    @Test
    void aTwilioOnlyServerIsReadyAndNamesTheMissingVonageSecret() {
        var providers = providers(null, TWILIO_TOKEN, false);
        assertTrue(SignedWebhooksReadiness.ready(providers));
        var data = SignedWebhooksReadiness.data(providers);
        assertEquals("signed", data.get("mode"));
        assertEquals("signed", data.get("twilio"));
        assertTrue(data.get("vonage-reason").startsWith("landline.vonage.signature-secret is not set"),
                data::toString);
    }

    @Test
    void oneProviderTakingUnsignedWebhooksMakesTheWholeServerWarn() {
        var providers = providers(VONAGE_SECRET, null, true);
        assertTrue(SignedWebhooksReadiness.ready(providers));
        var data = SignedWebhooksReadiness.data(providers);
        assertEquals("unsigned-allowed", data.get("mode"));
        assertTrue(data.get("warning").startsWith("twilio webhooks are NOT authenticated"), data::toString);
        assertEquals("signed", data.get("vonage"));
    }
}
