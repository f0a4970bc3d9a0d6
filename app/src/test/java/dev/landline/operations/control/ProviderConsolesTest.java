package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.boundary.TwilioWebhooksResource;
import dev.landline.calls.boundary.VonageWebhooksResource;
import dev.landline.signatures.control.ConsoleWebhook;
import dev.landline.signatures.control.ProviderSignature;
import dev.landline.signatures.control.TwilioSignature;
import dev.landline.signatures.control.VonageSignature;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProviderConsolesTest {

    private static final URI ASKED_AT = URI.create("http://10.0.0.5:8080/webhooks/");

    private static List<ProviderSignature> both() {
        return List.of(TwilioSignature.of(null, false, null), VonageSignature.of(null, 300, false, null));
    }

    private static List<String> urls(ProviderConsoles consoles, String provider) {
        var found = consoles.providers().stream().filter(p -> p.name().equals(provider)).findFirst().orElseThrow();
        return consoles.urls(found, ASKED_AT).stream().map(ProviderConsoles.ConsoleUrl::url).toList();
    }

    @Test
    void theCatchAllProviderComesFirstWhateverTheOrderGiven() {
        assertEquals(List.of("vonage", "twilio"),
                ProviderConsoles.of(both(), null).providers().stream().map(ProviderSignature::name).toList());
    }

    @Test
    void urlsAreOnThePublicAddressWithOrWithoutItsTrailingSlashes() {
        for (var configured : List.of("https://landline.example.org", "https://landline.example.org//",
                " https://landline.example.org/ ")) {
            var consoles = ProviderConsoles.of(both(), configured);
            assertEquals(List.of("https://landline.example.org/webhooks/answer",
                    "https://landline.example.org/webhooks/event"), urls(consoles, "vonage"), configured);
            assertEquals(List.of("https://landline.example.org/webhooks/twilio/voice",
                    "https://landline.example.org/webhooks/twilio/status"), urls(consoles, "twilio"), configured);
        }
        assertEquals(List.of("https://proxy.example.org/landline/webhooks/twilio/voice",
                "https://proxy.example.org/landline/webhooks/twilio/status"),
                urls(ProviderConsoles.of(both(), "https://proxy.example.org/landline/"), "twilio"), "under a path");
    }

    @Test
    void withoutAUsablePublicAddressTheAddressAskedAtIsUsed() {
        for (var configured : new String[] {null, "", "   ", "landline.example.org", "ftp://landline.example.org",
                "https://", "http://bad host/"}) {
            var consoles = ProviderConsoles.of(both(), configured);
            assertEquals(Optional.empty(), consoles.publicWebhooksRoot(), String.valueOf(configured));
            assertEquals(List.of("http://10.0.0.5:8080/webhooks/twilio/voice",
                    "http://10.0.0.5:8080/webhooks/twilio/status"), urls(consoles, "twilio"), String.valueOf(configured));
        }
    }

    @Test
    void aPasswordInThePublicAddressIsNeverShown() {
        var consoles = ProviderConsoles.of(both(), "https://ops:s3cr%40t@landline.example.org");
        assertEquals(List.of("https://ops:***@landline.example.org/webhooks/answer",
                "https://ops:***@landline.example.org/webhooks/event"), urls(consoles, "vonage"));
        assertEquals(List.of("https://ops@landline.example.org/webhooks/answer",
                "https://ops@landline.example.org/webhooks/event"),
                urls(ProviderConsoles.of(both(), "https://ops@landline.example.org"), "vonage"), "no password: as is");
    }

    @Test
    void everyConsolePathIsInItsProvidersOwnPartOfWebhooks() {
        for (var provider : both()) {
            for (var webhook : provider.consoleWebhooks()) {
                var first = webhook.path().split("/")[0];
                if (provider.firstSegment().isEmpty()) {
                    assertTrue(both().stream().noneMatch(other -> other.firstSegment().equals(first)),
                            webhook + " would go to another provider");
                } else {
                    assertEquals(provider.firstSegment(), first, webhook.toString());
                }
            }
        }
    }

    @Test
    void everyConsolePathIsAWebhookItsProvidersResourceServes() {
        var resources = Map.of("vonage", VonageWebhooksResource.class, "twilio", TwilioWebhooksResource.class);
        for (var provider : both()) {
            var resource = resources.get(provider.name());
            var root = resource.getAnnotation(Path.class) == null ? ""
                    : resource.getAnnotation(Path.class).value().replaceAll("^/+|/+$", "");
            var prefix = root.isEmpty() ? "" : root + "/";
            var served = Arrays.stream(resource.getMethods()).map(method -> method.getAnnotation(Path.class))
                    .filter(path -> path != null).map(path -> prefix + path.value().replaceAll("^/+", ""))
                    .collect(Collectors.toSet());
            var console = provider.consoleWebhooks().stream().map(ConsoleWebhook::path).collect(Collectors.toSet());
            assertEquals(Set.of(provider.name().equals("vonage") ? new String[] {"answer", "event"}
                    : new String[] {"twilio/voice", "twilio/status"}), console);
            assertTrue(served.containsAll(console), provider.name() + " serves " + served);
        }
    }
}
