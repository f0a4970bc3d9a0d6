package dev.landline.signatures.control;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a GET webhook's query, checked before any resource reads it: each parameter at most once, and only
 * the fields Vonage documents for the answer webhook ({@code SipHeader_*} included). A repeated name is what lets a
 * signed query say one thing and be read as another: the token's {@code payload_hash} covers the JSON object Vonage
 * builds, where the last {@code from} wins, while JAX-RS reads the first. Names are compared decoded, as both read
 * them.
 */
public final class WebhookQuery {

    /** Vonage's answer webhook fields (see docs/telephony.md, section 1). */
    static final Set<String> FIELDS = Set.of("uuid", "conversation_uuid", "from", "to", "from_user", "region_url",
            "custom_data", "endpoint_type");
    static final String SIP_HEADER_PREFIX = "SipHeader_";

    private WebhookQuery() {
    }

    /** Empty when the query may be read; otherwise why not, fit for a log line and a problem (no value in it). */
    public static Optional<String> problem(String rawQuery) {
        var seen = new HashSet<String>();
        for (var parameter : QueryJson.parameters(rawQuery)) {
            var name = parameter.getKey();
            if (!expected(name)) {
                return Optional.of("an unexpected query parameter");
            }
            if (!seen.add(name)) {
                return Optional.of("a repeated query parameter");
            }
        }
        return Optional.empty();
    }

    private static boolean expected(String name) {
        return FIELDS.contains(name) || name.startsWith(SIP_HEADER_PREFIX) && name.length() > SIP_HEADER_PREFIX.length();
    }
}
