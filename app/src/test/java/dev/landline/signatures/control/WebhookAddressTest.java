package dev.landline.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressTest {

    private static final URI REQUEST_BASE = URI.create("http://127.0.0.1:8080/webhooks/");
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(WebhookAddress.class.getName());

    @BeforeEach
    void captureLog() {
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }

    @Test
    void withoutTheSettingTheRequestsOwnBaseIsUsed() {
        assertEquals(URI.create("http://127.0.0.1:8080/webhooks/twilio/gather/T"),
                WebhookAddress.of(null).url(REQUEST_BASE, "twilio/gather/T"));
        assertEquals(REQUEST_BASE, WebhookAddress.of("   ").webhooks(REQUEST_BASE));
        assertEquals(Optional.empty(), WebhookAddress.of(null).configured());
        assertTrue(logged.isEmpty(), "nothing to report: " + logged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://calls.example.org", "https://calls.example.org/", " https://calls.example.org// "})
    void aPublicBaseUrlIsTheRootOfEveryWebhookUrl(String setting) {
        var address = WebhookAddress.of(setting);
        assertEquals(URI.create("https://calls.example.org/webhooks/input/T"), address.url(REQUEST_BASE, "input/T"));
        assertEquals(URI.create("https://calls.example.org/webhooks/twilio/gather/T"),
                address.url(REQUEST_BASE, "twilio/gather/T"));
        assertTrue(logged.isEmpty(), "nothing to report: " + logged);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:/calls.example.org", "calls.example.org", "ftp://calls.example.org",
        "https://calls example.org", "/landline", "https:///webhooks"})
    void anUnusableSettingIsIgnoredAndReportedOnceWhenRead(String setting) {
        var address = WebhookAddress.of(setting);
        assertEquals(1, logged.size(), "reported once, when read");
        assertTrue(logged.get(0).getMessage().contains(WebhookAddress.PUBLIC_BASE_URL), logged.get(0).getMessage());
        for (int i = 0; i < 3; i++) {
            assertEquals(URI.create("http://127.0.0.1:8080/webhooks/twilio/gather/T"),
                    address.url(REQUEST_BASE, "twilio/gather/T"), "no host-less action URL");
        }
        assertEquals(1, logged.size(), "not once per request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://calls.example.org", "http://tunnel.example.net:8443/landline/",
        "https:/calls.example.org"})
    void theGatherActionUrlIsTheUrlTwiliosSignatureIsCheckedOver(String setting) {
        var configured = setting.isEmpty() ? null : setting;
        var action = WebhookAddress.of(configured).url(REQUEST_BASE, "twilio/gather/" + TOKEN);
        var arrived = new WebhookRequest(REQUEST_BASE.resolve("twilio/gather/" + TOKEN),
                "CallSid=CA1&Digits=1".getBytes(StandardCharsets.UTF_8), REQUEST_BASE);
        var signature = TwilioSignature.of(TOKEN, false, configured);
        assertEquals(action.toString(), signature.signedUrl(arrived));
    }
}
