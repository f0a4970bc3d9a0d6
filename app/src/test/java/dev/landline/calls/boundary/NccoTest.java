package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.calls.control.Phrasebook;
import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.Reply;
import dev.landline.calls.control.Speech;
import dev.landline.testkit.NccoRules;
import jakarta.json.Json;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NCCOs we render, written by {@link NccoWriter} as the server writes them, are valid for Vonage, and are the
 * documents JSON-B (which wrote them before) would write.
 */
class NccoTest {

    private static final Phrasebook ENGLISH = Prompts.in("en-GB");

    /** Its generic type is the one the resource methods declare, {@code List<Ncco.Action>}. */
    private static List<Ncco.Action> typed;

    private static List<Ncco.Action> actions(Reply reply) {
        return Ncco.of(reply, token -> URI.create("https://example.com/webhooks/input/" + token));
    }

    private static String json(Reply reply) {
        return new String(NccoWriter.json(actions(reply)), StandardCharsets.UTF_8);
    }

    private static Type declared() throws NoSuchFieldException {
        return NccoTest.class.getDeclaredField("typed").getGenericType();
    }

    @Test
    void theWriterWritesTheDocumentJsonBindingWouldWrite() throws Exception {
        var replies = List.of(
                new Reply("en-GB", List.of(ENGLISH.welcome().then(ENGLISH.askPin())),
                        new Reply.Listen(12, true, 10, "t".repeat(43))),
                new Reply("de-DE", List.of(Speech.text("Straße \"Ä\" <b> & \\ \u2028 \u0001"), ENGLISH.afterCode(true)),
                        new Reply.Listen(1, false, 7, "u".repeat(43))),
                new Reply("en-GB", List.of(ENGLISH.goodbye()), null));
        try (var jsonb = JsonbBuilder.create()) {
            for (var reply : replies) {
                var ours = Json.createReader(new StringReader(json(reply))).readValue();
                var binder = Json.createReader(new StringReader(jsonb.toJson(actions(reply), declared()))).readValue();
                assertEquals(binder, ours);
            }
        }
    }

    @Test
    void theWriterTakesNccosOnly() throws Exception {
        var writer = new NccoWriter();
        assertTrue(writer.isWriteable(ArrayList.class, declared(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        var answer = VonageWebhooksResource.class.getMethod("answer", String.class, String.class, String.class,
                String.class, UriInfo.class);
        assertTrue(writer.isWriteable(ArrayList.class, answer.getGenericReturnType(), new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE), "the answer's declared type");
        var input = VonageWebhooksResource.class.getMethod("input", String.class, InputStream.class, UriInfo.class);
        assertTrue(writer.isWriteable(ArrayList.class, input.getGenericReturnType(), new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE), "a step's declared type: it may complete on another thread");
        assertFalse(writer.isWriteable(ArrayList.class, ArrayList.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE), "a list of unknown elements");
        assertFalse(writer.isWriteable(ArrayList.class, NccoTest.class.getDeclaredField("strings").getGenericType(),
                new Annotation[0], MediaType.APPLICATION_JSON_TYPE), "a list of something else");
    }

    /** A list that is not an NCCO. */
    private static List<String> strings;

    @Test
    void aPromptWithInputIsValidAndLetsTheCallerTypeDuringThePrompt() {
        var reply = new Reply("en-GB", List.of(ENGLISH.welcome().then(ENGLISH.askPin())),
                new Reply.Listen(12, true, 10, "t".repeat(43)));
        var ncco = json(reply);
        assertEquals(List.of(), NccoRules.problems(ncco), ncco);
        assertTrue(ncco.contains("\"bargeIn\":true"), ncco);
        assertTrue(ncco.contains("\"eventUrl\":[\"https://example.com/webhooks/input/" + "t".repeat(43) + "\"]"), ncco);
        assertTrue(ncco.contains("\"type\":[\"dtmf\"]") && ncco.contains("\"maxDigits\":12"), ncco);
    }

    @Test
    void aCodeFollowedByAChoiceKeepsTheCodeUninterruptible() {
        var reply = new Reply("en-US", List.of(Speech.text("GitHub. Your code is 1 2 3."), ENGLISH.afterCode(true)),
                new Reply.Listen(1, false, 10, "t".repeat(43)));
        var ncco = json(reply);
        assertEquals(List.of(), NccoRules.problems(ncco), ncco);
        assertEquals(1, ncco.split("bargeIn", -1).length - 1, "only the last talk may be interrupted: " + ncco);
    }

    @Test
    void aGoodbyeHasNoInputAndNoBargeIn() {
        var ncco = json(new Reply("en-GB", List.of(ENGLISH.goodbye()), null));
        assertEquals(List.of(), NccoRules.problems(ncco), ncco);
        assertFalse(ncco.contains("input") || ncco.contains("bargeIn"), ncco);
    }

    @Test
    void theRulesCatchWhatTheSchemaMisses() {
        assertFalse(NccoRules.problems("[{\"action\":\"input\",\"eventUrl\":[\"https://x/y\"]}]").isEmpty(),
                "input without type");
        assertFalse(NccoRules.problems("[{\"action\":\"input\",\"type\":[\"dtmf\"],\"dtmf\":{\"maxDigits\":21},"
                + "\"eventUrl\":[\"https://x/y\"]}]").isEmpty(), "maxDigits 21");
        assertFalse(NccoRules.problems("[{\"action\":\"talk\",\"text\":\"" + "a".repeat(1501) + "\"}]").isEmpty());
        assertFalse(NccoRules.problems("[{\"action\":\"talk\",\"text\":\"hi\",\"bargeIn\":true}]").isEmpty());
        assertFalse(NccoRules.problems("[]").isEmpty(), "the schema wants at least one action");
        assertFalse(NccoRules.problems(talk("<speak>For <img src=x onerror=alert(1)/>, press 1.</speak>")).isEmpty(),
                "an element that is not SSML");
        assertFalse(NccoRules.problems(talk("<speak>For A</speak><break time='10s'/><speak>x</speak>")).isEmpty(),
                "not one well-formed document");
        assertFalse(NccoRules.problems(talk("<speak>For <speak>A</speak></speak>")).isEmpty(), "a nested speak");
        assertFalse(NccoRules.problems(talk("<speak>For A & B</speak>")).isEmpty(), "an unescaped ampersand");
        assertEquals(List.of(), NccoRules.problems(talk("<speak>For &lt;img src=x&gt; &amp; &apos;B&apos;, press 1."
                + " <say-as interpret-as='digits'>123456</say-as><break time='1s'/></speak>")));
        assertFalse(NccoRules.problems("[{\"action\":\"talk\",\"text\":\"hi\",\"language\":\"xx-XX\"}]").isEmpty());
    }

    private static String talk(String ssml) {
        return jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder().add("action", "talk")
                .add("text", ssml)).build().toString();
    }
}
