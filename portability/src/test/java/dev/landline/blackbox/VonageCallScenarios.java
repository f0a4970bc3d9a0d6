package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.CallPlayer;
import dev.landline.testkit.Http;
import dev.landline.testkit.VonagePlayer;
import dev.landline.testkit.WebhookSigner;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The call scenarios through Vonage (answer and event webhooks, NCCO, the signed JWT), plus what only Vonage's
 * webhooks have: the JWT and its payload hash, and parallel wrong PINs on many Vonage calls at once.
 */
abstract class VonageCallScenarios extends CallScenarios {

    @Override
    CallPlayer.Provider provider() {
        return CallPlayer.Provider.VONAGE;
    }

    @Test
    void aGermanCallerHearsGermanInAGermanVoiceFromTheGreetingToTheGoodbyeWithTheRightCode() {
        var phone = uniquePhone();
        var caller = admin.callerSpeaking("de-DE", "Dora", uniqueAccountNumber(), PIN, "+" + phone);
        admin.account(caller, "otpauth://totp/Sparkasse:dora?secret=" + RFC_SECRET + "&issuer=Sparkasse");

        var call = VonagePlayer.dial(base, phone, to);
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().contains("Willkommen bei Landline Authenticator. Bitte geben Sie Ihre PIN ein"),
                call.heard());

        call.press(PIN + "#");
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().startsWith("<speak>Sparkasse. ") && call.heard().contains("Ihr Code lautet "),
                call.heard());
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
        assertTrue(call.heard().matches("(?s).*(Sekunde|Sekunden) gültig\\..*"), call.heard());

        call.press("7").silence().silence();
        assertTrue(call.ended(), call.heard());
        assertEquals(List.of("de-DE"), voices(call));
        assertTrue(call.heard().endsWith("Auf Wiederhören.</speak>"), call.heard());
    }

    /** The voice languages of the talks of the call's last NCCO. */
    private static List<String> voices(VonagePlayer call) {
        return call.ncco().stream().map(JsonObject.class::cast).filter(a -> a.getString("action").equals("talk"))
                .map(a -> a.getString("language")).distinct().toList();
    }

    @Test
    void unsignedOrWronglySignedWebhooksAreRefusedBeforeAnythingRuns() {
        var query = base.resolve("webhooks/answer?uuid=" + java.util.UUID.randomUUID() + "&from=" + uniquePhone()
                + "&to=" + to);
        var unsigned = Http.send("GET", query, null, null, null);
        Http.assertProblem(401, unsigned);
        var forged = Http.send("GET", query, null, null, "nobody:nothing");
        assertEquals(401, forged.statusCode(), "Basic is no Vonage signature: " + forged.body());
        var body = "{\"uuid\":\"" + java.util.UUID.randomUUID() + "\",\"status\":\"completed\"}";
        var wrongKey = Http.sendWithBearer("POST", base.resolve("webhooks/event"), "application/json", body,
                new WebhookSigner("not-the-signature-secret").bearer(body));
        Http.assertProblem(403, wrongKey);
    }

    @Test
    void aSignedAnswerWithARepeatedFromIsRefusedSoTheNumberReadIsTheNumberSigned() {
        // a genuine token for the attacker's own call, whose payload_hash covers the query as Vonage hashes it (a
        // JSON object: the last "from" wins), sent with the victim's number as the first "from" (what JAX-RS reads)
        var uuid = java.util.UUID.randomUUID().toString();
        var attacker = uniquePhone();
        var signedJson = "{\"uuid\":\"" + uuid + "\",\"from\":\"" + attacker + "\",\"to\":\"" + to + "\"}";
        var smuggled = base.resolve("webhooks/answer?uuid=" + uuid + "&from=" + uniquePhone() + "&to=" + to
                + "&from=" + attacker);
        Http.assertProblem(400, Http.sendWithBearer("GET", smuggled, null, null, WebhookSigner.forTests().bearer(signedJson)));
        var unexpected = base.resolve("webhooks/answer?uuid=" + uuid + "&from=" + attacker + "&to=" + to + "&x=1");
        Http.assertProblem(400, Http.webhook("GET", unexpected, null, null));
        var honest = base.resolve("webhooks/answer?uuid=" + uuid + "&from=" + attacker + "&to=" + to);
        assertEquals(200, Http.sendWithBearer("GET", honest, null, null, WebhookSigner.forTests().bearer(signedJson)).statusCode(),
                "the same token with the query it was made for is taken");
    }

    @Test
    void parallelWrongPinsForOneCallerAreChargedExactlyOnceEach() throws Exception {
        var account = uniqueAccountNumber();
        var caller = admin.caller("Target", account, PIN);
        admin.account(caller, "otpauth://totp/GitHub:t?secret=" + RFC_SECRET);
        var calls = new ArrayList<VonagePlayer>();
        for (int i = 0; i < 20; i++) {
            calls.add(VonagePlayer.dial(base, uniquePhone(), uniqueCalledNumber()).press(account + "#"));
        }
        var guesses = new ArrayList<String>();
        for (int i = 0; i < calls.size(); i++) {
            guesses.add(String.format("%06d", 100_000 + i * 7) + "#");
        }
        for (var response : VonagePlayer.pressConcurrently(calls, guesses, 10, List.of())) {
            assertTrue(response.body().contains("did not work"), response.body());
            VonagePlayer.assertNoCodeIn(response, RFC_SECRET);
        }
        var state = admin.lockout(caller);
        assertEquals(3, state.getInt("consecutiveFailures"),
                "the three free attempts were evaluated and counted, the other 17 waited for the delay: " + state);
        var failures = Http.array(Http.admin("GET", base.resolve("api/callers/" + caller + "/lockout/failures"), null));
        var outcomes = failures.stream().map(JsonObject.class::cast).map(f -> f.getString("outcome")).toList();
        assertEquals(20, outcomes.size(), "each attempt was decided once: " + outcomes);
        assertEquals(3, outcomes.stream().filter("REJECTED"::equals).count(), outcomes::toString);
        assertEquals(17, outcomes.stream().filter("DELAYED"::equals).count(), outcomes::toString);
    }
}
