package dev.landline.enrolment.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Reader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.ResultPoint;
import com.google.zxing.ResultPointCallback;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Duration;
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
 * light-on-dark;</li>
 * <li>the same with the global histogram binarizer;</li>
 * <li>a contrast-stretched, sharpened copy (blur, haze, glare), then other scales — a small picture scaled up
 * (ZXing's finder needs a few pixels a module; messaging apps shrink photos to 800 px), a large one scaled down
 * (noise and JPEG blocks average out) — each as it is and sharpened, with both binarizers and polarities.</li>
 * </ol>
 * Every attempt uses ZXing's single-code reader, whose finder stops once it has confirmed three finder patterns (its
 * multi-code reader scans every row and weighs every triple of candidates: a small picture tiled with finder
 * patterns would hold a core for minutes), and gives up past {@link #MAX_CANDIDATES} pattern candidates. Only
 * where a code was found are further codes looked for (several codes of an export photographed at once), in that
 * same view, at most {@link #MAX_CODES} codes in all. A {@link Budget} bounds the attempts and the time one upload may take, checked
 * before every attempt.
 *
 * <p>Each copy is one byte a pixel and at most {@link #MAX_COPY_PIXELS} pixels; a scaled copy and its sharpened copy
 * (and ZXing's inverted view of each, or a crop of the view where a code was found) are held at once at most, besides the
 * picture. When nothing is found, {@link #whyNot} says why in words a person can act on.
 */
final class QrCodeFinder {

    /** The largest copy made (scaled up or enhanced): one byte a pixel. */
    static final long MAX_COPY_PIXELS = 6_000_000L;
    /** A QR code module narrower than this in the picture is too small to read reliably. */
    static final double MIN_MODULE_PIXELS = 2.0;
    /** The most codes read from one picture (an export photographed at once shows two or three). */
    static final int MAX_CODES = 6;
    /**
     * The most finder- or alignment-pattern candidates one attempt may see before it gives up: ZXing weighs every
     * triple of them (n³), so a picture tiled with finder patterns would otherwise hold a core for minutes. A photo
     * of a screen shows a few dozen at most.
     */
    static final int MAX_CANDIDATES = 300;
    /**
     * The same for ZXing's multi-code reader, tried once where a code was found: it keeps every triple of candidates
     * that could be a code (at most C(100, 3), about 160,000, small arrays).
     */
    static final int MAX_MULTI_CANDIDATES = 100;
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

    /**
     * How much work one upload may cost: at most {@code attempts} single-code reads (a read of one view of one copy
     * with one binarizer) and no new attempt after {@code deadline} ({@link System#nanoTime()}). Shared by every
     * pass over one picture; when it runs out, the picture is refused ("crop around the code").
     */
    static final class Budget {

        /**
         * Attempts one upload may make: every step of both passes (coarse and fine) of the largest picture, and the
         * further codes of a picture, with room to spare (at most about 70 are made).
         */
        static final int ATTEMPTS = 120;
        /**
         * Time after which no new attempt starts: a backstop, many times what the slowest unreadable picture takes
         * on an idle core (see docs/benchmarks.md), so that a busy host still reads what it can read.
         */
        static final Duration TIME = Duration.ofSeconds(60);

        private final long deadline;
        private int attemptsLeft;

        Budget(int attempts, Duration time) {
            this.attemptsLeft = attempts;
            this.deadline = System.nanoTime() + time.toNanos();
        }

        /** The budget of one upload, starting now. */
        static Budget perUpload() {
            return new Budget(ATTEMPTS, TIME);
        }

        /** Counts one attempt; refuses when none is left or time is up. */
        void spend() {
            if (attemptsLeft-- <= 0 || System.nanoTime() - deadline > 0) {
                throw EnrolmentRefused.invalid("image", "the picture took too long to search for a QR code: crop it"
                        + " around the code (with a little margin) and send it again");
            }
        }
    }

    /** The QR codes found in the picture, and at which step; no texts when none. */
    static Found find(BufferedImage grey, Budget budget) {
        var found = new LinkedHashSet<String>();
        if (lookEveryWay(grey, List.of(BINARIZERS.get(0)), found, budget)) {
            return new Found(List.copyOf(found), "as it is, hybrid binarizer");
        }
        if (lookEveryWay(grey, List.of(BINARIZERS.get(1)), found, budget)) {
            return new Found(List.copyOf(found), "as it is, global histogram binarizer");
        }
        int side = Math.max(grey.getWidth(), grey.getHeight());
        for (double scale : scales(grey.getWidth(), grey.getHeight())) {
            var copy = scale == 1 ? grey : scaled(grey, scale);
            var name = scale == 1 ? "as it is" : scale > 1 ? "scaled up ×" + scale
                    : "scaled down to " + Math.round(side * scale) + " px";
            if (scale != 1 && lookEveryWay(copy, BINARIZERS, found, budget)) {
                return new Found(List.copyOf(found), name);
            }
            if ((long) copy.getWidth() * copy.getHeight() <= MAX_COPY_PIXELS
                    && lookEveryWay(enhanced(copy), BINARIZERS, found, budget)) {
                return new Found(List.copyOf(found), name + ", sharpened");
            }
        }
        return new Found(List.of(), "not found");
    }

    /**
     * The picture and its inverse with each binarizer, until a code is found; then the further codes in that same
     * view. True when something was found.
     */
    private static boolean lookEveryWay(BufferedImage picture, List<Function<LuminanceSource, BinaryBitmap>> binarizers,
            LinkedHashSet<String> found, Budget budget) {
        for (boolean inverted : new boolean[] {false, true}) {
            for (var binarizer : binarizers) {
                var view = binarizer.apply(view(luminance(picture), inverted));
                var result = decode(view, budget);
                if (result != null) {
                    found.add(result.getText());
                    readTheOthers(view, found, budget);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Further codes in the view where one was found (several codes of one export photographed at once): ZXing's
     * multi-code reader, given at most {@link #MAX_MULTI_CANDIDATES} pattern candidates; then ZXing's generic
     * multi-code reader around the single-code reader, which reads again left of, above, right of and below each
     * code found (at most four levels deep), stopped after {@link #MAX_CODES} codes. Every read counts against the
     * budget.
     */
    private static void readTheOthers(BinaryBitmap view, LinkedHashSet<String> found, Budget budget) {
        budget.spend();
        try {
            for (var result : new QRCodeMultiReader().decodeMultiple(view, hints(true, MAX_MULTI_CANDIDATES))) {
                if (found.size() < MAX_CODES) {
                    found.add(result.getText());
                }
            }
        } catch (ReaderException | RuntimeException notThisWay) {
            // too many candidates, or no code this reader can read: the generic reader below still looks
        }
        var single = new Reader() {
            private int read;

            @Override
            public Result decode(BinaryBitmap image) throws NotFoundException {
                return decode(image, Map.of());
            }

            @Override
            public Result decode(BinaryBitmap image, Map<DecodeHintType, ?> ignored) throws NotFoundException {
                if (read >= MAX_CODES) {
                    throw NotFoundException.getNotFoundInstance();
                }
                var result = QrCodeFinder.decode(image, budget);
                if (result == null) {
                    throw NotFoundException.getNotFoundInstance();
                }
                read++;
                return result;
            }

            @Override
            public void reset() {
                // nothing kept
            }
        };
        try {
            for (var result : new GenericMultipleBarcodeReader(single).decodeMultiple(view, hints(true,
                    MAX_CANDIDATES))) {
                if (found.size() < MAX_CODES) {
                    found.add(result.getText());
                }
            }
        } catch (NotFoundException nothingMore) {
            // the code found first is all there is
        }
    }

    private static LuminanceSource view(LuminanceSource source, boolean inverted) {
        return inverted ? source.invert() : source;
    }

    /** What the bitmap holds, read with the single-code reader; null when nothing. Counts one attempt. */
    private static Result decode(BinaryBitmap bitmap, Budget budget) {
        budget.spend();
        try {
            return new QRCodeReader().decode(bitmap, hints(true, MAX_CANDIDATES));
        } catch (ReaderException | RuntimeException notHere) {
            return null; // not at this scale, with this binarizer, or too many candidates (TooManyCandidates)
        }
    }

    /**
     * ZXing's hints for one attempt: look hard, QR codes only, UTF-8, and a fresh {@link CandidateCap} of
     * {@code candidates} (ZXing calls it with every new pattern candidate).
     */
    static Map<DecodeHintType, Object> hints(boolean tryHarder, int candidates) {
        return Map.of(
                DecodeHintType.TRY_HARDER, tryHarder,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.CHARACTER_SET, "UTF-8",
                DecodeHintType.NEED_RESULT_POINT_CALLBACK, new CandidateCap(candidates));
    }

    /** Counts the pattern candidates of one attempt and stops it past its limit. */
    private static final class CandidateCap implements ResultPointCallback {

        private final int limit;
        private int seen;

        CandidateCap(int limit) {
            this.limit = limit;
        }

        @Override
        public void foundPossibleResultPoint(ResultPoint point) {
            if (++seen > limit) {
                throw new TooManyCandidates();
            }
        }
    }

    /** An attempt stopped by its {@link CandidateCap}; no stack trace (it is expected, and caught at once). */
    static final class TooManyCandidates extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooManyCandidates() {
            super("too many pattern candidates", null, false, false);
        }
    }

    /**
     * The scales tried after the picture's own: a large picture at about 1200 and 800 px on its longer side, a small
     * or middling one at twice (or 1.5 times) its size, within {@link #MAX_COPY_PIXELS}.
     */
    static List<Double> scales(int width, int height) {
        int side = Math.max(width, height);
        var scales = new ArrayList<Double>();
        scales.add(1.0);
        double up = side <= 1300 ? 2.0 : side <= 2200 ? 1.5 : 1.0;
        while (up > 1 && (long) (width * up) * (long) (height * up) > MAX_COPY_PIXELS) {
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
            if (step > 1) {
                // read at every step-th pixel: the code may be sharp enough in the picture itself
                return EnrolmentRefused.invalid("image", "the QR code is too small in this large picture (about "
                        + width + " pixels wide): crop the picture around the code (with a little margin) and send"
                        + " the crop");
            }
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
