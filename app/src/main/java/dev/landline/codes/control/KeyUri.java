package dev.landline.codes.control;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes Google's Key URI format,
 * {@code otpauth://TYPE/[ISSUER:]ACCOUNT?secret=…&issuer=…&algorithm=…&digits=…&period=…&counter=…}.
 * <ul>
 * <li>Scheme and type are read case-insensitively; parameter names are lower case, as the format defines them,
 * and unknown parameters are ignored. A known parameter given twice is an error (which secret would be meant?).</li>
 * <li>The label's issuer prefix ends at the first colon, literal or {@code %3A}; spaces around both parts are
 * dropped. {@code +} decodes to a space in the label and in values (see {@link PercentEncoding}). {@code #} has
 * no special meaning: these URIs have no fragment.</li>
 * <li>The {@code issuer} parameter wins over the label prefix. The format only says both "should be equal"; when
 * they differ we keep the parameter, because newer Google Authenticator versions use it and because the prefix is
 * often just a display name an exporter glued onto the label.</li>
 * <li>{@code hotp} needs {@code counter}; {@code totp} ignores it, and {@code hotp} ignores {@code period}.</li>
 * </ul>
 * Every problem is an {@link InvalidOtpInput} naming the field; no message quotes the URI or the secret.
 */
public final class KeyUri {

    static final int MAX_LENGTH = 8192;
    private static final String SCHEME = "otpauth://";
    private static final Set<String> KNOWN = Set.of("secret", "issuer", "algorithm", "digits", "period", "counter");

    private KeyUri() {
    }

    public static OtpAuthUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidOtpInput("uri", "an otpauth:// URI is required");
        }
        var uri = text.strip();
        if (uri.length() > MAX_LENGTH) {
            throw new InvalidOtpInput("uri", "the URI is longer than " + MAX_LENGTH + " characters");
        }
        if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidOtpInput("uri", uri.regionMatches(true, 0, "otpauth-migration:", 0, 18)
                    ? "this is a Google Authenticator export (otpauth-migration), not the URI of one account"
                    : "the URI must start with otpauth://");
        }
        var rest = uri.substring(SCHEME.length());
        int question = rest.indexOf('?');
        var path = question < 0 ? rest : rest.substring(0, question);
        int slash = path.indexOf('/');
        if (slash < 0) {
            throw new InvalidOtpInput("uri", "the URI needs a type and a label: otpauth://TYPE/LABEL?secret=…");
        }
        var type = type(path.substring(0, slash));
        var label = PercentEncoding.decode(path.substring(slash + 1), "label");
        var values = parameters(question < 0 ? "" : rest.substring(question + 1));

        var secret = values.get("secret");
        if (secret == null) {
            throw new InvalidOtpInput("secret", "the URI has no secret parameter");
        }
        int colon = label.indexOf(':');
        var prefix = colon < 0 ? null : label.substring(0, colon);
        var issuer = values.get("issuer");
        return new OtpAuthUri(issuer == null || issuer.isBlank() ? prefix : issuer,
                label.substring(colon + 1), Base32.decode(secret), otpParameters(type, values));
    }

    /** A canonical URI for these values, which {@link #parse} reads back to the same values. */
    public static String format(String issuer, String accountName, byte[] secret, OtpParameters parameters) {
        return format(new OtpAuthUri(issuer, accountName, secret, parameters));
    }

    /**
     * The issuer goes into the label prefix and the {@code issuer} parameter, as the format recommends; an issuer
     * with a colon can only go into the parameter. An account name with a colon needs the prefix before it, or it
     * would be read back as one.
     */
    public static String format(OtpAuthUri key) {
        boolean prefixed = key.issuer() != null && key.issuer().indexOf(':') < 0;
        if (!prefixed && key.accountName().indexOf(':') >= 0) {
            throw new InvalidOtpInput("label", "an account name with a colon needs an issuer without one");
        }
        var p = key.parameters();
        var uri = new StringBuilder(SCHEME).append(p.type().name().toLowerCase(Locale.ROOT)).append('/');
        if (prefixed) {
            uri.append(PercentEncoding.encode(key.issuer())).append(':');
        }
        uri.append(PercentEncoding.encode(key.accountName())).append("?secret=").append(Base32.encode(key.secret()));
        if (key.issuer() != null) {
            uri.append("&issuer=").append(PercentEncoding.encode(key.issuer()));
        }
        uri.append("&algorithm=").append(p.algorithm().name()).append("&digits=").append(p.digits());
        return (p.type() == OtpType.TOTP ? uri.append("&period=").append(p.period())
                : uri.append("&counter=").append(p.counter())).toString();
    }

    private static OtpType type(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "totp" -> OtpType.TOTP;
            case "hotp" -> OtpType.HOTP;
            default -> throw new InvalidOtpInput("type", "the type must be totp or hotp");
        };
    }

    private static Map<String, String> parameters(String query) {
        var values = new HashMap<String, String>();
        for (var pair : query.split("&")) {
            int equals = pair.indexOf('=');
            var name = equals < 0 ? pair : pair.substring(0, equals);
            if (KNOWN.contains(name)) {
                var value = PercentEncoding.decode(equals < 0 ? "" : pair.substring(equals + 1), name);
                if (values.put(name, value) != null) {
                    throw new InvalidOtpInput(name, "the URI gives the " + name + " parameter twice");
                }
            }
        }
        return values;
    }

    private static OtpParameters otpParameters(OtpType type, Map<String, String> values) {
        var algorithm = values.containsKey("algorithm") ? Algorithm.parse(values.get("algorithm")) : Algorithm.SHA1;
        int digits = values.containsKey("digits") ? (int) number(values.get("digits"), "digits", 99) : 6;
        if (type == OtpType.HOTP) {
            if (!values.containsKey("counter")) {
                throw new InvalidOtpInput("counter", "an hotp URI needs its counter parameter");
            }
            return OtpParameters.hotp(algorithm, digits, number(values.get("counter"), "counter", Long.MAX_VALUE));
        }
        int period = values.containsKey("period") ? (int) number(values.get("period"), "period", 99_999) : 30;
        return OtpParameters.totp(algorithm, digits, period);
    }

    /** A non-negative decimal of ASCII digits only (the JDK parsers also take signs and non-ASCII digits). */
    private static long number(String text, String field, long max) {
        var digits = text.strip();
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidOtpInput(field, "the " + field + " parameter must be a whole number");
        }
        try {
            long value = Long.parseLong(digits);
            if (value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLarge) {
            // 19 digits above Long.MAX_VALUE: reported below
        }
        throw new InvalidOtpInput(field, "the " + field + " parameter is far too large");
    }
}
