package dev.landline.signatures.control;

import java.nio.charset.StandardCharsets;

/**
 * What a token's {@code payload_hash} covers: the raw body of a POST (the hash is then required), or for a GET
 * the query as {@link QueryJson ordered JSON} (the hash is then optional: Vonage calls checking it optional, and
 * the GET rule comes from a support article rather than the API reference).
 */
public record Payload(byte[] bytes, boolean hashRequired) {

    public static Payload body(byte[] raw) {
        return new Payload(raw.clone(), true);
    }

    public static Payload query(String rawQuery) {
        return new Payload(QueryJson.of(rawQuery).getBytes(StandardCharsets.UTF_8), false);
    }
}
