package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.PayloadTooLarge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookReaderTest {

    @Test
    void readsTheAnswerWebhookFields() {
        var call = WebhookReader.answer(body("{\"to\":\"442079460000\",\"from\":\"447700900000\","
                + "\"uuid\":\"aaaaaaaa-bbbb-cccc-dddd-0123456789ab\",\"conversation_uuid\":\"CON-1\",\"extra\":[1]}"));
        assertEquals("aaaaaaaa-bbbb-cccc-dddd-0123456789ab", call.uuid());
        assertEquals("447700900000", call.from());
        assertEquals("442079460000", call.to());
    }

    @Test
    void readsDigitsInTheCurrentShape() {
        var keys = WebhookReader.input(body(
                "{\"uuid\":\"abc-1\",\"dtmf\":{\"digits\":\"480261\",\"timed_out\":false}}"));
        assertEquals("480261", keys.digits());
        assertTrue(keys.usable());
    }

    @Test
    void readsDigitsInTheLegacyShape() {
        var keys = WebhookReader.input(body("{\"uuid\":\"abc-1\",\"dtmf\":\"480261\",\"timed_out\":true}"));
        assertEquals("480261", keys.digits());
    }

    @Test
    void aFinalHashIsDroppedAndSilenceIsNoDigits() {
        assertEquals("42", WebhookReader.keyPresses("u", "42#").digits());
        assertTrue(WebhookReader.keyPresses("u", "#").none());
        assertTrue(WebhookReader.keyPresses("u", "").none());
        var timedOut = WebhookReader.input(body(
                "{\"uuid\":\"abc-1\",\"dtmf\":{\"digits\":null,\"timed_out\":true}}"));
        assertTrue(timedOut.none());
        assertTrue(WebhookReader.input(body("{\"uuid\":\"abc-1\"}")).none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12*4", "١٢٣٤", "１２３４", "12 34", "0x12", "123456789012345678901", "#12", "12##"})
    void anythingButOneToTwentyAsciiDigitsIsGarbledAndNotPassedOn(String typed) {
        var keys = WebhookReader.keyPresses("u", typed);
        assertTrue(keys.garbled(), typed);
        assertFalse(keys.usable());
        assertFalse(typed.equals(keys.digits()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[]", "\"text\"", "{\"uuid\":1}", "{\"uuid\":\"a b\"}", "{\"uuid\":null}",
            "{\"from\":\"447700900000\"}", "{\"uuid\":\"abc\",\"timed_out\":1,\"dtmf\":5}", "{\"uuid\":\"abc\",\"dtmf\":[1]}",
            "{\"uuid\":\"abc\",\"dtmf\":{\"digits\":123}}", "nul", "{\"uuid\":\"abc\"} trailing"})
    void malformedBodiesAreBadRequestsThatNameAField(String body) {
        var e = assertThrows(BadRequest.class, () -> WebhookReader.input(body(body)));
        assertFalse(e.field().isBlank());
    }

    @Test
    void aBodyOverSixteenKilobytesIsRefusedBeforeParsing() {
        var huge = "{\"uuid\":\"abc\",\"pad\":\"" + "x".repeat(WebhookReader.MAX_BYTES) + "\"}";
        assertThrows(PayloadTooLarge.class, () -> WebhookReader.answer(body(huge)));
    }

    @Test
    void errorEventsWithoutACallIdAreReadNotRefused() {
        var event = WebhookReader.event(body("{\"reason\":\"Syntax error\",\"conversation_uuid\":\"CON-1\"}"));
        assertNull(event.uuid());
        assertNull(event.status());
    }

    @Test
    void anAnswerWithAFieldOfTheWrongTypeIsRefused() {
        var e = assertThrows(BadRequest.class,
                () -> WebhookReader.answer(body("{\"uuid\":\"abc\",\"from\":{}}")));
        assertEquals("from", e.field());
    }

    @Test
    void overlongFieldsAreRefused() {
        assertThrows(BadRequest.class, () -> WebhookReader.answer("u", null, "4".repeat(65), null));
        assertThrows(BadRequest.class, () -> WebhookReader.answer("u".repeat(65), null, null, null));
    }

    private static java.io.InputStream body(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
