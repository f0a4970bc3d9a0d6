package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.landline.codes.control.OtpParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** QR codes read from committed screenshots of real pages rendered by a browser, not from images made in the test. */
class RealScreenshotsTest {

    private static final String SHOP_KEY = "otpauth://totp/Example%20Shop:ada%40example.org"
            + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Shop&algorithm=SHA1&digits=6&period=30";

    @Test
    void readsTheKeyUriFromADesktopSettingsPageScreenshot() throws IOException {
        assertEquals(SHOP_KEY, QrPictures.readFirst(screenshot("shop-2fa-setup-desktop.png")));
    }

    @Test
    void readsBothAccountsOfAnExportFromAPhoneScreenshot() throws IOException {
        assertExportOfTwoAccounts(QrPictures.readFirst(screenshot("authenticator-export-phone.png")));
    }

    @Test
    void readsTheSameExportAfterJpegRecompression() throws IOException {
        assertExportOfTwoAccounts(QrPictures.readFirst(screenshot("authenticator-export-phone.jpg")));
    }

    private static void assertExportOfTwoAccounts(String uri) {
        var part = (Scan.ExportPart) MigrationExport.read(uri);
        assertEquals(1, part.size());
        assertEquals(0, part.index());
        assertEquals(424242, part.batchId());
        assertEquals(2, part.keys().size());
        var mail = part.keys().get(0);
        assertEquals("Example Mail", mail.issuer());
        assertEquals("ada@example.org", mail.accountName());
        assertArrayEquals("Landline-demo-seed-01".getBytes(StandardCharsets.US_ASCII), mail.secret());
        assertEquals(OtpParameters.totpDefaults(), mail.parameters());
        assertEquals("Example Bank", part.keys().get(1).issuer());
    }

    private static byte[] screenshot(String name) throws IOException {
        try (InputStream in = RealScreenshotsTest.class.getResourceAsStream("/enrolment/screenshots/" + name)) {
            if (in == null) {
                throw new IOException("missing test screenshot " + name);
            }
            return in.readAllBytes();
        }
    }
}
