package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrImagesTest {

    private static final String KEY_URI = "otpauth://totp/GitHub:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=GitHub";

    @Test
    void readsABareQrCodeFromAPng() {
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.png(QrPictures.code(KEY_URI, 300))));
    }

    @Test
    void findsASmallQrCodeInACornerOfALargerScreenshot() {
        var screenshot = QrPictures.screenshot(KEY_URI, 220, 1250, 160);
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.png(screenshot)));
    }

    @Test
    void readsTheSameScreenshotSavedAsJpeg() {
        var jpeg = QrPictures.jpeg(QrPictures.screenshot(KEY_URI, 220, 820, 600));
        assertEquals((byte) 0xFF, jpeg[0], "it really is a JPEG");
        assertEquals(KEY_URI, QrPictures.readFirst(jpeg));
    }

    @Test
    void readsAMultiAccountExportCodeInAScreenshot() {
        var accounts = List.of(ExportFixtures.totp("GitHub", "ada", ExportFixtures.secret(1, 20)),
                ExportFixtures.totp("Gmail", "ada@example.com", ExportFixtures.secret(2, 20)),
                ExportFixtures.totp("Bank", "ada", ExportFixtures.secret(3, 32)));
        var uri = ExportFixtures.uri(ExportFixtures.payload(7, 1, 0, accounts));
        assertEquals(uri, QrPictures.readFirst(QrPictures.png(QrPictures.screenshot(uri, 330, 1100, 150))));
    }

    @Test
    void readsATiltedShrunkenJpegLikeAPhotoOfAScreen() {
        var screenshot = QrPictures.screenshot(KEY_URI, 260, 1150, 160);
        var photo = new java.awt.image.BufferedImage(1200, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = photo.createGraphics();
        g.setColor(new java.awt.Color(0x303030));
        g.fillRect(0, 0, 1200, 800);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(7), 600, 400);
        g.drawImage(screenshot, 100, 80, 1000, 625, null);
        g.dispose();
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.jpeg(photo)));
    }

    @Test
    void readsACodeOnATransparentBackgroundAsIfOnWhite() {
        var code = QrPictures.code(KEY_URI, 300);
        var transparent = new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                transparent.setRGB(x, y, (code.getRGB(x, y) & 0xFFFFFF) == 0 ? 0xFF000000 : 0x00000000);
            }
        }
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.png(transparent)));
    }

    @Test
    void readsALightOnDarkCode() {
        var dark = QrPictures.inverted(QrPictures.screenshot(KEY_URI, 240, 1200, 200));
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.png(dark)));
    }

    @Test
    void aPictureWithoutAQrCodeIsRefusedWithAClearMessage() {
        var blank = QrPictures.screenshot(KEY_URI, 220, 1250, 160);
        var g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(1200, 100, 400, 400);
        g.dispose();
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(QrPictures.png(blank)));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("no QR code was found"), refused.getMessage());
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        var refused = assertThrows(EnrolmentRefused.class,
                () -> QrPictures.readFirst("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("not a PNG or JPEG"), refused.getMessage());
        assertFalse(refused.getMessage().contains("JBSWY3DP"), "the message never quotes the upload");
    }

    @Test
    void aTruncatedPngIsRefusedNotAnError() {
        var png = QrPictures.png(QrPictures.code(KEY_URI, 300));
        var cut = java.util.Arrays.copyOf(png, png.length / 2);
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(cut));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
    }

    @Test
    void otherImageFormatsAreRefused() {
        var gif = QrPictures.encode(QrPictures.code(KEY_URI, 300), "gif");
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(gif));
        assertTrue(refused.getMessage().contains("not a PNG or JPEG"), refused.getMessage());
    }

    @Test
    void aPngClaimingHugeDimensionsIsRefusedAsTooLargeBeforeItsPixelsAreDecoded() {
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(pngHeaderOnly(20_000, 20_000)));
        assertEquals(EnrolmentRefused.Reason.TOO_LARGE, refused.reason());
        assertTrue(refused.getMessage().contains("400 megapixels"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at most 40"), refused.getMessage());
    }

    @Test
    void aQrCodeInTheMiddleOfA40MegapixelRgbaScreenshotIsRead() {
        var png = HugePngs.screenshot(KEY_URI, 6400, 6250, 480, 8);
        assertTrue(png.length < 5 * 1024 * 1024, "within the upload limit: " + png.length);
        assertEquals(KEY_URI, QrPictures.readFirst(png));
    }

    @Test
    void aQrCodeInTheMiddleOfA40Megapixel16BitRgbaScreenshotIsRead() {
        var png = HugePngs.screenshot(KEY_URI, 6400, 6250, 480, 16);
        assertTrue(png.length < 5 * 1024 * 1024, "within the upload limit: " + png.length);
        assertEquals(KEY_URI, QrPictures.readFirst(png));
    }

    @Test
    void aPictureOneRowOverTheLimitIsRefusedAsTooLarge() {
        var over = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(pngHeaderOnly(6400, 6251)));
        assertEquals(EnrolmentRefused.Reason.TOO_LARGE, over.reason());
    }

    @Test
    void theLargestPictureIsReadIntoBoundedMemory() {
        var plan = QrImages.Plan.of(6400, 6250, 8);
        assertEquals(2, plan.step(), "a 40-megapixel picture is read at every second pixel at the finest");
        assertTrue(QrImages.Plan.cells(6400, 2) * QrImages.Plan.cells(6250, 2) <= QrImages.GREY_PIXELS, plan::toString);
        assertTrue(QrImages.Plan.cells(6400, 2) * (plan.bandRows() / 2) * 8 <= QrImages.BAND_BYTES, plan::toString);
        assertTrue(QrImages.Plan.cells(6400, plan.coarseStep()) * QrImages.Plan.cells(6250, plan.coarseStep()) * 8
                <= 3 * QrImages.BAND_BYTES, plan::toString);
        var small = QrImages.Plan.of(1600, 1000, 4);
        assertEquals(1, small.step(), "an ordinary screenshot is read at full resolution");
        assertEquals(1, small.coarseStep(), "in one pass");
        assertEquals(1000, small.bandRows(), "in one band");
    }

    @Test
    void a40Megapixel16BitScreenshotIsReadInA64MegabyteHeap(@TempDir Path dir) throws Exception {
        var file = dir.resolve("huge.png");
        Files.write(file, HugePngs.screenshot(KEY_URI, 6400, 6250, 480, 16));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), SmallHeapRead.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, process.exitValue(), output);
        assertEquals(KEY_URI, output, "read at a fifth of the 320 MB its pixels take at full size");
    }

    @Test
    void aSmallCodeInATwelveMegapixelJpegIsRead() {
        var plan = QrImages.Plan.of(4000, 3000, 3);
        assertTrue(plan.coarseStep() > 1 && plan.bandRows() < 3000, "a coarse pass, then bands if needed: " + plan);
        var photo = new java.awt.image.BufferedImage(4000, 3000, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        var g = photo.createGraphics();
        g.setColor(new Color(0xE8EAED));
        g.fillRect(0, 0, 4000, 3000);
        g.drawImage(QrPictures.code(KEY_URI, 150), 1900, 1400, null);
        g.dispose();
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.encode(photo, "jpeg")));
    }

    @Test
    void aSmallQrCodeInA40MegapixelScreenshotIsStillRead() {
        assertEquals(KEY_URI, QrPictures.readFirst(HugePngs.screenshot(KEY_URI, 6400, 6250, 170, 8)));
    }

    @Test
    void aDamagedPictureOfTheLargestSizeIsStillCalledDamaged() {
        var png = HugePngs.screenshot(KEY_URI, 6400, 6250, 480, 8);
        for (int i = png.length / 2; i < png.length / 2 + 64; i++) {
            png[i] = (byte) ~png[i];
        }
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(png));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
    }

    @Test
    void decodingNeedsNoDisplay() {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "the tests run headless, as the server does");
        assertEquals(KEY_URI, QrPictures.readFirst(QrPictures.png(QrPictures.code(KEY_URI, 200))));
    }

    /** A PNG signature, an IHDR chunk for width × height 8-bit greyscale, and IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        HugePngs.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        HugePngs.chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

}
