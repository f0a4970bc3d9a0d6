package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.TwilioSignature;
import dev.landline.signatures.control.VonageSignature;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupReportTest {

    private static final String VONAGE_SECRET = "startup-report-test-vonage-secret";
    private static final String TWILIO_TOKEN = "startup-report-test-twilio-token";

    private static List<ProviderSignature> providers(String vonageSecret, String twilioToken, boolean allowUnsigned) {
        // in the order the line gives them: Vonage (the catch-all) first
        return ProviderConsoles.of(List.of(TwilioSignature.of(twilioToken, allowUnsigned, null),
                VonageSignature.of(vonageSecret, 300, allowUnsigned, null)), null).providers();
    }

    @Test
    void credentialsInJdbcUrlsAreHidden() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=***&password=***",
                StartupReport.withoutCredentials("jdbc:postgresql://127.0.0.1:5432/test?user=app&password=s3cret"));
        assertEquals("jdbc:h2:/data/db/landline;USER=***;PASSWORD=***",
                StartupReport.withoutCredentials("jdbc:h2:/data/db/landline;USER=sa;PASSWORD=landline"));
        assertEquals("jdbc:h2:mem:test", StartupReport.withoutCredentials("jdbc:h2:mem:test"));
    }

    @Test
    void theLineSaysEachProvidersModeWithTheSignatureItRequires() {
        assertEquals("webhooks: Vonage signed (Vonage JWT required), Twilio signed (X-Twilio-Signature required)",
                StartupReport.webhooks(providers(VONAGE_SECRET, TWILIO_TOKEN, false)));
    }

    @Test
    void aProviderWithoutItsSecretIsNamedAsRefusedWithTheMissingSetting() {
        assertEquals("webhooks: Vonage refused (landline.vonage.signature-secret not set), "
                + "Twilio signed (X-Twilio-Signature required)",
                StartupReport.webhooks(providers(null, TWILIO_TOKEN, false)));
        assertEquals("webhooks: Vonage signed (Vonage JWT required), "
                + "Twilio refused (landline.twilio.auth-token not set)",
                StartupReport.webhooks(providers(VONAGE_SECRET, null, false)));
    }

    @Test
    void withNoSecretAtAllTheLineSaysEveryWebhookIsRefused() {
        assertEquals("webhooks ALL REFUSED: Vonage refused (landline.vonage.signature-secret not set), "
                + "Twilio refused (landline.twilio.auth-token not set)",
                StartupReport.webhooks(providers(null, null, false)));
    }

    @Test
    void unsignedWebhooksAreShoutedForEachProviderThatTakesThem() {
        assertEquals("webhooks: Vonage UNAUTHENTICATED (landline.webhooks.allow-unsigned=true), "
                + "Twilio UNAUTHENTICATED (landline.webhooks.allow-unsigned=true)",
                StartupReport.webhooks(providers(null, null, true)));
        assertEquals("webhooks: Vonage signed (Vonage JWT required), "
                + "Twilio UNAUTHENTICATED (landline.webhooks.allow-unsigned=true)",
                StartupReport.webhooks(providers(VONAGE_SECRET, null, true)),
                "a Vonage secret does not make Twilio's webhooks authenticated");
    }

    @Test
    void theConsoleLineGivesEveryProvidersUrlsOnThePublicAddress() {
        var consoles = ProviderConsoles.of(providers(VONAGE_SECRET, null, false), "https://landline.example.org/");
        assertEquals("Voice provider consoles: Vonage Answer URL https://landline.example.org/webhooks/answer"
                + " (GET or POST), Event URL https://landline.example.org/webhooks/event (POST); Twilio A call comes in"
                + " (Voice URL) https://landline.example.org/webhooks/twilio/voice (POST), Call status changes (status"
                + " callback URL) https://landline.example.org/webhooks/twilio/status (POST)",
                StartupReport.consoles(consoles));
    }

    @Test
    void withoutAPublicAddressTheConsoleLineGivesPathsAndSaysWhatToSet() {
        var line = StartupReport.consoles(ProviderConsoles.of(providers(VONAGE_SECRET, TWILIO_TOKEN, false), null));
        assertTrue(line.startsWith("Voice provider consoles: Vonage Answer URL /webhooks/answer (GET or POST)"), line);
        assertTrue(line.contains("/webhooks/twilio/voice (POST)"), line);
        assertTrue(line.endsWith("(landline.public-base-url is not set or not an absolute http(s) URL: put the"
                + " address the providers reach before each path, and set it)"), line);
    }

    @Test
    void neitherLineCarriesASecretNorThePublicAddressesPassword() {
        var providers = providers(VONAGE_SECRET, TWILIO_TOKEN, false);
        var lines = StartupReport.webhooks(providers) + "\n" + StartupReport.consoles(
                ProviderConsoles.of(providers, "https://twilio:hunter2@landline.example.org"));
        assertFalse(lines.contains(VONAGE_SECRET) || lines.contains(TWILIO_TOKEN), lines);
        assertFalse(lines.contains("hunter2"), lines);
        assertTrue(lines.contains("https://twilio:***@landline.example.org/webhooks/twilio/voice"), lines);
    }
}
