package dev.landline.signatures.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.signatures.control.Payload;
import dev.landline.signatures.control.Verdict;
import dev.landline.signatures.control.VonageSignature;
import dev.landline.problems.boundary.BadRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The browser phone's signatures: a token for exactly the webhook it will send, or none when none is needed. */
class PhoneSignaturesResourceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String BODY = "{\"uuid\":\"call-1\",\"dtmf\":{\"digits\":\"1\",\"timed_out\":false}}";

    private static PhoneSignaturesResource resource(String secret) {
        var resource = new PhoneSignaturesResource();
        resource.signature = VonageSignature.of(secret, 300);
        resource.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return resource;
    }

    @Test
    void withASecretThePostBodyIsSignedForAMinuteAndTheServerAcceptsIt() {
        var signed = resource("browser-phone-test-secret").sign(new PhoneSigningRequest("POST", null, BODY));
        assertTrue(signed.signed());
        assertEquals(NOW.plusSeconds(60), signed.expiresAt());
        assertTrue(signed.authorization().startsWith("Bearer "));
        var check = VonageSignature.of("browser-phone-test-secret", 300);
        assertEquals(Verdict.VALID, check.verify(signed.authorization(),
                Payload.body(BODY.getBytes(StandardCharsets.UTF_8)), NOW));
        assertFalse(signed.toString().contains(signed.authorization().substring(7)), "toString hides the token");
    }

    @Test
    void withASecretTheGetQueryIsSigned() {
        var query = "uuid=call-1&conversation_uuid=CON-1&from=447700900123&to=442079460000";
        var signed = resource("browser-phone-test-secret").sign(new PhoneSigningRequest("GET", query, null));
        var check = VonageSignature.of("browser-phone-test-secret", 300);
        assertEquals(Verdict.VALID, check.verify(signed.authorization(), Payload.query(query), NOW));
    }

    @Test
    void withoutASecretNothingIsSignedAndThePhoneSendsNoToken() {
        var unsigned = resource(null).sign(new PhoneSigningRequest("POST", null, BODY));
        assertFalse(unsigned.signed());
        assertNull(unsigned.authorization());
        assertNull(unsigned.expiresAt());
    }

    @Test
    void aPostWithoutItsBodyIsABadRequest() {
        var error = assertThrows(BadRequest.class,
                () -> resource("browser-phone-test-secret").sign(new PhoneSigningRequest("POST", null, null)));
        assertEquals("body", error.field());
    }
}
