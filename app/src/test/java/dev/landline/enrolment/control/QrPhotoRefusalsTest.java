package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.time.Duration;
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
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(PhonePhotos.jpeg(picture, 60)));
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
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(QrPictures.jpeg(picture)));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("too blurred"), refused.getMessage());
    }

    @Test
    void aPictureWithoutACodeStillSaysNoCodeWasFound() {
        var picture = onDesk(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), 800, 600, 10);
        var refused = assertThrows(EnrolmentRefused.class, () -> QrPictures.readFirst(QrPictures.jpeg(picture)));
        assertTrue(refused.getMessage().contains("no QR code was found"), refused.getMessage());
    }

    @Test
    void aSharpCodeOfTheSameSizeIsReadSoTheRefusalsAreAboutTheirPictures() {
        var uri = PhonePhotos.exportTexts(new Random(4), 4, 1).get(0);
        assertEquals(uri, QrPictures.readFirst(QrPictures.jpeg(onDesk(QrPictures.code(uri, 800), 1000, 900, 480))));
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

    @Test
    void aSmallPngTiledWithFinderPatternsIsRefusedWithinABound() {
        var png = QrPictures.png(finderPatternGrid(3000, 3000));
        assertTrue(png.length < 1_000_000, "a small upload: " + png.length + " bytes");
        long start = System.nanoTime();
        var refused = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> assertThrows(EnrolmentRefused.class, () -> QrImages.readAll(png)));
        System.out.printf("finder-pattern grid (%d bytes) refused in %d ms: %s%n", png.length,
                (System.nanoTime() - start) / 1_000_000, refused.getMessage());
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason(), refused.getMessage());
    }

    @Test
    void anUploadWhoseBudgetIsSpentIsRefusedWithCropAroundTheCode() {
        var uri = PhonePhotos.exportTexts(new Random(4), 4, 1).get(0);
        var picture = grey(QrPictures.code(uri, 400));
        var refused = assertThrows(EnrolmentRefused.class,
                () -> QrCodeFinder.find(picture, new QrCodeFinder.Budget(0, Duration.ofMinutes(1))));
        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("crop it around the code"), refused.getMessage());
        var late = assertThrows(EnrolmentRefused.class,
                () -> QrCodeFinder.find(picture, new QrCodeFinder.Budget(100, Duration.ofNanos(-1))));
        assertTrue(late.getMessage().contains("crop it around the code"), late.getMessage());
        assertEquals(List.of(uri), QrCodeFinder.find(picture, QrCodeFinder.Budget.perUpload()).texts(),
                "the same picture with an upload's budget is read");
    }

    @Test
    void noMoreThanTheMostCodesAreReadFromOnePicture() {
        int count = QrCodeFinder.MAX_CODES + 2;
        var texts = PhonePhotos.exportTexts(new Random(6), count, count);
        var picture = new BufferedImage(4 * 330 + 30, 2 * 330 + 30, BufferedImage.TYPE_INT_RGB);
        var g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        for (int i = 0; i < count; i++) {
            g.drawImage(QrPictures.code(texts.get(i), 300), 30 + (i % 4) * 330, 30 + (i / 4) * 330, null);
        }
        g.dispose();
        var read = QrImages.readAll(QrPictures.png(picture));
        assertTrue(read.size() >= 3 && read.size() <= QrCodeFinder.MAX_CODES, "several, at most "
                + QrCodeFinder.MAX_CODES + ": " + read.size());
        assertTrue(texts.containsAll(read), "codes of the picture");
    }

    /**
     * A picture tiled with QR finder patterns (dark 1:1:3:1:1 squares) of slightly different module sizes and
     * nothing else: a finder looks at every one of them and never finds a code.
     */
    static BufferedImage finderPatternGrid(int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int cell = 0;
        for (int y = 4; y + 45 < height; y += 46) {
            for (int x = 4; x + 45 < width; x += 46, cell++) {
                int module = 4 + cell % 2; // 28 or 35 pixels: never all within 5 % of each other
                g.setColor(Color.BLACK);
                g.fillRect(x, y, 7 * module, 7 * module);
                g.setColor(Color.WHITE);
                g.fillRect(x + module, y + module, 5 * module, 5 * module);
                g.setColor(Color.BLACK);
                g.fillRect(x + 2 * module, y + 2 * module, 3 * module, 3 * module);
            }
        }
        g.dispose();
        return picture;
    }

    private static BufferedImage grey(BufferedImage image) {
        var grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
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
