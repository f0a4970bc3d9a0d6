package dev.landline.calls.boundary;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Writes an NCCO ({@code List<Ncco.Action>}, as the webhook methods declare it) with JSON-P's streaming generator.
 * Its few shapes are fixed, so no general binder has to work them out by reflection on every reply (issue 15: JSON-B
 * was about 6 % of the answer webhook's request time). Fields that are null are left out, as JSON-B leaves them out.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class NccoWriter implements MessageBodyWriter<List<Ncco.Action>> {

    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    /**
     * A list declared as {@code List<Ncco.Action>}; for a step that completes later, Jersey passes the method's
     * declared {@code CompletionStage<List<Ncco.Action>>}.
     */
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return List.class.isAssignableFrom(type) && ncco(genericType);
    }

    private static boolean ncco(Type type) {
        if (!(type instanceof ParameterizedType declared) || declared.getActualTypeArguments().length != 1) {
            return false;
        }
        var argument = declared.getActualTypeArguments()[0];
        if (declared.getRawType() == CompletionStage.class) {
            return ncco(argument);
        }
        return declared.getRawType() instanceof Class<?> raw && List.class.isAssignableFrom(raw)
                && argument == Ncco.Action.class;
    }

    @Override
    public void writeTo(List<Ncco.Action> actions, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        entity.write(json(actions));
    }

    /**
     * The NCCO as UTF-8 JSON. The generator writes to a {@link StringWriter}, not to a byte stream: given an
     * {@code OutputStream}, JSON-P wraps it in a new {@code OutputStreamWriter} with an 8 KB buffer of its own, about a
     * tenth of all an answer allocates (issue 15, docs/benchmarks.md); the answer's own NCCO is 367 bytes.
     */
    static byte[] json(List<Ncco.Action> actions) {
        var buffer = new StringWriter(512);
        try (var json = JSON.createGenerator(buffer)) {
            json.writeStartArray();
            for (var action : actions) {
                if (action instanceof Ncco.Talk talk) {
                    write(talk, json);
                } else if (action instanceof Ncco.Input input) {
                    write(input, json);
                }
            }
            json.writeEnd();
        }
        return buffer.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Ncco.Talk talk, JsonGenerator json) {
        json.writeStartObject();
        text(json, "action", talk.action());
        text(json, "text", talk.text());
        text(json, "language", talk.language());
        if (talk.bargeIn() != null) {
            json.write("bargeIn", talk.bargeIn());
        }
        json.writeEnd();
    }

    private static void write(Ncco.Input input, JsonGenerator json) {
        json.writeStartObject();
        text(json, "action", input.action());
        texts(json, "type", input.type());
        if (input.dtmf() != null) {
            json.writeStartObject("dtmf")
                    .write("maxDigits", input.dtmf().maxDigits())
                    .write("submitOnHash", input.dtmf().submitOnHash())
                    .write("timeOut", input.dtmf().timeOut())
                    .writeEnd();
        }
        texts(json, "eventUrl", input.eventUrl());
        text(json, "eventMethod", input.eventMethod());
        json.writeEnd();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void texts(JsonGenerator json, String name, List<String> values) {
        if (values != null) {
            json.writeStartArray(name);
            values.forEach(json::write);
            json.writeEnd();
        }
    }
}
