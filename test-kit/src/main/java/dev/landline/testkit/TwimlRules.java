package dev.landline.testkit;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks a TwiML reply the way the service promises Twilio (the wire contract of issue 12, after Twilio's TwiML
 * reference): well-formed XML without a DOCTYPE, root {@code <Response>}, only {@code <Gather>}, {@code <Say>},
 * {@code <Redirect>} and {@code <Hangup/>}; a listening reply is one {@code <Gather input="dtmf">} holding the
 * {@code <Say>}s, with {@code numDigits}, {@code finishOnKey} "#" or "", {@code timeout}, an absolute
 * {@code action} and {@code method="POST"}, followed by a {@code <Redirect method="POST">} to that same action; an
 * ending reply is {@code <Say>}s then {@code <Hangup/>}. Every {@code <Say>} has a {@code language}, plain text only
 * (no SSML: Twilio's basic voices read tags aloud), no bidi controls, at most 4096 characters. Returns the list of
 * problems; empty means valid. {@link #read} gives a reply's parts. Parsed with the JDK's DOM, nothing of the service.
 */
public final class TwimlRules {

    /** Twilio's limit on the text of one {@code <Say>}. */
    static final int SAY_LIMIT = 4096;
    private static final Set<String> VERBS = Set.of("Gather", "Say", "Redirect", "Hangup");
    private static final Set<String> GATHER_ATTRIBUTES = Set.of("input", "numDigits", "finishOnKey", "timeout",
            "action", "method");
    private static final Set<String> SAY_ATTRIBUTES = Set.of("language", "voice");
    private static final Pattern POSITIVE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    /**
     * A TwiML reply's parts, in order.
     *
     * @param said    the text of every {@code <Say>}, inside the Gather or not
     * @param gather  the {@code <Gather>}'s attributes, or null when the reply does not listen
     * @param redirect the {@code <Redirect>}'s URL, or null
     */
    public record Twiml(List<String> said, Map<String, String> gather, String redirect, boolean hangsUp) {

        public Twiml {
            said = List.copyOf(said);
            gather = gather == null ? null : Map.copyOf(gather);
        }

        public boolean listens() {
            return gather != null;
        }

        /** The Gather's action URL, or null when the reply does not listen. */
        public String action() {
            return gather == null ? null : gather.get("action");
        }

        /** Everything said, one Say after the other. */
        public String speech() {
            return String.join(" ", said);
        }
    }

    private TwimlRules() {
    }

    /** What is wrong with this TwiML reply; empty when it is as the contract says. */
    public static List<String> problems(String twiml) {
        var problems = new ArrayList<String>();
        Element root;
        try {
            root = parse(twiml);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        if (!root.getTagName().equals("Response")) {
            problems.add("the root is <" + root.getTagName() + ">, not <Response>");
            return problems;
        }
        if (root.hasAttributes()) {
            problems.add("<Response> takes no attributes");
        }
        var verbs = children(root, "Response", problems);
        String action = null;
        String redirect = null;
        for (int i = 0; i < verbs.size(); i++) {
            var verb = verbs.get(i);
            var name = verb.getTagName();
            var at = i + ": <" + name + ">";
            if (!VERBS.contains(name)) {
                problems.add(at + " is not a verb the service uses");
                continue;
            }
            boolean last = i == verbs.size() - 1;
            switch (name) {
                case "Say" -> checkSay(at, verb, problems);
                case "Gather" -> {
                    if (action != null) {
                        problems.add(at + ": a second Gather");
                    }
                    action = checkGather(at, verb, problems);
                    if (last || !verbs.get(i + 1).getTagName().equals("Redirect")) {
                        problems.add(at + " must be followed by a Redirect (Twilio goes on with it when nothing is"
                                + " typed; without one the call just ends)");
                    }
                }
                case "Redirect" -> redirect = checkRedirect(at, verb, problems);
                default -> {
                    if (verb.hasAttributes() || verb.hasChildNodes()) {
                        problems.add(at + " must be empty");
                    }
                }
            }
            if ((name.equals("Redirect") || name.equals("Hangup")) && !last) {
                problems.add(at + " is followed by verbs Twilio never runs");
            }
        }
        if (verbs.isEmpty() || !Set.of("Redirect", "Hangup").contains(verbs.get(verbs.size() - 1).getTagName())) {
            problems.add("a reply ends with a Redirect (listening) or a Hangup (ending)");
        }
        if (action != null && redirect != null && !action.equals(redirect)) {
            problems.add("the Redirect (" + redirect + ") is not the Gather's action (" + action + ")");
        }
        if (action == null && redirect != null) {
            problems.add("a Redirect without a Gather");
        }
        if (action != null && verbs.stream().anyMatch(v -> v.getTagName().equals("Hangup"))) {
            problems.add("a reply either listens or hangs up, not both");
        }
        if (verbs.stream().noneMatch(v -> v.getTagName().equals("Say") || v.getTagName().equals("Gather"))) {
            problems.add("the reply says nothing");
        }
        return problems;
    }

    /** The parts of a well-formed TwiML reply (checked or not: see {@link #problems}). */
    public static Twiml read(String twiml) {
        var root = parse(twiml);
        var said = new ArrayList<String>();
        Map<String, String> gather = null;
        String redirect = null;
        boolean hangsUp = false;
        for (var verb : children(root, "Response", new ArrayList<>())) {
            switch (verb.getTagName()) {
                case "Say" -> said.add(verb.getTextContent());
                case "Gather" -> {
                    gather = attributes(verb);
                    for (var inside : children(verb, "Gather", new ArrayList<>())) {
                        if (inside.getTagName().equals("Say")) {
                            said.add(inside.getTextContent());
                        }
                    }
                }
                case "Redirect" -> redirect = verb.getTextContent().strip();
                case "Hangup" -> hangsUp = true;
                default -> {
                }
            }
        }
        return new Twiml(said, gather, redirect, hangsUp);
    }

    private static void checkSay(String at, Element say, List<String> problems) {
        var attributes = attributes(say);
        attributes.keySet().stream().filter(a -> !SAY_ATTRIBUTES.contains(a))
                .forEach(a -> problems.add(at + ": unexpected attribute " + a));
        var language = attributes.get("language");
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            problems.add(at + ": language must be a language tag, not " + language);
        }
        if (attributes.containsKey("voice") && attributes.get("voice").isBlank()) {
            problems.add(at + ": voice, when given, names a voice");
        }
        for (var child = say.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.TEXT_NODE && child.getNodeType() != Node.CDATA_SECTION_NODE) {
                problems.add(at + ": only text inside a Say (no SSML, no comments)");
            }
        }
        var text = say.getTextContent();
        if (text.isBlank()) {
            problems.add(at + ": says nothing");
        }
        if (text.length() > SAY_LIMIT) {
            problems.add(at + ": text longer than " + SAY_LIMIT + " characters");
        }
        if (BIDI_CONTROLS.matcher(text).find()) {
            problems.add(at + ": bidirectional controls in the text");
        }
    }

    private static String checkGather(String at, Element gather, List<String> problems) {
        var attributes = attributes(gather);
        attributes.keySet().stream().filter(a -> !GATHER_ATTRIBUTES.contains(a))
                .forEach(a -> problems.add(at + ": unexpected attribute " + a));
        if (!"dtmf".equals(attributes.get("input"))) {
            problems.add(at + ": input must be dtmf");
        }
        for (var number : List.of("numDigits", "timeout")) {
            var value = attributes.get(number);
            if (value == null || !POSITIVE.matcher(value).matches()) {
                problems.add(at + ": " + number + " must be a positive whole number, not " + value);
            }
        }
        var finishOnKey = attributes.get("finishOnKey");
        if (!"#".equals(finishOnKey) && !"".equals(finishOnKey)) {
            problems.add(at + ": finishOnKey must be \"#\" or \"\" (one-key menus), not " + finishOnKey);
        }
        if (!"POST".equals(attributes.get("method"))) {
            problems.add(at + ": method must be POST");
        }
        var action = attributes.get("action");
        if (!absolute(action)) {
            problems.add(at + ": action must be an absolute http(s) URL, not " + action);
        }
        var inside = children(gather, "Gather", problems);
        if (inside.isEmpty()) {
            problems.add(at + ": asks nothing (the Says belong inside the Gather, so the caller may type during them)");
        }
        for (int i = 0; i < inside.size(); i++) {
            var child = inside.get(i);
            var where = at + " " + i + ": <" + child.getTagName() + ">";
            if (child.getTagName().equals("Say")) {
                checkSay(where, child, problems);
            } else {
                problems.add(where + ": only Say inside a Gather");
            }
        }
        return action;
    }

    private static String checkRedirect(String at, Element redirect, List<String> problems) {
        var attributes = attributes(redirect);
        if (!attributes.equals(Map.of("method", "POST"))) {
            problems.add(at + ": takes method=\"POST\" and nothing else, not " + attributes);
        }
        var url = redirect.getTextContent();
        if (!url.equals(url.strip()) || !absolute(url)) {
            problems.add(at + ": must hold an absolute http(s) URL and nothing else, not " + url);
        }
        return url.strip();
    }

    private static boolean absolute(String url) {
        if (url == null) {
            return false;
        }
        try {
            var uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The element children of this element; any text in between that is not blank is a problem. */
    private static List<Element> children(Element parent, String name, List<String> problems) {
        var elements = new ArrayList<Element>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!child.getNodeValue().isBlank()) {
                    problems.add("text directly inside <" + name + ">");
                }
            } else if (child.getNodeType() != Node.COMMENT_NODE) {
                problems.add("a " + child.getNodeName() + " inside <" + name + ">");
            }
        }
        return elements;
    }

    private static Map<String, String> attributes(Element element) {
        var attributes = new LinkedHashMap<String, String>();
        var all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            attributes.put(all.item(i).getNodeName(), all.item(i).getNodeValue());
        }
        return attributes;
    }

    /** The root element; IllegalArgumentException when this is not well-formed XML or declares a DOCTYPE. */
    private static Element parse(String twiml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(twiml))).getDocumentElement();
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XML, or a DOCTYPE (" + e.getMessage() + ")", e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
