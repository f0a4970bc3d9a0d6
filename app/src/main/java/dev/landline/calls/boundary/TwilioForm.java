package dev.landline.calls.boundary;

import dev.landline.calls.control.IncomingCall;
import dev.landline.calls.control.KeyPresses;
import dev.landline.problems.boundary.BadRequest;
import dev.landline.problems.boundary.PayloadTooLarge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Twilio's webhook parameters strictly, from a form body ({@code application/x-www-form-urlencoded}, at most
 * {@value #MAX_BYTES} bytes) or a GET's query: percent-decoded as UTF-8 (a malformed escape or byte sequence is
 * refused), each name at most once (what is read must be what was signed), {@code CallSid} required and shaped like
 * a call id, the fields used no longer than {@link WebhookReader}'s. Every other parameter is ignored. Anything else
 * is a {@link BadRequest} naming the field, never echoing a value. {@code Digits} become {@link KeyPresses} by the
 * same rules as Vonage's. A caller is never refused for the shape of {@code From} or {@code To}: one longer than
 * {@value #MAX_PARTY_CHARS} characters (a long {@code client:} identity, a SIP URI with parameters), and Twilio's
 * stand-ins for a withheld caller ID, are withheld.
 */
final class TwilioForm {

    static final int MAX_BYTES = WebhookReader.MAX_BYTES;
    /** The longest {@code From} or {@code To} kept, as Vonage's; a longer one is withheld. */
    static final int MAX_PARTY_CHARS = 64;
    /**
     * The numbers Twilio puts in {@code From} when the caller ID is withheld (Anonymous, Restricted, Blocked,
     * Unknown, Unavailable), as listed in Twilio's support article on anonymous caller IDs: withheld, so that these
     * callers share the withheld callers' limits instead of all of them looking like a handful of real numbers.
     */
    static final Set<String> WITHHELD_STAND_INS = Set.of("+266696687", "+7378742833", "+2562533", "+8656696",
            "+86282452253");
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private final Map<String, String> parameters;

    private TwilioForm(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    /** A POST's form body. */
    static TwilioForm body(InputStream body) {
        return parse(read(body), "body");
    }

    /** A GET's raw (still percent-encoded) query; null for none. */
    static TwilioForm query(String rawQuery) {
        if (rawQuery != null && rawQuery.length() > MAX_BYTES) {
            throw new BadRequest("query", "longer than " + MAX_BYTES + " characters");
        }
        return parse(rawQuery == null ? new byte[0] : rawQuery.getBytes(StandardCharsets.ISO_8859_1), "query");
    }

    /** {@code where} names the part of the request in a refusal ("body", "query"). */
    static TwilioForm parse(byte[] raw, String where) {
        var parameters = new HashMap<String, String>();
        int start = 0;
        while (start <= raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '&') {
                end++;
            }
            if (end > start) {
                int equals = start;
                while (equals < end && raw[equals] != '=') {
                    equals++;
                }
                var name = decode(raw, start, equals, where);
                var value = equals < end ? decode(raw, equals + 1, end, where) : "";
                if (parameters.put(name, value) != null) {
                    throw new BadRequest(where, "a parameter is named more than once");
                }
            }
            start = end + 1;
        }
        return new TwilioForm(parameters);
    }

    /**
     * The call that came in; a {@code From} or {@code To} that is empty, longer than {@value #MAX_PARTY_CHARS}
     * characters, or (a {@code From}) one of Twilio's {@linkplain #WITHHELD_STAND_INS stand-ins for a withheld caller
     * ID} is none (withheld).
     */
    IncomingCall incomingCall() {
        var from = party("From");
        return new IncomingCall(callSid(), null, from != null && WITHHELD_STAND_INS.contains(from) ? null : from,
                party("To"));
    }

    /** What was typed: no {@code Digits} (a {@code <Redirect>} after a timeout) or empty ones are nothing typed. */
    KeyPresses keyPresses() {
        var sid = callSid();
        return WebhookReader.keyPresses(sid, limited("Digits", 64));
    }

    /** The call's new status (null when not given). */
    WebhookReader.StatusEvent statusEvent() {
        return new WebhookReader.StatusEvent(callSid(), optional("CallStatus", 32));
    }

    private String callSid() {
        var sid = parameters.get("CallSid");
        if (sid == null || sid.isEmpty()) {
            throw new BadRequest("CallSid", "the call's CallSid is required");
        }
        if (!CALL_SID.matcher(sid).matches()) {
            throw new BadRequest("CallSid", "not a call id");
        }
        return sid;
    }

    /** A caller's or callee's address as sent, or null when none or too long to keep. */
    private String party(String field) {
        var value = parameters.get(field);
        return value == null || value.isEmpty() || value.length() > MAX_PARTY_CHARS ? null : value;
    }

    private String optional(String field, int max) {
        var value = limited(field, max);
        return value == null || value.isEmpty() ? null : value;
    }

    private String limited(String field, int max) {
        var value = parameters.get(field);
        if (value != null && value.length() > max) {
            throw new BadRequest(field, "longer than " + max + " characters");
        }
        return value;
    }

    /** {@code +} is a space, {@code %XX} a byte; the bytes must be UTF-8. */
    private static String decode(byte[] raw, int from, int to, String where) {
        var bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            var b = raw[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new BadRequest(where, "not form-encoded: an incomplete percent escape");
                }
                int high = Character.digit(raw[i + 1], 16);
                int low = Character.digit(raw[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new BadRequest(where, "not form-encoded: a malformed percent escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest(where, "not UTF-8");
        }
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            var bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                PayloadTooLarge.drain(body);
                throw new PayloadTooLarge(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequest("body", "could not be read");
        }
    }

    /** Never a value: {@code Digits} are a PIN or an account number. */
    @Override
    public String toString() {
        return "TwilioForm[" + parameters.size() + " parameters]";
    }
}
