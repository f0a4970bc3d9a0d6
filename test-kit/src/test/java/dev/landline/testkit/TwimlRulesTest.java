package dev.landline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The TwiML rules pass the contract's own examples and catch each way a reply could break it. */
class TwimlRulesTest {

    private static final String ACTION = "https://host/webhooks/twilio/gather/TOKEN";
    private static final String SAY = "<Say language=\"en-GB\">Welcome to Landline Authenticator. Please enter your"
            + " account number, then press the hash key.</Say>";
    private static final String GATHER = "<Gather input=\"dtmf\" numDigits=\"16\" finishOnKey=\"#\" timeout=\"10\""
            + " action=\"" + ACTION + "\" method=\"POST\">";
    private static final String REDIRECT = "<Redirect method=\"POST\">" + ACTION + "</Redirect>";
    /** The contract's listening reply, verbatim. */
    static final String LISTENING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>" + GATHER + SAY
            + "</Gather>" + REDIRECT + "</Response>";
    static final String ENDING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"en-GB\">"
            + "Sorry, I did not get that. Goodbye.</Say><Hangup/></Response>";

    private static String listening(String gather, String says, String redirect) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + gather + says + "</Gather>" + redirect
                + "</Response>";
    }

    private static void assertProblem(String twiml, String expected) {
        var problems = TwimlRules.problems(twiml);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem with \"" + expected + "\" in " + problems + " for " + twiml);
    }

    @Test
    void theContractsListeningAndEndingRepliesAreValid() {
        assertEquals(List.of(), TwimlRules.problems(LISTENING));
        assertEquals(List.of(), TwimlRules.problems(ENDING));
    }

    @Test
    void aOneKeyMenuSeveralSaysAVoiceAndEscapedNamesAreValid() {
        var menu = listening(GATHER.replace("numDigits=\"16\" finishOnKey=\"#\"", "numDigits=\"1\" finishOnKey=\"\""),
                "<Say language=\"de-DE\" voice=\"Polly.Marlene\">For R&amp;D &lt;tools&gt;, press 1.</Say>"
                        + "<Say language=\"de-DE\" voice=\"Polly.Marlene\">For &quot;Bank&quot;, press 2.</Say>",
                REDIRECT);
        assertEquals(List.of(), TwimlRules.problems(menu));
        assertProblem(menu.replace("voice=\"Polly.Marlene\"", "voice=\"\""), "voice");
        var hostileName = ENDING.replace("Goodbye.", "&lt;/speak&gt;&lt;say-as interpret-as='digits'&gt;9&lt;/say-as&gt;");
        assertEquals(List.of(), TwimlRules.problems(hostileName), "a user's name holding SSML is text, escaped");
    }

    @Test
    void readGivesTheSaysTheGatherTheRedirectAndTheHangup() {
        var listening = TwimlRules.read(LISTENING);
        assertTrue(listening.listens());
        assertEquals(ACTION, listening.action());
        assertEquals(ACTION, listening.redirect());
        assertEquals("16", listening.gather().get("numDigits"));
        assertEquals(1, listening.said().size());
        assertTrue(listening.speech().startsWith("Welcome to Landline Authenticator."), listening.speech());
        assertFalse(listening.hangsUp());

        var ending = TwimlRules.read(ENDING.replace("Goodbye.", "Goodbye &amp; &#50;."));
        assertFalse(ending.listens());
        assertNull(ending.action());
        assertTrue(ending.hangsUp());
        assertEquals("Sorry, I did not get that. Goodbye & 2.", ending.speech());
    }

    @Test
    void notWellFormedADoctypeOrAnotherRootIsRefused() {
        assertProblem("<Response><Say language=\"en-GB\">Hi</Response>", "not well-formed");
        assertProblem("", "not well-formed");
        assertProblem("<?xml version=\"1.0\"?><!DOCTYPE Response [<!ENTITY x \"1\">]><Response><Say language=\"en-GB\">"
                + "&x;</Say><Hangup/></Response>", "DOCTYPE");
        assertProblem(ENDING.replace("Response>", "Reply>"), "not <Response>");
        assertProblem(ENDING.replace("<Response>", "<Response xmlns=\"urn:x\">"), "no attributes");
    }

    @Test
    void onlyGatherSayRedirectAndHangupAreUsed() {
        assertProblem(ENDING.replace("<Hangup/>", "<Pause length=\"1\"/><Hangup/>"), "<Pause> is not a verb");
        assertProblem(ENDING.replace("<Hangup/>", "<Play>https://host/x.mp3</Play><Hangup/>"), "<Play>");
        assertProblem(LISTENING.replace(SAY, SAY + "<Play>https://host/x.mp3</Play>"), "only Say inside a Gather");
        assertProblem(ENDING.replace("<Hangup/>", "<Hangup>now</Hangup>"), "must be empty");
        assertProblem(ENDING.replace("<Hangup/>", "words<Hangup/>"), "text directly inside <Response>");
    }

    @Test
    void theGatherAttributesAreTheContracts() {
        assertProblem(LISTENING.replace("input=\"dtmf\"", "input=\"dtmf speech\""), "input must be dtmf");
        assertProblem(LISTENING.replace("numDigits=\"16\"", "numDigits=\"0\""), "numDigits");
        assertProblem(LISTENING.replace("numDigits=\"16\" ", ""), "numDigits");
        assertProblem(LISTENING.replace("timeout=\"10\"", "timeout=\"ten\""), "timeout");
        assertProblem(LISTENING.replace("finishOnKey=\"#\"", "finishOnKey=\"*\""), "finishOnKey");
        assertProblem(LISTENING.replace("finishOnKey=\"#\" ", ""), "finishOnKey");
        assertProblem(LISTENING.replace("method=\"POST\">", "method=\"GET\">"), "method must be POST");
        assertProblem(LISTENING.replace("method=\"POST\">", "method=\"POST\" bargeIn=\"false\">"),
                "unexpected attribute bargeIn");
        assertProblem(LISTENING.replace("action=\"" + ACTION, "action=\"/webhooks/twilio/gather/TOKEN")
                .replace(">" + ACTION, ">/webhooks/twilio/gather/TOKEN"), "absolute");
        assertProblem(listening(GATHER, "", REDIRECT), "asks nothing");
    }

    @Test
    void aGatherIsFollowedByARedirectToItsOwnActionAndNothingElse() {
        assertProblem(LISTENING.replace(REDIRECT, ""), "must be followed by a Redirect");
        assertProblem(LISTENING.replace(REDIRECT, REDIRECT.replace("TOKEN", "OTHER")), "is not the Gather's action");
        assertProblem(LISTENING.replace(REDIRECT, REDIRECT.replace("method=\"POST\"", "")), "method=\"POST\"");
        assertProblem(LISTENING.replace(REDIRECT, REDIRECT + "<Hangup/>"), "never runs");
        assertProblem(LISTENING.replace(REDIRECT, REDIRECT.replace(">https", "> https")), "absolute");
        assertProblem(ENDING.replace("<Hangup/>", "<Hangup/>" + SAY), "never runs");
        assertProblem(ENDING.replace("<Hangup/>", ""), "ends with a Redirect (listening) or a Hangup");
        assertProblem(ENDING.replace("<Hangup/>", REDIRECT), "a Redirect without a Gather");
        assertProblem(LISTENING.replace(GATHER, "<Hangup/>" + GATHER), "either listens or hangs up");
        assertProblem("<Response><Hangup/></Response>", "says nothing");
        assertProblem(listening(GATHER, SAY, REDIRECT).replace(REDIRECT, GATHER + SAY + "</Gather>" + REDIRECT),
                "a second Gather");
    }

    @Test
    void everySayHasALanguageAndPlainTextOnly() {
        assertProblem(ENDING.replace(" language=\"en-GB\"", ""), "language");
        assertProblem(ENDING.replace("en-GB", "English"), "language");
        assertProblem(ENDING.replace("Goodbye.", "<say-as interpret-as=\"digits\">123</say-as>"), "only text");
        assertProblem(ENDING.replace("Goodbye.", "<!-- a comment -->"), "only text");
        assertProblem(ENDING.replace("Goodbye.", "\u202EeybdooG"), "bidirectional");
        assertProblem(ENDING.replace("Sorry, I did not get that. Goodbye.", "  "), "says nothing");
        assertProblem(ENDING.replace("<Say language", "<Say loop=\"0\" language"), "unexpected attribute loop");
    }

    @Test
    void aSayHoldsAtMost4096Characters() {
        var longest = "a".repeat(TwimlRules.SAY_LIMIT);
        assertEquals(List.of(), TwimlRules.problems(ENDING.replace("Sorry, I did not get that. Goodbye.", longest)));
        assertProblem(ENDING.replace("Sorry, I did not get that. Goodbye.", longest + "a"), "longer than 4096");
    }
}
