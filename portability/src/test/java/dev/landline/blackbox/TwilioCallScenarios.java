package dev.landline.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.testkit.CallPlayer;
import dev.landline.testkit.Http;
import dev.landline.testkit.TwilioPlayer;
import dev.landline.testkit.WebhookSigner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The call scenarios through Twilio (the Voice URL, {@code <Gather>} actions and the {@code <Redirect>} on silence,
 * the status callback; TwiML checked by the test kit's rules), with the Twilio auth token each server was given the
 * way its recipe says; plus what only Twilio's webhooks have: {@code X-Twilio-Signature} over the URL and the form,
 * single-use Gather actions, callers without a phone number ({@code anonymous}, {@code client:}, {@code sip:}) and
 * the Voice URL as a GET.
 */
abstract class TwilioCallScenarios extends CallScenarios {

    /** Not the test servers' token: what another Twilio account, or a forger, would sign with. */
    private static final String OTHER_TOKEN = "0123456789abcdef0123456789abcdef";

    @Override
    CallPlayer.Provider provider() {
        return CallPlayer.Provider.TWILIO;
    }

    /** A Twilio call from {@code from} as Twilio writes it ("+4477…", "anonymous", "client:…", "sip:…"). */
    private TwilioPlayer twilio(String from) {
        return TwilioPlayer.dial(base, from, "+" + to);
    }

    @Test
    void unsignedForgedOrAlteredTwilioWebhooksAre403AndChangeNothing() {
        var phone = uniquePhone();
        var caller = admin.caller("Hal", uniqueAccountNumber(), PIN, "+" + phone);
        admin.account(caller, "otpauth://totp/GitHub:hal?secret=" + RFC_SECRET + "&issuer=GitHub");

        var voice = base.resolve("webhooks/twilio/voice");
        var ringing = Map.of("CallSid", TwilioPlayer.newCallSid(), "From", "+" + phone, "To", "+" + to,
                "CallStatus", "ringing");
        Http.assertProblem(403, TwilioPlayer.post(voice, ringing, null));
        Http.assertProblem(403, TwilioPlayer.post(voice, ringing,
                WebhookSigner.twilio(OTHER_TOKEN, voice.toString(), ringing)));

        var call = twilio("+" + phone);
        assertTrue(call.heard().contains("PIN"), call.heard());
        var action = call.actionUrl();
        var rightPin = call.params("in-progress");
        rightPin.put("Digits", PIN);
        var wrongPin = call.params("in-progress");
        wrongPin.put("Digits", "111222");
        // the genuine signature of one form, sent with another (altered on the way), or with no signature at all
        Http.assertProblem(403, TwilioPlayer.post(action, rightPin, call.sign(action, wrongPin)));
        Http.assertProblem(403, TwilioPlayer.post(action, wrongPin, call.sign(action, rightPin)));
        Http.assertProblem(403, TwilioPlayer.post(action, rightPin, null));
        Http.assertProblem(403, TwilioPlayer.post(base.resolve("webhooks/twilio/status"), call.params("completed"),
                WebhookSigner.twilio(OTHER_TOKEN, base.resolve("webhooks/twilio/status").toString(),
                        call.params("completed"))));
        assertEquals(0, admin.lockout(caller).getInt("consecutiveFailures"), "no refused webhook was evaluated");

        call.press(PIN + "#");
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
        call.hangUp();
    }

    @Test
    void aGatherActionIsSingleUseSoAReplayedWrongPinIsNotChargedTwice() {
        var phone = uniquePhone();
        var caller = admin.caller("Ida", uniqueAccountNumber(), PIN, "+" + phone);
        admin.account(caller, "otpauth://totp/GitHub:ida?secret=" + RFC_SECRET + "&issuer=GitHub");

        var call = twilio("+" + phone).press("111222#");
        assertTrue(call.heard().contains("did not work"), call.heard());
        var replayed = call.replay();
        Http.assertProblem(403, replayed);
        TwilioPlayer.assertNoCodeIn(replayed, RFC_SECRET);
        assertEquals(1, admin.lockout(caller).getInt("consecutiveFailures"), "the replay was not evaluated");

        call.press(PIN + "#");
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
    }

    @Test
    void callersWithoutAPhoneNumberGiveTheirAccountNumberAndTheVoiceUrlMayBeAGet() {
        var account = uniqueAccountNumber();
        var caller = admin.caller("Jo", account, PIN, "+" + uniquePhone());
        admin.account(caller, "otpauth://totp/GitHub:jo?secret=" + RFC_SECRET + "&issuer=GitHub");

        for (var from : List.of("anonymous", "client:jo", "sip:jo@pbx.example.org")) {
            var call = twilio(from);
            assertTrue(call.heard().contains("account number"), from + ": " + call.heard());
            call.hangUp();
        }
        var call = TwilioPlayer.dialWithGet(base, "anonymous", "+" + to);
        assertTrue(call.heard().contains("account number"), call.heard());
        call.press(account + "#");
        assertTrue(call.heard().contains("PIN"), call.heard());
        call.press(PIN + "#");
        assertTotpHeard(call, RFC_SECRET, 30, 6, "HmacSHA1");
        call.hangUp();
    }
}
