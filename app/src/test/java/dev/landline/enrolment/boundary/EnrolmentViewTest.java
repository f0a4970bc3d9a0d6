package dev.landline.enrolment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.landline.codes.control.Algorithm;
import dev.landline.codes.control.OtpParameters;
import dev.landline.enrolment.control.EnrolmentPreview;
import dev.landline.enrolment.entity.Enrolment;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrolmentViewTest {

    private static final Instant EXPIRES = Instant.parse("2026-01-01T00:15:00Z");

    @Test
    void aSingleUriHasANullBatchAndTotpHasNoCounter() {
        var line = new EnrolmentPreview.Line(null, "ada", OtpParameters.totpDefaults(), "123456", 17, false);
        var json = EnrolmentView.of(new EnrolmentPreview("abc", Enrolment.Source.URI, EXPIRES, null, List.of(line)))
                .toJson();
        assertEquals("uri", json.getString("source"));
        assertEquals("2026-01-01T00:15:00Z", json.getString("expiresAt"));
        assertEquals(JsonValue.NULL, json.get("batch"));
        var account = json.getJsonArray("accounts").getJsonObject(0);
        assertEquals(JsonValue.NULL, account.get("issuer"));
        assertEquals(JsonValue.NULL, account.get("counter"));
        assertEquals(30, account.getInt("period"));
        assertEquals(17, account.getInt("secondsLeft"));
        assertEquals("123456", account.getString("code"));
    }

    @Test
    void anExportShowsItsBatchAndHotpHasNoPeriodNorSeconds() {
        var line = new EnrolmentPreview.Line("VPN", "di", OtpParameters.hotp(Algorithm.SHA256, 8, 7), "12345678", null,
                true);
        var batch = new EnrolmentPreview.Batch(3, List.of(0, 2));
        var json = EnrolmentView.of(new EnrolmentPreview("abc", Enrolment.Source.MIGRATION, EXPIRES, batch,
                List.of(line))).toJson();
        assertEquals("migration", json.getString("source"));
        var b = json.getJsonObject("batch");
        assertEquals(3, b.getInt("size"));
        assertEquals("[0,2]", b.getJsonArray("scanned").toString());
        assertEquals(false, b.getBoolean("complete"));
        assertEquals("2 of 3 codes scanned", b.getString("summary"));
        var account = json.getJsonArray("accounts").getJsonObject(0);
        assertEquals("hotp", account.getString("type"));
        assertEquals(7, account.getInt("counter"));
        assertEquals(JsonValue.NULL, account.get("period"));
        assertEquals(JsonValue.NULL, account.get("secondsLeft"));
        assertTrue(account.getBoolean("duplicate"));
    }
}
