package dev.landline.it;

import static dev.landline.enrolment.control.ExportFixtures.payload;
import static dev.landline.enrolment.control.ExportFixtures.secret;
import static dev.landline.enrolment.control.ExportFixtures.totp;
import static dev.landline.enrolment.control.ExportFixtures.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.landline.codes.control.Base32;
import dev.landline.enrolment.control.QrPictures;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload;
import dev.landline.testkit.Http;
import dev.landline.testkit.ReferenceOtp;
import dev.landline.testkit.TestCredentials;
import dev.landline.testkit.VonagePlayer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enrolment over HTTP on Payara Micro: by pasted URI, by uploaded screenshot and by a two-code Google Authenticator
 * export; the preview's code is checked against an independent RFC computation and against what a call speaks.
 * Bad input gets problem+json and stores nothing.
 */
class EnrolmentIT extends OnPayaraMicro {

    private static final String TO = "442079460000";
    private static final String PIN = "258036";
    /** 2026-01-01T00:00:10Z: 20 seconds left in a 30-second step, 50 in a 60-second one. */
    private static final Instant MID_STEP = Instant.parse("2026-01-01T00:00:10Z");

    @BeforeEach
    void standAtAFixedInstant() {
        fixtures.clockAt(MID_STEP);
    }

    @Test
    void aPastedUriIsPreviewedWithTheCodeACallThenSpeaks() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Ada", Fixtures.uniqueAccountNumber(), PIN, phone);
        var keyUri = "otpauth://totp/GitHub:ada?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=GitHub";

        var started = Http.admin("POST", enrolments(caller), json(keyUri));
        assertEquals(201, started.statusCode(), started::body);
        var location = URI.create(started.headers().firstValue("Location").orElseThrow());
        var enrolment = Http.object(started);
        assertTrue(location.getPath().endsWith("/api/callers/" + caller + "/enrolments/" + enrolment.getString("id")),
                location::toString);
        assertEquals("uri", enrolment.getString("source"));
        assertTrue(enrolment.isNull("batch"), started::body);
        Instant.parse(enrolment.getString("expiresAt"));
        var expected = ReferenceOtp.totp(ReferenceOtp.base32(ReferenceOtp.RFC_SECRET), MID_STEP, 30, 6, "HmacSHA1");
        var account = enrolment.getJsonArray("accounts").getJsonObject(0);
        assertEquals("GitHub", account.getString("issuer"));
        assertEquals("ada", account.getString("label"));
        assertEquals("totp", account.getString("type"));
        assertEquals("SHA1", account.getString("algorithm"));
        assertEquals(6, account.getInt("digits"));
        assertEquals(30, account.getInt("period"));
        assertTrue(account.isNull("counter"));
        assertEquals(expected, account.getString("code"));
        assertEquals(20, account.getInt("secondsLeft"));
        assertFalse(account.getBoolean("duplicate"));
        assertNoSecretIn(started.body(), ReferenceOtp.RFC_SECRET);
        assertEquals(0, fixtures.counts().getInt("otp_account") - countsBefore.getInt("otp_account"),
                "a preview stores no account");

        var again = Http.admin("GET", location, null);
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(expected, Http.object(again).getJsonArray("accounts").getJsonObject(0).getString("code"));

        var saved = Http.admin("POST", URI.create(location + "/save"), "{\"partial\":false}");
        assertEquals(201, saved.statusCode(), saved::body);
        var result = Http.object(saved);
        assertEquals("GitHub", result.getJsonArray("saved").getJsonObject(0).getString("issuer"));
        assertEquals(0, result.getJsonArray("skippedDuplicates").size());
        assertNoSecretIn(saved.body(), ReferenceOtp.RFC_SECRET);
        assertEquals(404, Http.admin("GET", location, null).statusCode(), "a saved enrolment is gone");

        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
    }

    @Test
    void responsesCarryingALiveCodeOrASigningTokenAreNeverStoredByACache() {
        var caller = fixtures.caller("Nell", Fixtures.uniqueAccountNumber(), PIN);
        var keyUri = "otpauth://totp/Cache:nell?secret=" + ReferenceOtp.RFC_SECRET + "&issuer=Cache";
        var started = Http.admin("POST", enrolments(caller), json(keyUri));
        assertEquals(201, started.statusCode(), started::body);
        assertNotStored(started);
        var location = URI.create(started.headers().firstValue("Location").orElseThrow());
        assertNotStored(Http.admin("GET", location, null));
        var png = QrPictures.png(QrPictures.code(keyUri, 300));
        var uploaded = upload("POST", enrolments(caller).resolve("enrolments/images"), "image/png", png);
        assertEquals(201, uploaded.statusCode(), uploaded::body);
        assertNotStored(uploaded);
        var signature = Http.admin("POST", base.resolve("api/phone/signatures"),
                "{\"method\":\"GET\",\"query\":\"uuid=u&conversation_uuid=c&from=447700900001&to=" + TO + "\"}");
        assertEquals(200, signature.statusCode(), signature::body);
        assertNotStored(signature);
        // every webhook NCCO is checked by VonagePlayer
    }

    private static void assertNotStored(HttpResponse<String> response) {
        assertTrue(String.join(",", response.headers().allValues("Cache-Control")).contains("no-store"),
                () -> response.request().uri() + " carries a live code: Cache-Control no-store, not "
                        + response.headers().map());
    }

    @Test
    void anUploadedScreenshotIsDecodedOnTheServer() {
        var phone = Fixtures.uniquePhone();
        var caller = fixtures.caller("Bo", Fixtures.uniqueAccountNumber(), PIN, phone);
        var seed = secret(40, 32);
        var keyUri = "otpauth://totp/Bank%20of%20Tests:bo?secret=" + Base32.encode(seed)
                + "&issuer=Bank%20of%20Tests&algorithm=SHA256&digits=8&period=60";
        var png = QrPictures.png(QrPictures.screenshot(keyUri, 240, 1200, 180));

        var started = upload("POST", enrolments(caller).resolve("enrolments/images"), "image/png", png);
        assertEquals(201, started.statusCode(), started::body);
        var account = Http.object(started).getJsonArray("accounts").getJsonObject(0);
        assertEquals("Bank of Tests", account.getString("issuer"));
        assertEquals("SHA256", account.getString("algorithm"));
        assertEquals(8, account.getInt("digits"));
        assertEquals(60, account.getInt("period"));
        assertEquals(50, account.getInt("secondsLeft"));
        var expected = ReferenceOtp.totp(seed, MID_STEP, 60, 8, "HmacSHA256");
        assertEquals(expected, account.getString("code"));
        assertNoSecretIn(started.body(), Base32.encode(seed));

        var id = Http.object(started).getString("id");
        assertEquals(201, Http.admin("POST", enrolments(caller).resolve("enrolments/" + id + "/save"), "{}").statusCode());
        var call = VonagePlayer.dial(base, phone, TO).press(PIN + "#");
        assertEquals(List.of(expected, expected), call.spokenCodes(), call.heard());
    }

    @Test
    void aScreenshotOverTwoMegabytesAndAJpegAreReadToo() {
        var caller = fixtures.caller("Cy", Fixtures.uniqueAccountNumber(), PIN);
        var keyUri = "otpauth://totp/Photo:cy?secret=" + Base32.encode(secret(41, 20)) + "&issuer=Photo";
        var photo = QrPictures.screenshot(keyUri, 260, 1150, 150);
        var noisy = new BufferedImage(1600, 1600, BufferedImage.TYPE_INT_RGB);
        var g = noisy.createGraphics();
        g.drawImage(photo, 0, 0, null);
        g.dispose();
        var random = new Random(7);
        for (int y = 1000; y < 1600; y++) {
            for (int x = 0; x < 1600; x++) {
                noisy.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        var png = QrPictures.png(noisy);
        assertTrue(png.length > 2_500_000 && png.length < 5 * 1024 * 1024, "size " + png.length);
        var started = upload("POST", enrolments(caller).resolve("enrolments/images"), "image/png", png);
        assertEquals(201, started.statusCode(), started::body);
        assertEquals("Photo", Http.object(started).getJsonArray("accounts").getJsonObject(0).getString("issuer"));
        var jpeg = upload("POST", enrolments(caller).resolve("enrolments/images"), "image/jpeg",
                QrPictures.jpeg(photo));
        assertEquals(201, jpeg.statusCode(), jpeg::body);
    }

    /**
     * The one decode slot (the default) is not held while a client is still sending its body: an upload that
     * trickles in for longer than the slot wait (5 s) leaves other uploads read at once.
     */
    @Test
    void aClientSendingItsImageSlowlyDoesNotKeepOtherUploadsWaiting() throws Exception {
        var caller = fixtures.caller("Tia", Fixtures.uniqueAccountNumber(), PIN);
        var images = enrolments(caller).resolve("enrolments/images");
        try (var slow = new java.net.Socket(images.getHost(), images.getPort())) {
            var out = slow.getOutputStream();
            out.write(("POST " + images.getRawPath() + " HTTP/1.1\r\nHost: " + images.getHost() + ":" + images.getPort()
                    + "\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(TestCredentials.ADMIN.getBytes(
                            StandardCharsets.UTF_8))
                    + "\r\nContent-Type: image/png\r\nContent-Length: 4000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            out.flush();
            Thread.sleep(1_000); // the slow request has reached the resource and is reading its body
            var keyUri = "otpauth://totp/Quick:tia?secret=" + Base32.encode(secret(42, 20)) + "&issuer=Quick";
            long began = System.nanoTime();
            var started = upload("POST", images, "image/png", QrPictures.png(QrPictures.screenshot(keyUri, 240, 1200,
                    180)));
            assertEquals(201, started.statusCode(), started::body);
            assertTrue(System.nanoTime() - began < 4_000_000_000L, "read without waiting for a slot");
            out.write(new byte[1]); // still sending
            out.flush();
        }
    }

    @Test
    void aTwoCodeExportIsImportedWhenCompleteWithDuplicatesReportedNotStored() {
        var caller = fixtures.caller("Di", Fixtures.uniqueAccountNumber(), PIN);
        fixtures.account(caller, "GitHub", "di", ReferenceOtp.RFC_SECRET);
        var gmail = totp("Gmail", "di@example.com", secret(50, 20));
        var github = totp("GitHub", "di", ReferenceOtp.base32(ReferenceOtp.RFC_SECRET));
        var vpn = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(51, 20)))
                .setName("di").setIssuer("VPN").setType(MigrationPayload.OtpType.OTP_TYPE_HOTP).setCounter(7).build();
        var first = uri(payload(4242, 2, 0, List.of(gmail, github)));
        var second = uri(payload(4242, 2, 1, List.of(vpn, gmail)));
        var before = fixtures.counts();

        var started = Http.admin("POST", enrolments(caller), json(first));
        assertEquals(201, started.statusCode(), started::body);
        var enrolment = Http.object(started);
        assertEquals("migration", enrolment.getString("source"));
        var batch = enrolment.getJsonObject("batch");
        assertEquals(2, batch.getInt("size"));
        assertEquals(List.of(0), batch.getJsonArray("scanned").getValuesAs(v -> ((jakarta.json.JsonNumber) v).intValue()));
        assertFalse(batch.getBoolean("complete"));
        assertEquals("1 of 2 codes scanned", batch.getString("summary"));
        var accounts = enrolment.getJsonArray("accounts");
        assertFalse(accounts.getJsonObject(0).getBoolean("duplicate"));
        assertTrue(accounts.getJsonObject(1).getBoolean("duplicate"), "GitHub di is stored already");
        var self = enrolments(caller).resolve("enrolments/" + enrolment.getString("id"));

        var early = Http.admin("POST", URI.create(self + "/save"), "{\"partial\":false}");
        assertEquals(409, early.statusCode(), early::body);
        Http.assertProblem(early);
        assertTrue(Http.object(early).getString("detail")
                .contains("1 of 2 codes scanned: scan the rest or confirm a partial import"), early::body);

        var otherExport = Http.admin("POST", URI.create(self + "/parts"),
                json(uri(payload(999, 2, 1, List.of(totp("Other", "x", secret(52, 20)))))));
        assertEquals(409, otherExport.statusCode(), otherExport::body);
        Http.assertProblem(otherExport);
        assertTrue(Http.object(otherExport).getString("detail").contains("another export"), otherExport::body);
        var repeated = Http.admin("POST", URI.create(self + "/parts"), json(first));
        assertEquals(409, repeated.statusCode(), repeated::body);
        assertTrue(Http.object(repeated).getString("detail").contains("already scanned"), repeated::body);
        var notExport = Http.admin("POST", URI.create(self + "/parts"),
                json("otpauth://totp/X:y?secret=" + Base32.encode(secret(53, 20))));
        assertEquals(409, notExport.statusCode(), notExport::body);
        assertEquals(2, Http.object(Http.admin("GET", self, null)).getJsonArray("accounts").size(),
                "refused parts changed nothing");

        var png = QrPictures.png(QrPictures.screenshot(second, 300, 1150, 150));
        var added = upload("POST", URI.create(self + "/parts"), "image/png", png);
        assertEquals(200, added.statusCode(), added::body);
        var complete = Http.object(added);
        assertEquals("2 of 2 codes scanned", complete.getJsonObject("batch").getString("summary"));
        assertTrue(complete.getJsonObject("batch").getBoolean("complete"));
        var all = complete.getJsonArray("accounts");
        assertEquals(4, all.size());
        var hotp = all.getJsonObject(2);
        assertEquals("hotp", hotp.getString("type"));
        assertEquals(7, hotp.getInt("counter"));
        assertTrue(hotp.isNull("period") && hotp.isNull("secondsLeft"), hotp::toString);
        assertEquals(ReferenceOtp.hotp(secret(51, 20), 7, 6, "HmacSHA1"), hotp.getString("code"));
        assertEquals(ReferenceOtp.totp(secret(50, 20), MID_STEP, 30, 6, "HmacSHA1"),
                all.getJsonObject(0).getString("code"));
        assertTrue(all.getJsonObject(3).getBoolean("duplicate"), "Gmail twice in one export");
        for (var secret : List.of(secret(50, 20), secret(51, 20))) {
            assertNoSecretIn(added.body(), Base32.encode(secret));
        }

        var saved = Http.admin("POST", URI.create(self + "/save"), "{\"partial\":false}");
        assertEquals(201, saved.statusCode(), saved::body);
        var result = Http.object(saved);
        assertEquals(List.of("Gmail", "VPN"), result.getJsonArray("saved").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("issuer")).toList());
        assertEquals(List.of("GitHub/di", "Gmail/di@example.com"), result.getJsonArray("skippedDuplicates")
                .getValuesAs(JsonObject.class).stream().map(d -> d.getString("issuer") + "/" + d.getString("label"))
                .toList());
        var after = fixtures.counts();
        assertEquals(before.getInt("otp_account") + 2, after.getInt("otp_account"));
        assertEquals(before.getInt("enrolment"), after.getInt("enrolment"), "the saved enrolment is deleted");
        assertEquals(before.getInt("enrolment_account"), after.getInt("enrolment_account"));
    }

    @Test
    void everyCodeOfAnExportInOnePhotoIsAddedAndCodesScannedBeforeAreLeftOut() {
        var caller = fixtures.caller("Gus", Fixtures.uniqueAccountNumber(), PIN);
        var codes = List.of(uri(payload(88, 3, 0, List.of(totp("One", "gus", secret(80, 20))))),
                uri(payload(88, 3, 1, List.of(totp("Two", "gus", secret(81, 20))))),
                uri(payload(88, 3, 2, List.of(totp("Three", "gus", secret(82, 20))))));
        // the first photo shows codes 3 and 1 (out of order): the enrolment starts with both, in the export's order
        var started = upload("POST", enrolments(caller).resolve("enrolments/images"), "image/jpeg",
                QrPictures.jpeg(sideBySide(codes.get(2), codes.get(0))));
        assertEquals(201, started.statusCode(), started::body);
        var enrolment = Http.object(started);
        assertEquals("2 of 3 codes scanned", enrolment.getJsonObject("batch").getString("summary"));
        assertEquals(List.of("One", "Three"), issuers(enrolment));
        // the second shows all three: only code 2 is new, and it is added
        var self = enrolments(caller).resolve("enrolments/" + enrolment.getString("id"));
        var added = upload("POST", URI.create(self + "/parts"), "image/jpeg",
                QrPictures.jpeg(sideBySide(codes.get(0), codes.get(1), codes.get(2))));
        assertEquals(200, added.statusCode(), added::body);
        var complete = Http.object(added);
        assertEquals("3 of 3 codes scanned", complete.getJsonObject("batch").getString("summary"));
        assertEquals(List.of("One", "Three", "Two"), issuers(complete), "each account once, in scan order");
    }

    private static List<String> issuers(JsonObject enrolment) {
        return enrolment.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("issuer")).toList();
    }

    /** A photo-sized picture of QR codes side by side, as a monitor showing an export's codes. */
    private static BufferedImage sideBySide(String... texts) {
        var photo = new BufferedImage(1500, 640, BufferedImage.TYPE_INT_RGB);
        var g = photo.createGraphics();
        g.setColor(new java.awt.Color(0xDDDDDD));
        g.fillRect(0, 0, 1500, 640);
        for (int i = 0; i < texts.length; i++) {
            g.drawImage(QrPictures.code(texts[i], 400), 60 + i * 480, 120, null);
        }
        g.dispose();
        return photo;
    }

    @Test
    void aPartialExportIsSavedOnlyWhenConfirmed() {
        var caller = fixtures.caller("Ed", Fixtures.uniqueAccountNumber(), PIN);
        var started = Http.admin("POST", enrolments(caller),
                json(uri(payload(77, 3, 1, List.of(totp("Only", "ed", secret(60, 20)))))));
        assertEquals(201, started.statusCode(), started::body);
        var self = enrolments(caller).resolve("enrolments/" + Http.object(started).getString("id"));
        assertEquals(409, Http.admin("POST", URI.create(self + "/save"), "{}").statusCode());
        var saved = Http.admin("POST", URI.create(self + "/save"), "{\"partial\":true}");
        assertEquals(201, saved.statusCode(), saved::body);
        assertEquals(1, Http.object(saved).getJsonArray("saved").size());
        assertEquals(1, Http.array(Http.admin("GET", base.resolve("api/callers/" + caller + "/accounts"), null)).size());
    }

    @Test
    void everyBadInputGetsProblemJsonAndStoresNothing() {
        var caller = fixtures.caller("Fay", Fixtures.uniqueAccountNumber(), PIN);
        var started = Http.admin("POST", enrolments(caller), json(uri(payload(5, 2, 0,
                List.of(totp("A", "fay", secret(70, 20)))))));
        assertEquals(201, started.statusCode(), started::body);
        var self = enrolments(caller).resolve("enrolments/" + Http.object(started).getString("id"));
        var before = fixtures.counts();
        var shortSecret = "JBSWY3DPEHPK3PXP".substring(0, 8);
        var md5 = MigrationPayload.OtpParameters.newBuilder().setSecret(ByteString.copyFrom(secret(71, 20)))
                .setName("fay").setIssuer("Old").setAlgorithm(MigrationPayload.Algorithm.ALGORITHM_MD5).build();
        var images = enrolments(caller).resolve("enrolments/images");
        var blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);

        expect(400, "not an otpauth", Http.admin("POST", enrolments(caller), json("https://example.com/2fa")));
        expect(400, "corrupt", Http.admin("POST", enrolments(caller),
                json("otpauth-migration://offline?data=" + Base64.getEncoder().encodeToString(new byte[] {-1, -1, -1}))));
        expect(400, "algorithm", Http.admin("POST", enrolments(caller),
                json("otpauth://totp/X:y?secret=" + Base32.encode(secret(72, 20)) + "&algorithm=MD5")));
        expect(400, "MD5", Http.admin("POST", enrolments(caller), json(uri(payload(1, 1, 0, List.of(md5))))));
        expect(400, "80", Http.admin("POST", enrolments(caller), json("otpauth://totp/X:y?secret=" + shortSecret)));
        expect(400, "no QR code", upload("POST", images, "image/png", QrPictures.png(blank)));
        expect(400, "found a QR code, but it is not an authenticator code", upload("POST", images, "image/png",
                QrPictures.png(QrPictures.code("https://example.com/not-a-key", 300))));
        expect(400, "not a PNG or JPEG", upload("POST", images, "image/png",
                "just text".getBytes(StandardCharsets.UTF_8)));
        expect(413, "5 MiB", upload("POST", images, "image/png", new byte[5 * 1024 * 1024 + 1024]));
        expect(415, "PNG or JPEG", upload("POST", images, "image/gif", QrPictures.png(blank)));
        // the caller or enrolment is looked up before the image is decoded: an upload for nobody is a 404, not a
        // decode (this body would be called damaged if it were decoded)
        expect(404, "no caller", upload("POST", base.resolve("api/callers/987654321/enrolments/images"), "image/png",
                "just text".getBytes(StandardCharsets.UTF_8)));
        expect(404, "no such enrolment", upload("POST", enrolments(caller).resolve("enrolments/nope/parts"),
                "image/png", "just text".getBytes(StandardCharsets.UTF_8)));
        expect(400, "uri", Http.admin("POST", enrolments(caller), "{}"));
        expect(400, "uri", Http.admin("POST", enrolments(caller), json("otpauth://totp/x?secret=" + "A".repeat(9000))));
        expect(404, "no caller", Http.admin("POST", base.resolve("api/callers/987654321/enrolments"),
                json("otpauth://totp/X:y?secret=" + Base32.encode(secret(73, 20)))));
        expect(404, "no such enrolment", Http.admin("GET", enrolments(caller).resolve("enrolments/nope"), null));
        expect(404, "no such enrolment", Http.admin("POST", enrolments(caller).resolve("enrolments/nope/save"), "{}"));
        expect(404, "no such enrolment", Http.admin("DELETE", enrolments(caller).resolve("enrolments/nope"), null));
        expect(404, "no such enrolment", Http.admin("POST", enrolments(caller).resolve("enrolments/nope/parts"),
                json(uri(payload(5, 2, 1, List.of(totp("B", "fay", secret(74, 20))))))));
        expect(400, "corrupt", Http.admin("POST", URI.create(self + "/parts"), json("otpauth-migration://offline?data=AAAA")));
        var otherCaller = fixtures.caller("Gus", Fixtures.uniqueAccountNumber(), PIN);
        var foreign = base.resolve("api/callers/" + otherCaller + "/enrolments/" + self.getPath().replaceAll(".*/", ""));
        expect(404, "no such enrolment", Http.admin("GET", foreign, null));

        var after = fixtures.counts();
        for (var table : List.of("otp_account", "enrolment", "enrolment_account")) {
            assertEquals(before.getInt(table), after.getInt(table), table);
        }
        assertEquals(1, Http.object(Http.admin("GET", self, null)).getJsonArray("accounts").size());
        var viewer = Http.send("GET", self, null, null, TestCredentials.VIEWER);
        assertEquals(403, viewer.statusCode(), "role admin only");
    }

    @Test
    void anEnrolmentExpiresAfterFifteenMinutesAndCanBeDropped() {
        var caller = fixtures.caller("Hal", Fixtures.uniqueAccountNumber(), PIN);
        var key = json("otpauth://totp/X:hal?secret=" + Base32.encode(secret(80, 20)));
        var first = Http.object(Http.admin("POST", enrolments(caller), key));
        var second = Http.object(Http.admin("POST", enrolments(caller), key));
        var firstUri = enrolments(caller).resolve("enrolments/" + first.getString("id"));
        var secondUri = enrolments(caller).resolve("enrolments/" + second.getString("id"));

        assertEquals(204, Http.admin("DELETE", firstUri, null).statusCode());
        assertEquals(404, Http.admin("GET", firstUri, null).statusCode());

        fixtures.clockAt(MID_STEP.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertEquals(200, Http.admin("GET", secondUri, null).statusCode());
        fixtures.clockAt(MID_STEP.plus(Duration.ofMinutes(15)));
        var expired = Http.admin("GET", secondUri, null);
        assertEquals(404, expired.statusCode(), expired::body);
        assertTrue(Http.object(expired).getString("detail").contains("expire"), expired::body);
        var saveExpired = Http.admin("POST", URI.create(secondUri + "/save"), "{}");
        assertEquals(404, saveExpired.statusCode(), saveExpired::body);
    }

    @Test
    void noSecretOrCodeOfAnEnrolmentReachesTheServerLog() {
        var secret = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIZDGNBV";
        var raw = Base32.decode(secret);
        var caller = fixtures.caller("Log", Fixtures.uniqueAccountNumber(), PIN);
        var started = Http.admin("POST", enrolments(caller),
                json("otpauth://totp/Canary:log?secret=" + secret + "&issuer=Canary"));
        assertEquals(201, started.statusCode(), started::body);
        var code = Http.object(started).getJsonArray("accounts").getJsonObject(0).getString("code");
        var self = URI.create(started.headers().firstValue("Location").orElseThrow());
        assertEquals(201, Http.admin("POST", URI.create(self + "/save"), "{}").statusCode());
        // refused inputs that carry a secret: a too-short one, MD5, a corrupt export, a duplicate export part
        var shortSecret = secret.substring(0, 8);
        assertEquals(400, Http.admin("POST", enrolments(caller),
                json("otpauth://totp/Canary:short?secret=" + shortSecret)).statusCode());
        assertEquals(400, Http.admin("POST", enrolments(caller),
                json("otpauth://totp/Canary:md5?secret=" + secret + "&algorithm=MD5")).statusCode());
        var export = uri(payload(77, 2, 0, List.of(totp("Canary", "export", raw))));
        assertEquals(400, Http.admin("POST", enrolments(caller), json(export.substring(0, export.length() - 6) + "%%%"))
                .statusCode());
        var part = Http.admin("POST", enrolments(caller), json(export));
        assertEquals(201, part.statusCode(), part::body);
        assertEquals(409, Http.admin("POST", URI.create(part.headers().firstValue("Location").orElseThrow() + "/parts"),
                json(export)).statusCode());

        var logs = Http.send("GET", base.resolve("test-support/logs"), null, null, null).body();
        assertTrue(logs.contains("account.enrolled"), "the log capture works: " + logs.length() + " chars");
        for (var canary : List.of(secret, secret.toLowerCase(), shortSecret, java.util.HexFormat.of().formatHex(raw),
                Base64.getEncoder().encodeToString(raw), export.substring(export.indexOf("data=") + 5, 60), code)) {
            assertFalse(logs.contains(canary), "an enrolment secret or code reached the server log: " + canary);
        }
    }

    private JsonObject countsBefore = Json.createObjectBuilder().add("otp_account", 0).build();

    @BeforeEach
    void rememberCounts() {
        countsBefore = fixtures.counts();
    }

    private URI enrolments(long caller) {
        return base.resolve("api/callers/" + caller + "/enrolments");
    }

    private static String json(String uri) {
        return Json.createObjectBuilder().add("uri", uri).build().toString();
    }

    private static void expect(int status, String detailPart, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        Http.assertProblem(response);
        assertTrue(Http.object(response).getString("detail").contains(detailPart),
                () -> "detail should mention '" + detailPart + "': " + response.body());
    }

    private static void assertNoSecretIn(String body, String base32Secret) {
        assertFalse(body.contains(base32Secret), "the secret never appears in a response");
        assertFalse(body.toLowerCase().contains("secret"), "no secret field: " + body);
    }

    private static HttpResponse<String> upload(String method, URI uri, String contentType, byte[] body) {
        return Http.upload(method, uri, contentType, body, TestCredentials.ADMIN, Duration.ofSeconds(60));
    }
}
