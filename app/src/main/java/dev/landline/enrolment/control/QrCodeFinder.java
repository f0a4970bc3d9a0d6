package dev.landline.enrolment.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds every QR code in a greyscale picture (a screenshot, or a phone photo of a screen as cameras and messaging
 * apps deliver it) with ZXing, looking harder only while nothing is found:
 * <ol>
 * <li>the picture as it is, with the hybrid binarizer (local thresholds: uneven light), dark-on-light then
 * light-on-dark, every code in it (several codes of an export photographed at once);</li>
 * <li>the same with the global histogram binarizer;</li>
 * <li>a contrast-stretched, sharpened copy (blur, haze, glare), then other scales — a small picture scaled up
 * (ZXing's finder needs a few pixels a module; messaging apps shrink photos to 800 px), a large one scaled down
 * (noise and JPEG blocks average out) — each as it is and sharpened, with both binarizers and polarities.</li>
 * </ol>
 * Each copy is one byte a pixel and at most {@link #MAX_PIXELS} pixels; a scaled copy and its sharpened copy (and
 * ZXing's inverted view of each) are held at once at most, besides the picture. When nothing is found,
 * {@link #whyNot} says why in words a person can act on.
 */
final class QrCodeFinder {

    /** The largest copy made (scaled up or enhanced): one byte a pixel. */
    static final long MAX_PIXELS = 6_000_000L;
    /** A QR code module narrower than this in the picture is too small to read reliably. */
    static final double MIN_MODULE_PIXELS = 2.0;
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "UTF-8");
    private static final List<Function<LuminanceSource, BinaryBitmap>> BINARIZERS = List.of(
            source -> new BinaryBitmap(new HybridBinarizer(source)),
            source -> new BinaryBitmap(new GlobalHistogramBinarizer(source)));

    private QrCodeFinder() {
    }

    /**
     * The texts of the QR codes found (in reading order, each once), and at which step they were found (for the
     * benchmark: what each step buys); no texts when none.
     */
    record Found(List<String> texts, String step) {
    }

    /** The QR codes found in the picture, and at which step; no texts when none. */
    static Found find(BufferedImage grey) {
        var found = new LinkedHashSet<String>();
        var source = luminance(grey);
        for (var candidate : List.of(source, source.invert())) {
            decode(new BinaryBitmap(new HybridBinarizer(candidate)), found);
        }
        if (!found.isEmpty()) {
            return new Found(List.copyOf(found), "as it is, hybrid binarizer");
        }
        for (var candidate : List.of(source, source.invert())) {
            decode(new BinaryBitmap(new GlobalHistogramBinarizer(candidate)), found);
        }
        if (!found.isEmpty()) {
            return new Found(List.copyOf(found), "as it is, global histogram binarizer");
        }
        int side = Math.max(grey.getWidth(), grey.getHeight());
        for (double scale : scales(grey.getWidth(), grey.getHeight())) {
            var copy = scale == 1 ? grey : scaled(grey, scale);
            var name = scale == 1 ? "as it is" : scale > 1 ? "scaled up ×" + scale
                    : "scaled down to " + Math.round(side * scale) + " px";
            if (scale != 1 && lookEveryWay(luminance(copy), found)) {
                return new Found(List.copyOf(found), name);
            }
            if ((long) copy.getWidth() * copy.getHeight() <= MAX_PIXELS
                    && lookEveryWay(luminance(enhanced(copy)), found)) {
                return new Found(List.copyOf(found), name + ", sharpened");
            }
        }
        return new Found(List.of(), "not found");
    }

    /** Every binarizer on the source and its inverse; true when something was found. */
    private static boolean lookEveryWay(LuminanceSource source, LinkedHashSet<String> found) {
        for (var candidate : List.of(source, source.invert())) {
            for (var binarizer : BINARIZERS) {
                decode(binarizer.apply(candidate), found);
                if (!found.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds what the bitmap holds: every code the multi reader finds, else the one the single reader finds. */
    private static void decode(BinaryBitmap bitmap, LinkedHashSet<String> found) {
        try {
            for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
                found.add(result.getText());
            }
            return;
        } catch (ReaderException | RuntimeException notHere) {
            // the single reader's finder is more forgiving with one code
        }
        try {
            found.add(new QRCodeReader().decode(bitmap, HINTS).getText());
        } catch (ReaderException | RuntimeException notHere) {
            // not at this scale, with this binarizer
        }
    }

    /**
     * The scales tried after the picture's own: a large picture at about 1200 and 800 px on its longer side, a small
     * or middling one at twice (or 1.5 times) its size, within {@link #MAX_PIXELS}.
     */
    static List<Double> scales(int width, int height) {
        int side = Math.max(width, height);
        var scales = new ArrayList<Double>();
        scales.add(1.0);
        double up = side <= 1300 ? 2.0 : side <= 2200 ? 1.5 : 1.0;
        while (up > 1 && (long) (width * up) * (long) (height * up) > MAX_PIXELS) {
            up -= 0.25;
        }
        if (up > 1) {
            scales.add(up);
        }
        if (side > 1600) {
            scales.add(1200.0 / side);
        }
        if (side > 1000) {
            scales.add(800.0 / side);
        }
        return scales;
    }

    /**
     * Why no code was read, as a refusal: too small (with its width in pixels), too blurred, or found but
     * unreadable; or no code at all. {@code step}: the picture's pixels per pixel of {@code grey}.
     */
    static EnrolmentRefused whyNot(BufferedImage grey, int step) {
        var seen = QrGeometry.look(grey);
        if (seen == null) {
            return EnrolmentRefused.invalid("image", "no QR code was found in the image; crop it closer to the"
                    + " code, or take the screenshot or photo again with the whole code visible");
        }
        int width = (int) Math.round(seen.widthPixels() * step);
        if (seen.modulePixels() < MIN_MODULE_PIXELS) {
            return EnrolmentRefused.invalid("image", "the QR code is too small in this picture (about " + width
                    + " pixels wide): take the photo closer, so that the code fills most of it, and send the"
                    + " original photo, not a copy a messaging app has shrunk");
        }
        if (seen.blurred()) {
            return EnrolmentRefused.invalid("image", "the picture is too blurred to read the QR code (about " + width
                    + " pixels wide): hold the camera still, let it focus on the code, and take the photo again");
        }
        return EnrolmentRefused.invalid("image", "found what looks like a QR code (about " + width + " pixels"
                + " wide), but it could not be read: take the photo again, straight on, without glare or"
                + " reflections on the screen");
    }

    static LuminanceSource luminance(BufferedImage grey) {
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        return new PlanarYUVLuminanceSource(pixels, grey.getWidth(), grey.getHeight(), 0, 0, grey.getWidth(),
                grey.getHeight(), false);
    }

    static BufferedImage scaled(BufferedImage image, double scale) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var current = image;
        // shrink by halves first, so that every source pixel counts (bilinear alone skips pixels below 1/2)
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage image, int width, int height) {
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

    /**
     * A contrast-stretched (the 1st to the 99th percentile of grey spread over black to white) and sharpened copy
     * (unsharp mask: twice the difference to a 3×3 average added back), of the same size.
     */
    static BufferedImage enhanced(BufferedImage grey) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        var histogram = new int[256];
        for (byte b : in) {
            histogram[b & 0xFF]++;
        }
        int low = percentile(histogram, in.length, 0.01);
        int high = Math.max(low + 1, percentile(histogram, in.length, 0.99));
        var stretch = new int[256];
        for (int v = 0; v < 256; v++) {
            stretch[v] = Math.max(0, Math.min(255, (v - low) * 255 / (high - low)));
        }
        var out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * width;
            int row = y * width;
            int down = Math.min(height - 1, y + 1) * width;
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - 1);
                int right = Math.min(width - 1, x + 1);
                int sum = stretch[in[up + left] & 0xFF] + stretch[in[up + x] & 0xFF] + stretch[in[up + right] & 0xFF]
                        + stretch[in[row + left] & 0xFF] + stretch[in[row + x] & 0xFF]
                        + stretch[in[row + right] & 0xFF] + stretch[in[down + left] & 0xFF]
                        + stretch[in[down + x] & 0xFF] + stretch[in[down + right] & 0xFF];
                int centre = stretch[in[row + x] & 0xFF];
                int sharpened = centre + 2 * (centre - sum / 9);
                target[row + x] = (byte) Math.max(0, Math.min(255, sharpened));
            }
        }
        return out;
    }

    private static int percentile(int[] histogram, int count, double fraction) {
        long wanted = (long) (count * fraction);
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > wanted) {
                return v;
            }
        }
        return 255;
    }
}
