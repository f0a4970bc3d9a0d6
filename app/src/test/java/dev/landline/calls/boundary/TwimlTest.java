package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.ReadoutPlan;
import dev.landline.calls.control.Reply;
import dev.landline.calls.control.Speech;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The TwiML we render, read back with the JDK's DOM parser (not by the code that wrote it). */
class TwimlTest {

    private static final String TOKEN = "t".repeat(43);
    private static final String ACTION = "https://example.com/webhooks/twilio/gather/" + TOKEN;

    private static String twiml(Reply reply, Optional<String> voice) {
        return Twiml.of(reply, token -> URI.create("https://example.com/webhooks/twilio/gather/" + token), voice);
    }

    private static Document parse(String twiml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent) {
        var children = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            } else {
                var text = node.getTextContent();
                assertTrue(text.isBlank(), () -> "text outside a verb: " + text);
            }
        }
        return children;
    }

    /** Elements inside a Say (there must be none): its text is allowed. */
    private static List<Element> markupIn(Element say) {
        var elements = new ArrayList<Element>();
        for (var node = say.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getTagName).toList();
    }

    @Test
    void aListeningReplyGathersDuringEverySayThenRedirectsToTheSameAction() throws Exception {
        var reply = new Reply("en-GB", List.of(Prompts.welcome(), Prompts.askAccountNumber()),
                new Reply.Listen(16, true, 10, TOKEN));
        var twiml = twiml(reply, Optional.empty());
        assertTrue(twiml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), twiml);
        var root = parse(twiml).getDocumentElement();
        assertEquals("Response", root.getTagName());
        var verbs = children(root);
        assertEquals(List.of("Gather", "Redirect"), names(verbs), twiml);
        var gather = verbs.get(0);
        assertEquals("dtmf", gather.getAttribute("input"));
        assertEquals("16", gather.getAttribute("numDigits"));
        assertEquals("#", gather.getAttribute("finishOnKey"));
        assertEquals("10", gather.getAttribute("timeout"));
        assertEquals(ACTION, gather.getAttribute("action"));
        assertEquals("POST", gather.getAttribute("method"));
        var says = children(gather);
        assertEquals(List.of("Say", "Say"), names(says), "one Say per speech, all inside the Gather: " + twiml);
        for (var say : says) {
            assertEquals("en-GB", say.getAttribute("language"));
            assertFalse(say.hasAttribute("voice"), "no voice unless configured: " + twiml);
            assertTrue(markupIn(say).isEmpty(), "plain text, no SSML: " + twiml);
        }
        assertTrue(says.get(1).getTextContent().contains("account number"), twiml);
        var redirect = verbs.get(1);
        assertEquals("POST", redirect.getAttribute("method"));
        assertEquals(gather.getAttribute("action"), redirect.getTextContent(), "a timeout goes to the same action");
    }

    @Test
    void aOneKeyMenuDoesNotWaitForTheHashKey() throws Exception {
        var reply = new Reply("en-US", List.of(Prompts.afterCode(true)), new Reply.Listen(1, false, 10, TOKEN));
        var twiml = twiml(reply, Optional.empty());
        assertTrue(twiml.contains(" finishOnKey=\"\""), twiml);
        var gather = children(parse(twiml).getDocumentElement()).get(0);
        assertTrue(gather.hasAttribute("finishOnKey"));
        assertEquals("", gather.getAttribute("finishOnKey"));
        assertEquals("1", gather.getAttribute("numDigits"));
        assertEquals("en-US", children(gather).get(0).getAttribute("language"));
    }

    @Test
    void anEndingReplySaysAndHangsUp() throws Exception {
        var twiml = twiml(new Reply("de-DE", List.of(Prompts.nothingHeard(), Prompts.goodbye()), null),
                Optional.empty());
        var verbs = children(parse(twiml).getDocumentElement());
        assertEquals(List.of("Say", "Say", "Hangup"), names(verbs), twiml);
        assertEquals("de-DE", verbs.get(0).getAttribute("language"));
        assertFalse(twiml.contains("Gather") || twiml.contains("Redirect"), twiml);
    }

    @Test
    void digitsAreWrittenOneByOneWithPausesNotAsSsml() throws Exception {
        var code = Prompts.code("GitHub", "287082", new ReadoutPlan(1, false, 0, 17));
        var twiml = twiml(new Reply("en-GB", List.of(code), null), Optional.empty());
        var say = children(parse(twiml).getDocumentElement()).get(0);
        assertEquals("GitHub. Your code is 2, 8, 7, 0, 8, 2. Again: 2, 8, 7, 0, 8, 2. It is valid for 17 seconds.",
                say.getTextContent());
        assertFalse(twiml.contains("say-as") || twiml.contains("speak"), twiml);
    }

    @Test
    void namesFromUsersAreTextOnlyWithoutBidiControls() throws Exception {
        var name = "<Hangup/> & \"Tom's\" \u202Egnik\u202C \u2066bank\u2069</Say>";
        var menu = Prompts.menu(List.of(name, "Mail"), false);
        var twiml = twiml(new Reply("en-GB", List.of(menu), new Reply.Listen(1, false, 10, TOKEN)), Optional.empty());
        var root = parse(twiml).getDocumentElement();
        assertEquals(List.of("Gather", "Redirect"), names(children(root)), "the name adds no verb: " + twiml);
        var say = children(children(root).get(0)).get(0);
        assertTrue(markupIn(say).isEmpty(), twiml);
        assertEquals("For <Hangup/> & \"Tom's\" gnik bank</Say>, press 1. For Mail, press 2.", say.getTextContent());
        assertTrue(twiml.contains("&lt;Hangup/&gt; &amp; &quot;Tom&apos;s&quot;"), twiml);
        for (var bidi : List.of("\u202E", "\u202C", "\u2066", "\u2069")) {
            assertFalse(twiml.contains(bidi), twiml);
        }
    }

    @Test
    void whatXmlCannotCarryIsDropped() throws Exception {
        var twiml = twiml(new Reply("en-GB", List.of(Speech.text("a\u0000b\u0007c\uD800d\uFFFEe \uD83D\uDE00")),
                null), Optional.empty());
        var say = children(parse(twiml).getDocumentElement()).get(0);
        assertEquals("abcde \uD83D\uDE00", say.getTextContent());
    }

    @Test
    void aConfiguredVoiceIsOnEverySay() throws Exception {
        var reply = new Reply("en-GB", List.of(Prompts.welcome(), Prompts.askPin()),
                new Reply.Listen(12, true, 10, TOKEN));
        var root = parse(twiml(reply, Optional.of("Polly.Amy"))).getDocumentElement();
        for (var say : children(children(root).get(0))) {
            assertEquals("Polly.Amy", say.getAttribute("voice"));
            assertEquals("en-GB", say.getAttribute("language"));
        }
        var ending = parse(twiml(new Reply("en-GB", List.of(Prompts.goodbye()), null), Optional.of("woman")));
        assertEquals("woman", children(ending.getDocumentElement()).get(0).getAttribute("voice"));
    }

    @Test
    void theApologyEndsTheCallAndSaysNothingOfTheFailure() throws Exception {
        var twiml = Twiml.apology(Optional.empty());
        var verbs = children(parse(twiml).getDocumentElement());
        assertEquals(List.of("Say", "Hangup"), names(verbs), twiml);
        assertTrue(verbs.get(0).getTextContent().contains("cannot read codes right now"), twiml);
    }

    @Test
    void theExactShapeOfTheContract() {
        var reply = new Reply("en-GB", List.of(Prompts.welcome().then(Prompts.askAccountNumber())),
                new Reply.Listen(16, true, 10, TOKEN));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Gather input=\"dtmf\" numDigits=\"16\""
                + " finishOnKey=\"#\" timeout=\"10\" action=\"" + ACTION + "\" method=\"POST\"><Say language=\"en-GB\">"
                + "Welcome to Landline Authenticator. Please enter your account number, then press the hash key."
                + "</Say></Gather>"
                + "<Redirect method=\"POST\">" + ACTION + "</Redirect></Response>", twiml(reply, Optional.empty()));
    }
}
