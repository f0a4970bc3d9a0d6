package dev.landline.enrolment.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds the QR code in a PNG or JPEG image (a screenshot, or a photo of a screen) and returns its text. The QR
 * code may fill only part of the image. Read with ZXing: the hybrid binarizer first (good for photos and uneven
 * light), then the global histogram one, each also on the inverted image (light-on-dark "dark mode" codes), and,
 * for a large image, on a copy scaled down. Everything happens in memory with no display (headless).
 */
public final class QrImages {

    /** Images larger than this are refused before their pixels are decoded (a small PNG can inflate hugely). */
    public static final long MAX_PIXELS = 40_000_000L;
    private static final int SCALED_SIDE = 1200;
    private static final Set<String> FORMATS = Set.of("png", "jpeg");
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "UTF-8");
    private static final List<Function<LuminanceSource, BinaryBitmap>> BINARIZERS = List.of(
            source -> new BinaryBitmap(new HybridBinarizer(source)),
            source -> new BinaryBitmap(new GlobalHistogramBinarizer(source)));

    private QrImages() {
    }

    /** The text of the QR code in the image; refused when the bytes are no PNG/JPEG or hold no QR code. */
    public static String read(byte[] imageBytes) {
        var image = decode(imageBytes);
        var text = find(image);
        if (text == null && Math.max(image.getWidth(), image.getHeight()) > SCALED_SIDE * 3 / 2) {
            text = find(scaledDown(image));
        }
        if (text == null) {
            throw EnrolmentRefused.invalid("image", "no QR code was found in the image; crop it closer to the code,"
                    + " or take the screenshot again with the whole code visible");
        }
        return text;
    }

    private static String find(BufferedImage image) {
        var source = new BufferedImageLuminanceSource(image);
        for (var candidate : List.of(source, source.invert())) {
            for (var binarizer : BINARIZERS) {
                try {
                    return new QRCodeReader().decode(binarizer.apply(candidate), HINTS).getText();
                } catch (ReaderException | RuntimeException notHere) {
                    // try the next way of looking
                }
            }
        }
        return null;
    }

    static BufferedImage decode(byte[] bytes) {
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(java.util.Locale.ROOT))) {
                    throw notAnImage();
                }
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw EnrolmentRefused.invalid("image", "the image has " + pixels / 1_000_000
                            + " megapixels; at most " + MAX_PIXELS / 1_000_000 + " are read");
                }
                var image = reader.read(0);
                if (image == null) {
                    throw notAnImage();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EnrolmentRefused refused) {
                throw refused;
            }
            throw EnrolmentRefused.invalid("image", "the image could not be read: it is not a PNG or JPEG image,"
                    + " or it is damaged");
        }
    }

    private static BufferedImage scaledDown(BufferedImage image) {
        double scale = (double) SCALED_SIDE / Math.max(image.getWidth(), image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return scaled;
    }

    private static EnrolmentRefused notAnImage() {
        return EnrolmentRefused.invalid("image", "the upload is not a PNG or JPEG image");
    }
}
