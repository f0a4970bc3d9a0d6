package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.PayloadTooLarge;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioFormTest {

    private static final String SID = "CA" + "0123456789abcdef".repeat(2);

    private static InputStream body(String form) {
        return new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8));
    }

    private static TwilioForm form(String form) {
        return TwilioForm.body(body(form));
    }

    @Test
    void readsTheVoiceWebhookAndIgnoresTheRest() {
        var call = form("AccountSid=AC1&CallSid=" + SID + "&From=%2B447700900123&To=%2B442079460000"
                + "&CallStatus=ringing&Direction=inbound&ApiVersion=2010-04-01&Caller=%2B447700900123").incomingCall();
        assertEquals(SID, call.uuid());
        assertEquals("+447700900123", call.from());
        assertEquals("+442079460000", call.to());
        assertNull(call.conversationUuid());
    }

    @Test
    void readsAGetQueryTheSameWay() {
        var call = TwilioForm.query("CallSid=" + SID + "&From=client%3Aalice&To=%2B442079460000").incomingCall();
        assertEquals(SID, call.uuid());
        assertEquals("client:alice", call.from());
        assertThrows(BadRequest.class, () -> TwilioForm.query(null).incomingCall(), "no CallSid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "client:alice", "sip:alice@example.com", "+266696687x"})
    void aCallerWhoIsNoPhoneNumberIsKeptAsSentForTheFlowToTreatAsUnknown(String from) {
        var call = form("CallSid=" + SID + "&From=" + URLEncoder.encode(from, StandardCharsets.UTF_8))
                .incomingCall();
        assertEquals(from, call.from());
    }

    @Test
    void anEmptyOrMissingFromIsWithheld() {
        assertNull(form("CallSid=" + SID + "&From=").incomingCall().from());
        assertNull(form("CallSid=" + SID).incomingCall().from());
        assertNull(form("CallSid=" + SID + "&From").incomingCall().from());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "From=%2B447700900123", "CallSid=", "CallSid=CA-123", "CallSid=CA%20123",
        "CallSid=CA%00", "CallSid=CA012345678901234567890123456789012345678901234567890123456789012", "callsid=CA1"})
    void aMissingOrMalformedCallSidIsRefusedByName(String body) {
        var refused = assertThrows(BadRequest.class, () -> form(body).incomingCall());
        assertEquals("CallSid", refused.field());
        assertFalse(refused.getMessage().contains("CA"), "never echoes the value: " + refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CallSid=CA1&CallSid=CA1", "CallSid=CA1&Digits=1&Digits=2", "a=1&a=2&CallSid=CA1",
        "CallSid=CA1&Digits=%zz", "CallSid=CA1&Digits=1%", "CallSid=CA1&Digits=1%4", "CallSid=CA1&From=%C3%28",
        "CallSid=CA1&From=%FF", "CallSid=CA1&From=%ED%A0%80"})
    void garbageAndRepeatedNamesAreRefused(String body) {
        var refused = assertThrows(BadRequest.class, () -> form(body).keyPresses());
        assertEquals("body", refused.field());
        assertFalse(refused.getMessage().contains("%"), refused.getMessage());
        assertEquals("query", assertThrows(BadRequest.class, () -> TwilioForm.query(body).keyPresses()).field());
    }

    @Test
    void rawBytesThatAreNotUtf8AreRefused() {
        var body = new byte[] {'C', 'a', 'l', 'l', 'S', 'i', 'd', '=', 'C', 'A', '1', '&', 'F', 'r', 'o', 'm', '=',
            (byte) 0xC3};
        assertThrows(BadRequest.class, () -> TwilioForm.body(new ByteArrayInputStream(body)));
    }

    @Test
    void plusIsASpaceAndUtf8IsDecoded() {
        var call = form("CallSid=CA1&From=caf%C3%A9+bar&To=%E2%82%AC").incomingCall();
        assertEquals("café bar", call.from());
        assertEquals("€", call.to());
    }

    @Test
    void aBodyOverTheLimitIs413AndOneAtItIsRead() {
        var prefix = "CallSid=CA1&Padding=";
        var atLimit = prefix + "x".repeat(TwilioForm.MAX_BYTES - prefix.length());
        assertEquals("CA1", form(atLimit).incomingCall().uuid());
        assertThrows(PayloadTooLarge.class, () -> form(atLimit + "x"));
    }

    @Test
    void digitsAndStatusLongerThanVonagesAreRefused() {
        assertEquals("Digits", assertThrows(BadRequest.class,
                () -> form("CallSid=CA1&Digits=" + "1".repeat(65)).keyPresses()).field());
        assertEquals("CallStatus", assertThrows(BadRequest.class,
                () -> form("CallSid=CA1&CallStatus=" + "x".repeat(33)).statusEvent()).field());
    }

    @Test
    void aFromOrToTooLongToKeepIsWithheldAndTheCallIsStillAnswered() {
        var identity = URLEncoder.encode("client:" + "a".repeat(100), StandardCharsets.UTF_8);
        var sip = URLEncoder.encode("sip:alice@example.com;transport=tls;user=phone;x=" + "y".repeat(40),
                StandardCharsets.UTF_8);
        var call = form("CallSid=" + SID + "&From=" + identity + "&To=" + sip).incomingCall();
        assertEquals(SID, call.uuid());
        assertNull(call.from());
        assertNull(call.to());
        assertNull(form("CallSid=CA1&From=%2B" + "1".repeat(64)).incomingCall().from(), "65 characters");
        assertEquals("+" + "1".repeat(63), form("CallSid=CA1&From=%2B" + "1".repeat(63)).incomingCall().from());
        assertEquals("+" + "1".repeat(63), form("CallSid=CA1&To=%2B" + "1".repeat(63)).incomingCall().to());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"})
    void twiliosStandInsForAWithheldCallerIdAreWithheld(String standIn) {
        var call = form("CallSid=" + SID + "&From=" + URLEncoder.encode(standIn, StandardCharsets.UTF_8)
                + "&To=%2B442079460000").incomingCall();
        assertNull(call.from(), standIn);
        assertEquals("+442079460000", call.to());
    }

    @Test
    void noDigitsOrEmptyOnesAreNothingTyped() {
        var redirected = form("CallSid=" + SID).keyPresses();
        assertTrue(redirected.none());
        assertFalse(redirected.garbled());
        assertEquals(SID, redirected.callUuid());
        assertTrue(form("CallSid=" + SID + "&Digits=").keyPresses().none());
        assertTrue(form("CallSid=" + SID + "&Digits=%23").keyPresses().none(), "only the hash key");
    }

    @Test
    void digitsLoseTheirHashAndAnythingElseIsGarbled() {
        var typed = form("CallSid=" + SID + "&Digits=12%23").keyPresses();
        assertEquals("12", typed.digits());
        assertTrue(typed.usable());
        assertEquals("480261", form("CallSid=" + SID + "&Digits=480261").keyPresses().digits());
        var garbled = form("CallSid=" + SID + "&Digits=1a").keyPresses();
        assertTrue(garbled.garbled());
        assertFalse(garbled.usable());
        assertTrue(form("CallSid=" + SID + "&Digits=1*2").keyPresses().garbled());
        assertTrue(form("CallSid=" + SID + "&Digits=%D9%A1").keyPresses().garbled(), "Arabic-Indic one");
    }

    @Test
    void aStatusCallbackCarriesItsCallAndStatus() {
        var event = form("CallSid=" + SID + "&CallStatus=no-answer&CallDuration=0").statusEvent();
        assertEquals(SID, event.uuid());
        assertEquals("no-answer", event.status());
        assertNull(form("CallSid=" + SID).statusEvent().status());
        assertThrows(BadRequest.class, () -> form("CallStatus=completed").statusEvent());
    }

    @Test
    void neverShowsAValue() {
        var form = form("CallSid=" + SID + "&Digits=480261");
        assertFalse(form.toString().contains("480261") || form.toString().contains(SID), form.toString());
    }
}
