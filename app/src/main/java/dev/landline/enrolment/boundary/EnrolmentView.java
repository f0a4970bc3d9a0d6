package dev.landline.enrolment.boundary;

import dev.landline.codes.control.OtpType;
import dev.landline.enrolment.control.EnrolmentPreview;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A pending enrolment as the API shows it: never a secret. {@code batch} is null for a single {@code otpauth://}
 * account and set for a Google Authenticator export. {@code codesLeftOut}: how many QR codes read from the
 * uploaded picture were not used (0 but after a picture of several codes). Written with JSON-P ({@link #toJson()}) so that null values
 * are sent as {@code null}: the server's JSON-B leaves null properties out, even with {@code @JsonbNillable}.
 */
public record EnrolmentView(String id, String source, String expiresAt, BatchView batch,
        List<AccountPreview> accounts, int codesLeftOut) {

    /** The QR codes of an export: how many, which were scanned, and a sentence saying so. */
    public record BatchView(int size, List<Integer> scanned, boolean complete, String summary) {
    }

    /** One account found, with the code the service makes for it now. */
    public record AccountPreview(String issuer, String label, String type, String algorithm, int digits,
            Integer period, Long counter, String code, Integer secondsLeft, boolean duplicate) {

        @Override
        public String toString() {
            return "AccountPreview[issuer=" + issuer + ", label=" + label + ", code=***]";
        }
    }

    JsonObject toJson() {
        var list = Json.createArrayBuilder();
        for (var a : accounts) {
            list.add(Json.createObjectBuilder().add("issuer", text(a.issuer())).add("label", a.label())
                    .add("type", a.type()).add("algorithm", a.algorithm()).add("digits", a.digits())
                    .add("period", a.period() == null ? JsonValue.NULL : Json.createValue(a.period()))
                    .add("counter", a.counter() == null ? JsonValue.NULL : Json.createValue(a.counter()))
                    .add("code", a.code())
                    .add("secondsLeft", a.secondsLeft() == null ? JsonValue.NULL : Json.createValue(a.secondsLeft()))
                    .add("duplicate", a.duplicate()));
        }
        var json = Json.createObjectBuilder().add("id", id).add("source", source).add("expiresAt", expiresAt);
        if (batch == null) {
            json.addNull("batch");
        } else {
            json.add("batch", Json.createObjectBuilder().add("size", batch.size())
                    .add("scanned", Json.createArrayBuilder(batch.scanned())).add("complete", batch.complete())
                    .add("summary", batch.summary()));
        }
        return json.add("accounts", list).add("codesLeftOut", codesLeftOut).build();
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    static EnrolmentView of(EnrolmentPreview preview) {
        var batch = preview.batch() == null ? null : new BatchView(preview.batch().size(), preview.batch().scanned(),
                preview.batch().complete(), preview.batch().summary());
        var accounts = preview.lines().stream().map(line -> {
            var p = line.parameters();
            boolean totp = p.type() == OtpType.TOTP;
            return new AccountPreview(line.issuer(), line.label(), p.type().name().toLowerCase(Locale.ROOT),
                    p.algorithm().name(), p.digits(), totp ? p.period() : null, totp ? null : p.counter(),
                    line.code(), line.secondsLeft(), line.duplicate());
        }).toList();
        return new EnrolmentView(preview.id(), preview.source().name().toLowerCase(Locale.ROOT),
                preview.expiresAt().toString(), batch, accounts, preview.codesLeftOut());
    }
}
