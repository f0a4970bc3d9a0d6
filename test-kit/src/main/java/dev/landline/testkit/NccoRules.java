package dev.landline.testkit;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks an NCCO the way Vonage would: against Vonage's own draft-04 schema (the resource
 * dev/landline/testkit/vonage/ncco-schema.json, with its provenance) plus the rules the 2021 schema lacks (see its
 * README). Returns the list of problems; empty means valid. The schema is loaded on first use.
 */
public final class NccoRules {

    private static final Schema SCHEMA = load();
    private static final Set<String> INPUT_TYPES = Set.of("dtmf", "speech");
    /** The SSML elements Vonage's text-to-speech reads. */
    private static final Set<String> SSML_ELEMENTS = Set.of("speak", "break", "emphasis", "lang", "p", "phoneme",
            "prosody", "s", "say-as", "sub");

    private NccoRules() {
    }

    public static List<String> problems(String ncco) {
        var problems = new ArrayList<String>();
        SCHEMA.validate(ncco, InputFormat.JSON).forEach(e -> problems.add("schema: " + e.getMessage()));
        JsonArray actions;
        try (var reader = Json.createReader(new StringReader(ncco))) {
            actions = reader.readArray();
        } catch (RuntimeException e) {
            problems.add("not a JSON array");
            return problems;
        }
        boolean bargeIn = false;
        for (int i = 0; i < actions.size(); i++) {
            var action = actions.getJsonObject(i);
            var kind = action.getString("action", "");
            if (kind.equals("talk")) {
                var text = action.getString("text", "");
                if (text.replaceAll("<[^>]*>", "").length() > 1500) {
                    problems.add(i + ": talk text longer than 1500 characters outside SSML");
                }
                if (text.startsWith("<speak>") != text.endsWith("</speak>")) {
                    problems.add(i + ": SSML not wrapped in <speak>…</speak>");
                } else if (text.startsWith("<speak>")) {
                    var at = i;
                    ssmlProblem(text).ifPresent(problem -> problems.add(at + ": " + problem));
                }
                bargeIn = bargeIn || action.getBoolean("bargeIn", false);
            } else if (kind.equals("input")) {
                checkInput(i, action, problems);
                bargeIn = false;
            } else if (bargeIn) {
                problems.add(i + ": a talk with bargeIn must be followed by an input");
            }
        }
        if (bargeIn) {
            problems.add("a talk with bargeIn is not followed by an input");
        }
        return problems;
    }

    /**
     * One SSML document: well-formed XML (no DTD) whose elements are all SSML elements Vonage speaks, so that text
     * taken from users cannot have turned into markup; empty when it is fine.
     */
    public static java.util.Optional<String> ssmlProblem(String text) {
        org.w3c.dom.Document document;
        try {
            document = ssml(text);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
        var elements = document.getElementsByTagName("*");
        for (int e = 0; e < elements.getLength(); e++) {
            var name = elements.item(e).getNodeName();
            if (!SSML_ELEMENTS.contains(name) || (e > 0 && name.equals("speak"))) {
                return java.util.Optional.of("SSML holds an element <" + name + ">");
            }
        }
        return java.util.Optional.empty();
    }

    /** A talk action's SSML parsed as XML (no DTD, no entity expansion); IllegalArgumentException if malformed. */
    public static org.w3c.dom.Document ssml(String text) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new org.xml.sax.InputSource(new StringReader(text)));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new IllegalArgumentException("SSML is not well-formed XML (" + e.getMessage() + ")", e);
        }
    }

    private static void checkInput(int i, JsonObject input, List<String> problems) {
        var type = input.get("type");
        if (!(type instanceof JsonArray types) || types.isEmpty()
                || !types.stream().allMatch(t -> t instanceof JsonString s && INPUT_TYPES.contains(s.getString()))) {
            problems.add(i + ": input type must be a non-empty array of dtmf/speech");
        }
        var dtmf = input.getJsonObject("dtmf");
        if (dtmf != null) {
            int maxDigits = dtmf.containsKey("maxDigits") ? ((JsonNumber) dtmf.get("maxDigits")).intValue() : 4;
            if (maxDigits < 1 || maxDigits > 20) {
                problems.add(i + ": dtmf.maxDigits outside 1-20");
            }
            if (dtmf.containsKey("timeOut")) {
                double timeOut = ((JsonNumber) dtmf.get("timeOut")).doubleValue();
                if (timeOut < 0 || timeOut > 10) {
                    problems.add(i + ": dtmf.timeOut outside 0-10");
                }
            }
        }
        var urls = input.getJsonArray("eventUrl");
        if (urls == null || urls.size() != 1) {
            problems.add(i + ": input needs exactly one eventUrl of ours");
        }
    }

    private static Schema load() {
        try (var in = NccoRules.class.getResourceAsStream("vonage/ncco-schema.json")) {
            if (in == null) {
                throw new IllegalStateException("dev/landline/testkit/vonage/ncco-schema.json is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
