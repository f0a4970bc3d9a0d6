package dev.landline.signatures.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryJsonTest {

    @Test
    void keepsTheParametersInTheOrderReceivedWithoutWhitespace() {
        assertEquals("{\"uuid\":\"call-1\",\"conversation_uuid\":\"CON-1\","
                + "\"from\":\"447700900123\",\"to\":\"442079460000\"}",
                QueryJson.of("uuid=call-1&conversation_uuid=CON-1&from=447700900123&to=442079460000"));
        assertEquals("{\"to\":\"1\",\"from\":\"2\"}", QueryJson.of("to=1&from=2"));
    }

    @Test
    void decodesValuesAsAFormDoes() {
        assertEquals("{\"from\":\"+44 7700\",\"region_url\":\"https://api-eu-1.vonage.com\"}",
                QueryJson.of("from=%2B44+7700&region_url=https%3A%2F%2Fapi-eu-1.vonage.com"));
        assertEquals("{\"name\":\"Zoë\"}", QueryJson.of("name=Zo%C3%AB"));
    }

    @Test
    void noQueryIsAnEmptyObject() {
        assertEquals("{}", QueryJson.of(null));
        assertEquals("{}", QueryJson.of(""));
        assertEquals("{}", QueryJson.of("&&"));
    }

    @Test
    void aNameWithoutAValueIsAnEmptyString() {
        assertEquals("{\"a\":\"\",\"b\":\"\",\"c\":\"x=y\"}", QueryJson.of("a&b=&c=x=y"));
    }

    @Test
    void aRepeatedNameKeepsItsFirstPlaceAndTakesTheLastValue() {
        assertEquals("{\"a\":\"3\",\"b\":\"2\"}", QueryJson.of("a=1&b=2&a=3"));
    }

    @Test
    void escapesAsJavaScriptsJsonStringifyDoes() {
        // JSON.stringify({q: "\"\\/\b\f\n\r\t\u0001\u001f é"}) === '{"q":"\"\\/\b\f\n\r\t\u0001\u001f é"}'
        assertEquals("{\"q\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f é\"}",
                QueryJson.of("q=%22%5C%2F%08%0C%0A%0D%09%01%1F+%C3%A9"));
    }

    @Test
    void aBrokenEscapeIsKeptAsSent() {
        assertEquals("{\"a\":\"%zz\"}", QueryJson.of("a=%zz"));
    }

    @Test
    void aQueryPayloadIsTheUtf8OfItsJsonAndItsHashIsOptional() {
        var payload = Payload.query("name=Zo%C3%AB");
        assertEquals("{\"name\":\"Zoë\"}", new String(payload.bytes(), StandardCharsets.UTF_8));
        assertFalse(payload.hashRequired());
        assertTrue(Payload.body(new byte[0]).hashRequired());
    }
}
