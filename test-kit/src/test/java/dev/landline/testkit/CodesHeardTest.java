package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "No code heard" finds a code however a provider speaks it, and only in what a caller hears. */
class CodesHeardTest {

    private static String ending(String said) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"en-GB\">" + said
                + "</Say><Hangup/></Response>";
    }

    @Test
    void twilioDigitsSeparatedByCommasAreOneNumber() {
        var said = "GitHub. Your code is 2, 8, 7, 0, 8, 2. Again: 2, 8, 7, 0, 8, 2. It is valid for 17 seconds.";
        assertEquals(List.of("287082", "287082", "17"), CodesHeard.numbersIn(said));
        assertEquals(Optional.of("287082"), CodesHeard.said(Set.of("287082"), CodesHeard.saidInTwiml(ending(said))));
    }

    @Test
    void vonageSsmlDigitsAreOneNumber() {
        var ssml = "<speak>Your code is <say-as interpret-as='digits'>287082</say-as>.</speak>";
        assertEquals(Optional.of("287082"), CodesHeard.said(Set.of("287082"), ssml));
    }

    @Test
    void characterReferencesAreReadAsTheDigitsTheyStandFor() {
        assertEquals(List.of("287082"), CodesHeard.numbersIn("&#50;8&#x37;0, 8, &#X32;"));
        assertEquals(List.of("287082"), CodesHeard.numbersIn(CodesHeard.saidInTwiml(ending("&#50;8&#x37;0, 8, 2"))));
        assertEquals(List.of("99999999", "110000"), CodesHeard.numbersIn("&#99999999; &#x110000;"),
                "not a character: left as it is");
    }

    @Test
    void aTwimlReplyIsHeardAsItsSaysNotItsUrlsOrAttributes() {
        var twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Gather input=\"dtmf\" numDigits=\"16\""
                + " finishOnKey=\"#\" timeout=\"10\" action=\"https://host/webhooks/twilio/gather/a287082b\""
                + " method=\"POST\"><Say language=\"en-GB\">Please enter your PIN.</Say></Gather>"
                + "<Redirect method=\"POST\">https://host/webhooks/twilio/gather/a287082b</Redirect></Response>";
        assertEquals("Please enter your PIN.", CodesHeard.saidInTwiml(twiml));
        CodesHeard.assertNoneSaid(Set.of("287082"), CodesHeard.saidInTwiml(twiml));
        assertTrue(CodesHeard.said(Set.of("287082"), twiml).isPresent(), "the whole body does show it");
    }

    @Test
    void assertNoneSaidFailsOnACodeSaid() {
        assertThrows(AssertionError.class, () -> CodesHeard.assertNoneSaid(Set.of("287082"),
                CodesHeard.saidInTwiml(ending("two 8 7, zero, 8 2"))));
    }
}
