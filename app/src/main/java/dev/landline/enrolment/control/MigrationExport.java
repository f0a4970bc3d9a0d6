package dev.landline.enrolment.control;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.InvalidOtpInput;
import dev.landline.codes.control.OtpAuthUri;
import dev.landline.codes.control.OtpParameters;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;

/**
 * Reads one QR code of Google Authenticator's "Transfer accounts" export,
 * {@code otpauth-migration://offline?data=<Base64 of a MigrationPayload>} (schema in {@code src/main/proto}).
 * <ul>
 * <li>{@code data} may be percent-encoded (as Google writes it) or not; standard and URL-safe Base64 are read,
 * with or without padding.</li>
 * <li>Unspecified values mean what Google Authenticator means: SHA1, 6 digits, TOTP. Every account has a 30 second
 * period (the payload has no period). MD5 and values this schema does not know are refused.</li>
 * <li>If {@code issuer} is empty and the name has a colon, the part before it is the issuer; a name that repeats
 * the issuer as a prefix ("GitHub:ada" with issuer "GitHub") loses the prefix.</li>
 * <li>{@code batch_size} 0 is read as 1; the index must be inside the batch. At most {@value #MAX_ACCOUNTS}
 * accounts and {@value #MAX_ACCOUNTS} QR codes.</li>
 * </ul>
 * Messages name the account by its position, issuer and name, never its secret or the payload.
 */
public final class MigrationExport {

    /** Longest URI (or QR code text) read; a QR code holds at most about 4,300 characters. */
    public static final int MAX_URI_LENGTH = 8192;
    /** Most accounts in one export (Google Authenticator puts about 10 in a QR code). */
    public static final int MAX_ACCOUNTS = 100;
    private static final String SCHEME = "otpauth-migration:";

    private MigrationExport() {
    }

    static boolean isExport(String uri) {
        return uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    static Scan.ExportPart read(String uri) {
        var payload = payload(data(uri));
        int count = payload.getOtpParametersCount();
        if (count == 0) {
            throw corrupt("it holds no accounts");
        }
        if (count > MAX_ACCOUNTS) {
            throw EnrolmentRefused.invalid("uri", "the export holds " + count + " accounts; at most "
                    + MAX_ACCOUNTS + " can be imported at once");
        }
        int size = payload.getBatchSize() == 0 ? 1 : payload.getBatchSize();
        int index = payload.hasBatchIndex() ? payload.getBatchIndex() : 0;
        if (size < 0 || size > MAX_ACCOUNTS) {
            throw corrupt("it says the export has " + size + " QR codes");
        }
        if (index < 0 || index >= size) {
            throw corrupt("it says it is QR code " + (index + 1) + " of " + size);
        }
        var keys = new ArrayList<OtpAuthUri>(count);
        for (int i = 0; i < count; i++) {
            keys.add(account(payload.getOtpParameters(i), i + 1));
        }
        return new Scan.ExportPart(payload.getBatchId(), size, index, keys);
    }

    private static String data(String uri) {
        var rest = uri.substring(SCHEME.length());
        int question = rest.indexOf('?');
        var where = (question < 0 ? rest : rest.substring(0, question)).replaceFirst("^//", "");
        if (!where.equalsIgnoreCase("offline")) {
            throw corrupt("it must start with otpauth-migration://offline?data=");
        }
        String data = null;
        for (var pair : (question < 0 ? "" : rest.substring(question + 1)).split("&")) {
            if (pair.startsWith("data=")) {
                if (data != null) {
                    throw corrupt("it gives the data parameter twice");
                }
                data = pair.substring(5);
            }
        }
        if (data == null || data.isEmpty()) {
            throw corrupt("it has no data parameter");
        }
        return data;
    }

    private static MigrationPayload payload(String data) {
        byte[] bytes;
        try {
            var base64 = percentDecoded(data).replace(' ', '+').replace('-', '+').replace('_', '/')
                    .replace("=", "");
            bytes = Base64.getDecoder().decode(base64 + "==".substring(0, (4 - base64.length() % 4) % 4 % 3));
        } catch (IllegalArgumentException e) {
            throw corrupt("its data is not Base64");
        }
        try {
            return MigrationPayload.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw corrupt("its data is not a Google Authenticator export");
        }
    }

    /** %XX sequences only: a literal '+' stays a '+', since it belongs to the Base64 alphabet. */
    private static String percentDecoded(String text) {
        var out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 128) {
                out.write(c);
            } else {
                throw new IllegalArgumentException("not ASCII");
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static OtpAuthUri account(MigrationPayload.OtpParameters p, int number) {
        var issuer = p.getIssuer().strip();
        var name = p.getName().strip();
        int colon = name.indexOf(':');
        if (issuer.isEmpty() && colon >= 0) {
            issuer = name.substring(0, colon).strip();
            name = name.substring(colon + 1).strip();
        } else if (!issuer.isEmpty() && colon >= 0 && name.substring(0, colon).strip().equals(issuer)) {
            name = name.substring(colon + 1).strip();
        }
        if (name.isEmpty()) {
            name = issuer;
        }
        var who = "account " + number + (issuer.isEmpty() && name.isEmpty() ? "" : " (" + describe(issuer, name) + ")")
                + " of the export";
        try {
            return new OtpAuthUri(issuer, name, p.getSecret().toByteArray(), parameters(p));
        } catch (InvalidOtpInput e) {
            throw new InvalidOtpInput(e.field(), who + ": " + e.getMessage());
        }
    }

    private static String describe(String issuer, String name) {
        var text = issuer.isEmpty() || issuer.equals(name) ? name : issuer + ": " + name;
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static OtpParameters parameters(MigrationPayload.OtpParameters p) {
        var algorithm = switch (p.getAlgorithm()) {
            case ALGORITHM_UNSPECIFIED, ALGORITHM_SHA1 -> Algorithm.SHA1;
            case ALGORITHM_SHA256 -> Algorithm.SHA256;
            case ALGORITHM_SHA512 -> Algorithm.SHA512;
            case ALGORITHM_MD5 -> throw new InvalidOtpInput("algorithm",
                    "MD5 is not supported; the algorithm must be SHA1, SHA256 or SHA512");
            case UNRECOGNIZED -> throw new InvalidOtpInput("algorithm",
                    "unknown algorithm number " + p.getAlgorithmValue() + "; it must be SHA1, SHA256 or SHA512");
        };
        int digits = switch (p.getDigits()) {
            case DIGIT_COUNT_UNSPECIFIED, DIGIT_COUNT_SIX -> 6;
            case DIGIT_COUNT_EIGHT -> 8;
            case UNRECOGNIZED -> throw new InvalidOtpInput("digits",
                    "unknown digit count number " + p.getDigitsValue() + "; codes have 6 or 8 digits");
        };
        return switch (p.getType()) {
            case OTP_TYPE_UNSPECIFIED, OTP_TYPE_TOTP -> OtpParameters.totp(algorithm, digits,
                    OtpParameters.DEFAULT_PERIOD);
            case OTP_TYPE_HOTP -> OtpParameters.hotp(algorithm, digits, p.getCounter());
            case UNRECOGNIZED -> throw new InvalidOtpInput("type",
                    "unknown OTP type number " + p.getTypeValue() + "; it must be TOTP or HOTP");
        };
    }

    private static EnrolmentRefused corrupt(String why) {
        return EnrolmentRefused.invalid("uri", "the Google Authenticator export is corrupt: " + why);
    }
}
