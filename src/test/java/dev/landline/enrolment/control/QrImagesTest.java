package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class QrImagesTest {

    private static final String KEY_URI = "otpauth://totp/GitHub:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
            + "&issuer=GitHub";

    @Test
    void readsABareQrCodeFromAPng() {
        assertEquals(KEY_URI, QrImages.read(QrPictures.png(QrPictures.code(KEY_URI, 300))));
    }

    @Test
    void findsASmallQrCodeInACornerOfALargerScreenshot() {
        var screenshot = QrPictures.screenshot(KEY_URI, 220, 1250, 160);
        assertEquals(KEY_URI, QrImages.read(QrPictures.png(screenshot)));
    }

    @Test
    void readsTheSameScreenshotSavedAsJpeg() {
        var jpeg = QrPictures.jpeg(QrPictures.screenshot(KEY_URI, 220, 820, 600));
        assertEquals((byte) 0xFF, jpeg[0], "it really is a JPEG");
        assertEquals(KEY_URI, QrImages.read(jpeg));
    }

    @Test
    void readsAMultiAccountExportCodeInAScreenshot() {
        var accounts = List.of(ExportFixtures.totp("GitHub", "ada", ExportFixtures.secret(1, 20)),
                ExportFixtures.totp("Gmail", "ada@example.com", ExportFixtures.secret(2, 20)),
                ExportFixtures.totp("Bank", "ada", ExportFixtures.secret(3, 32)));
        var uri = ExportFixtures.uri(ExportFixtures.payload(7, 1, 0, accounts));
        assertEquals(uri, QrImages.read(QrPictures.png(QrPictures.screenshot(uri, 330, 1100, 150))));
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
        assertEquals(KEY_URI, QrImages.read(QrPictures.jpeg(photo)));
    }

    @Test
    void readsALightOnDarkCode() {
        var dark = QrPictures.inverted(QrPictures.screenshot(KEY_URI, 240, 1200, 200));
        assertEquals(KEY_URI, QrImages.read(QrPictures.png(dark)));
    }

    @Test
    void aPictureWithoutAQrCodeIsRefusedWithAClearMessage() {
        var blank = QrPictures.screenshot(KEY_URI, 220, 1250, 160);
        var g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(1200, 100, 400, 400);
        g.dispose();
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(QrPictures.png(blank)));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("no QR code was found"), refused.getMessage());
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        var refused = assertThrows(EnrolmentRefused.class,
                () -> QrImages.read("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("not a PNG or JPEG"), refused.getMessage());
        assertFalse(refused.getMessage().contains("JBSWY3DP"), "the message never quotes the upload");
    }

    @Test
    void aTruncatedPngIsRefusedNotAnError() {
        var png = QrPictures.png(QrPictures.code(KEY_URI, 300));
        var cut = java.util.Arrays.copyOf(png, png.length / 2);
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(cut));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
    }

    @Test
    void otherImageFormatsAreRefused() {
        var gif = QrPictures.encode(QrPictures.code(KEY_URI, 300), "gif");
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(gif));
        assertTrue(refused.getMessage().contains("not a PNG or JPEG"), refused.getMessage());
    }

    @Test
    void aPngClaimingHugeDimensionsIsRefusedBeforeItsPixelsAreDecoded() {
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(pngHeaderOnly(20_000, 20_000)));
        assertTrue(refused.getMessage().contains("400 megapixels"), refused.getMessage());
    }

    @Test
    void decodingNeedsNoDisplay() {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "the tests run headless, as the server does");
        assertEquals(KEY_URI, QrImages.read(QrPictures.png(QrPictures.code(KEY_URI, 200))));
    }

    /** A PNG signature, an IHDR chunk for width × height 8-bit greyscale, and IEND: no pixel data at all. */
    private static byte[] pngHeaderOnly(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

}
