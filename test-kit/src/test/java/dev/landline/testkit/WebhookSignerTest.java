package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one signer signs Twilio webhooks as Twilio does: its own published example gives its own signature. */
class WebhookSignerTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static Map<String, String> twilioExample() {
        var params = new LinkedHashMap<String, String>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+14158675309");
        params.put("Digits", "1234");
        params.put("From", "+14158675309");
        params.put("To", "+18005551212");
        return params;
    }

    @Test
    void twilioSignatureIsTwilioPublishedExample() {
        // twilio-java RequestValidatorTest (telephony.md section 8): token 12345
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", WebhookSigner.twilio("12345", URL, twilioExample()));
    }

    @Test
    void twilioSignatureSortsTheParametersByNameWhateverTheirOrder() {
        var reversed = new LinkedHashMap<String, String>();
        var names = twilioExample().keySet().toArray(String[]::new);
        for (int i = names.length - 1; i >= 0; i--) {
            reversed.put(names[i], twilioExample().get(names[i]));
        }
        assertEquals("RSOYDt4T1cUTdK1PDd93/VVr8B8=", WebhookSigner.twilio("12345", URL, reversed));
    }

    @Test
    void twilioSignatureChangesWithTheTokenTheUrlOrAnyParameter() {
        var right = WebhookSigner.twilio("12345", URL, twilioExample());
        assertNotEquals(right, WebhookSigner.twilio("12346", URL, twilioExample()), "another token");
        assertNotEquals(right, WebhookSigner.twilio("12345", URL.replace("bar=2", "bar=3"), twilioExample()),
                "another URL");
        var altered = twilioExample();
        altered.put("Digits", "1235");
        assertNotEquals(right, WebhookSigner.twilio("12345", URL, altered), "other digits");
        var added = twilioExample();
        added.put("Extra", "");
        assertNotEquals(right, WebhookSigner.twilio("12345", URL, added), "one more parameter, even empty");
    }
}
