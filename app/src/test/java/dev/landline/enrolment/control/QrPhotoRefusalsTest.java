package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A picture whose QR code cannot be read is refused with words a person can act on: too small (and how wide it
 * is), too blurred, or no code at all; and a picture of several codes of one export reads them all.
 */
class QrPhotoRefusalsTest {

    private static final Pattern WIDTH = Pattern.compile("about (\\d+) pixels wide");

    @Test
    void aDenseCodeShrunkToAFewPixelsAModuleIsCalledTooSmallWithItsWidth() {
        var uri = PhonePhotos.exportTexts(new Random(3), 10, 1).get(0);
        int modules = PhonePhotos.modules(uri).getWidth();
        int side = (int) ((modules + 4) * 1.5); // 1.5 pixels a module, turned 10° (as ZXing's writer adds 2 a side)
        var picture = onDesk(QrPictures.code(uri, (modules + 4) * 4), 900, 700, side, 10);
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(PhonePhotos.jpeg(picture, 60)));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("too small"), refused.getMessage());
        assertTrue(refused.getMessage().contains("take the photo closer"), refused.getMessage());
        var width = WIDTH.matcher(refused.getMessage());
        assertTrue(width.find(), refused.getMessage());
        int said = Integer.parseInt(width.group(1));
        int wide = (int) (modules * 1.5);
        assertTrue(Math.abs(said - wide) <= wide / 5, "about " + wide + " pixels, said " + said);
        assertFalse(refused.getMessage().contains("otpauth-migration"), "the message never quotes the code");
    }

    @Test
    void aBlurredCodeIsCalledBlurred() {
        var uri = PhonePhotos.exportTexts(new Random(4), 4, 1).get(0);
        var picture = blurred(onDesk(QrPictures.code(uri, 800), 1000, 900, 480), 4);
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(QrPictures.jpeg(picture)));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("too blurred"), refused.getMessage());
    }

    @Test
    void aPictureWithoutACodeStillSaysNoCodeWasFound() {
        var picture = onDesk(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), 800, 600, 10);
        var refused = assertThrows(EnrolmentRefused.class, () -> QrImages.read(QrPictures.jpeg(picture)));
        assertTrue(refused.getMessage().contains("no QR code was found"), refused.getMessage());
    }

    @Test
    void aSharpCodeOfTheSameSizeIsReadSoTheRefusalsAreAboutTheirPictures() {
        var uri = PhonePhotos.exportTexts(new Random(4), 4, 1).get(0);
        assertEquals(uri, QrImages.read(QrPictures.jpeg(onDesk(QrPictures.code(uri, 800), 1000, 900, 480))));
    }

    @Test
    void everyCodeOfAnExportPhotographedAtOnceIsRead() {
        var texts = PhonePhotos.exportTexts(new Random(5), 6, 3);
        var picture = new BufferedImage(1500, 700, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(new Color(0xE0E0E0));
        g.fillRect(0, 0, 1500, 700);
        for (int i = 0; i < 3; i++) {
            g.drawImage(QrPictures.code(texts.get(i), 420), 50 + i * 480, 140, null);
        }
        g.dispose();
        var read = QrImages.readAll(QrPictures.jpeg(picture));
        assertEquals(3, read.size(), "three codes");
        assertTrue(read.containsAll(texts), "each of them");
        assertEquals(List.copyOf(new java.util.LinkedHashSet<>(read)), read, "each once");
    }

    /** The image scaled to {@code side} pixels, on a grey desk of width × height. */
    private static BufferedImage onDesk(BufferedImage code, int width, int height, int side) {
        return onDesk(code, width, height, side, 0);
    }

    /** The same, turned by {@code degrees}. */
    private static BufferedImage onDesk(BufferedImage code, int width, int height, int side, double degrees) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(new Color(0x8A8A80));
        g.fillRect(0, 0, width, height);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(code, (width - side) / 2, (height - side) / 2, side, side, null);
        g.dispose();
        return picture;
    }

    private static BufferedImage blurred(BufferedImage image, int radius) {
        int size = 2 * radius + 1;
        var weights = new float[size * size];
        java.util.Arrays.fill(weights, 1f / weights.length);
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
    }
}
