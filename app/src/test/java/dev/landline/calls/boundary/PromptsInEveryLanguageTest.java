package dev.landline.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.accounts.control.Languages;
import dev.landline.calls.control.Phrasebook;
import dev.landline.calls.control.Prompts;
import dev.landline.calls.control.ReadoutPlan;
import dev.landline.calls.control.Reply;
import dev.landline.calls.control.Speech;
import dev.landline.testkit.CodesHeard;
import dev.landline.testkit.NccoRules;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prompt in every language, with hostile names from users, rendered as the NCCO and the TwiML the server
 * sends: valid for Vonage (schema, SSML, length) and Twilio (one plain-text Say in the caller's language, within the
 * length its voices take), names escaped, the code heard where it is read and nowhere else.
 */
class PromptsInEveryLanguageTest {

    /** Its generic type is the one the resource methods declare. */
    private static List<Ncco.Action> typed;

    /** 60 characters, the longest name spoken, trying markup, an entity, quotes and a bidi override. */
    private static final String NAME = "<break time='10s'/>Evil & \"Co\" \u202Eknab\u202C"
            + "x".repeat(60 - "<break time='10s'/>Evil & \"Co\" \u202Eknab\u202C".length());
    private static final String CODE = "08180472";

    static List<String> languages() {
        return Languages.offered();
    }

    /** Everything a caller can hear, by what it is. */
    private static Map<String, Speech> everything(Phrasebook say) {
        var all = new LinkedHashMap<String, Speech>();
        all.put("welcome + account number", say.welcome().then(say.askAccountNumber()));
        all.put("welcome + PIN", say.welcome().then(say.askPin()));
        all.put("not recognised", say.notRecognised());
        all.put("wrong PINs 1", say.wrongPinsSinceLastCall(1));
        all.put("wrong PINs 23", say.wrongPinsSinceLastCall(23));
        all.put("too many failures", say.tooManyFailures());
        all.put("nothing heard + goodbye", say.nothingHeard().then(say.goodbye()));
        all.put("not an option", say.notAnOption());
        all.put("no accounts", say.noAccounts());
        all.put("unavailable", say.unavailable());
        all.put("try later", say.tryLater());
        var names = new ArrayList<String>();
        for (int i = 0; i < 9; i++) {
            names.add(NAME);
        }
        all.put("menu of nine, paged", say.menu(names, true));
        all.put("code", say.code(NAME, CODE, ReadoutPlan.at(Instant.ofEpochSecond(10), 30, 7)));
        all.put("next code", say.code(NAME, CODE, ReadoutPlan.at(Instant.ofEpochSecond(29), 30, 7)));
        all.put("counter code", say.counterCode(NAME, CODE));
        all.put("after code, others", say.afterCode(true));
        all.put("after code, only", say.afterCode(false));
        return all;
    }

    private static String ncco(String voice, Speech speech) throws Exception {
        var reply = new Reply(voice, List.of(speech), new Reply.Listen(1, false, 10, "t".repeat(43)));
        var actions = Ncco.of(reply, token -> URI.create("https://example.com/webhooks/input/" + token));
        try (var jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(actions, PromptsInEveryLanguageTest.class.getDeclaredField("typed").getGenericType());
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyPromptRendersToTwimlWithItsLanguageNamesAsTextAndTheCodeOnlyWhereItIsRead(String voice)
            throws Exception {
        var say = Prompts.in(voice);
        for (var prompt : everything(say).entrySet()) {
            var what = voice + " " + prompt.getKey();
            var reply = new Reply(voice, List.of(prompt.getValue()), new Reply.Listen(1, false, 10, "t".repeat(43)));
            var twiml = Twiml.of(reply, token -> URI.create("https://example.com/webhooks/twilio/gather/" + token),
                    Optional.empty());
            var says = NccoRules.ssml(twiml).getElementsByTagName("Say");
            assertEquals(1, says.getLength(), what + ": " + twiml);
            var element = (org.w3c.dom.Element) says.item(0);
            assertEquals(voice, element.getAttribute("language"), what);
            assertEquals(0, element.getElementsByTagName("*").getLength(), what + ": markup in a Say: " + twiml);
            var text = element.getTextContent();
            assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= 3000,
                    what + ": over Polly's 3000 bytes, the strictest of Twilio's voices");
            assertFalse(text.contains("{") || text.contains("}"), what + ": a placeholder left: " + text);
            boolean readsCode = prompt.getKey().contains("code") && !prompt.getKey().startsWith("after");
            assertEquals(readsCode ? 2 : 0, text.split("0, 8, 1, 8, 0, 4, 7, 2", -1).length - 1, what + ": " + text);
            assertEquals(readsCode, CodesHeard.said(Set.of(CODE), text).isPresent(), what);
            if (prompt.getKey().startsWith("menu") || readsCode) {
                assertTrue(text.contains("<break time='10s'/>Evil & \"Co\" knab"), what + ": " + text);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyPromptRendersToAValidNccoWithNamesEscapedAndTheCodeOnlyWhereItIsRead(String voice) throws Exception {
        var say = Prompts.in(voice);
        for (var prompt : everything(say).entrySet()) {
            var what = voice + " " + prompt.getKey();
            var ncco = ncco(voice, prompt.getValue());
            assertEquals(List.of(), NccoRules.problems(ncco), what + ": " + ncco);
            assertTrue(ncco.contains("\"language\":\"" + voice + "\""), what);
            var ssml = prompt.getValue().ssml();
            assertFalse(ssml.contains("<break") || ssml.matches("(?s).*[\u202A-\u202E\u2066-\u2069].*"), what);
            assertFalse(ssml.contains("{") || ssml.contains("}"), what + ": a placeholder left: " + ssml);
            boolean readsCode = prompt.getKey().contains("code") && !prompt.getKey().startsWith("after");
            assertEquals(readsCode ? 2 : 0,
                    ssml.split("<say-as interpret-as='digits'>" + CODE + "</say-as>", -1).length - 1, what);
            assertEquals(readsCode, CodesHeard.said(Set.of(CODE), ssml).isPresent(), what);
            if (prompt.getKey().startsWith("menu") || readsCode) {
                assertTrue(ssml.contains("&lt;break time=&apos;10s&apos;/&gt;Evil &amp; &quot;Co&quot;"), what);
            }
        }
    }
}
