package dev.landline.signatures.control;

import static dev.landline.signatures.control.WebhookMode.REFUSING;
import static dev.landline.signatures.control.WebhookMode.SIGNED;
import static dev.landline.signatures.control.WebhookMode.UNSIGNED_ALLOWED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookModeTest {

    @Test
    void theServerRefusesOnlyWhenEveryProviderRefuses() {
        assertEquals(REFUSING, WebhookMode.overall(List.of(REFUSING, REFUSING)));
        assertEquals(REFUSING, WebhookMode.overall(List.of()), "no provider takes a call");
        assertEquals(SIGNED, WebhookMode.overall(List.of(REFUSING, SIGNED)));
        assertEquals(SIGNED, WebhookMode.overall(List.of(SIGNED, REFUSING)));
    }

    @Test
    void anyProviderTakingUnsignedWebhooksMakesTheServerUnsigned() {
        assertEquals(UNSIGNED_ALLOWED, WebhookMode.overall(List.of(SIGNED, UNSIGNED_ALLOWED)));
        assertEquals(UNSIGNED_ALLOWED, WebhookMode.overall(List.of(UNSIGNED_ALLOWED, REFUSING)));
        assertEquals(SIGNED, WebhookMode.overall(List.of(SIGNED, SIGNED)));
    }
}
