package dev.landline.enrolment.control;

import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds the QR codes in a PNG or JPEG image (a screenshot, or a photo of a screen) and returns their texts. A code
 * may fill only part of the image. This class reads the picture into a greyscale copy; {@link QrCodeFinder} looks for
 * the codes in it (several scales, binarizers and polarities) and, when none can be read, says why. Everything
 * happens in memory with no display (headless).
 *
 * <p>Memory is bounded whatever the picture: its size is read from the header first and over
 * {@link #MAX_PIXELS} is refused; a large picture is first read whole at a coarse step (every n-th pixel of every
 * n-th row), then, only if no code was found there, at a finer step into one greyscale copy of at most
 * {@link #GREY_PIXELS} pixels. A PNG of grey or RGB samples (what screenshots are) is made grey pixel by pixel as it
 * is inflated, in one pass of the image data each time, with no colour copy at all; any other picture is read band
 * by band (each at most {@link #BAND_BYTES} in colour; the coarse pass at most 3 × that). A large picture is never
 * held at full size in colour.
 */
public final class QrImages {

    /** Images larger than this are refused before their pixels are decoded (a small PNG can inflate hugely). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** The largest greyscale copy kept (one byte a pixel): a 40-megapixel picture is read at every second pixel. */
    static final long GREY_PIXELS = 12_000_000L;
    /** The most memory one decoded band of the picture takes (16-bit RGBA takes 8 bytes a pixel). */
    static final long BAND_BYTES = 8L * 1024 * 1024;
    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private QrImages() {
    }

    /** The text of the (first) QR code in the image; refused when the bytes are no PNG/JPEG or hold no QR code. */
    public static String read(byte[] imageBytes) {
        return readAll(imageBytes).get(0);
    }

    /**
     * The texts of every QR code in the image (several when an export's codes were photographed at once), never
     * empty: refused when the bytes are no PNG/JPEG, or no code could be read, saying why (too small, too blurred,
     * or none there).
     */
    public static List<String> readAll(byte[] imageBytes) {
        return find(imageBytes).texts();
    }

    /** The codes found and how (for the benchmark); refused as {@link #readAll} is. */
    static QrCodeFinder.Found find(byte[] imageBytes) {
        return withReader(imageBytes, (reader, plan) -> {
            if (plan.coarseStep() > plan.step()) {
                var found = QrCodeFinder.find(grey(reader, plan, plan.coarseStep(), plan.height()));
                if (!found.texts().isEmpty()) {
                    return new QrCodeFinder.Found(found.texts(), "coarse pass, " + found.step());
                }
            }
            var grey = grey(reader, plan, plan.step(), plan.bandRows());
            var found = QrCodeFinder.find(grey);
            if (found.texts().isEmpty()) {
                throw QrCodeFinder.whyNot(grey, plan.step());
            }
            return found;
        });
    }

    /**
     * How a picture of a given size is read: first, when the picture is large, in one pass at every
     * {@code coarseStep}-th pixel (fast; enough for a QR code of ordinary size); then, if no code was found, band by
     * band ({@code bandRows} source rows each) at every {@code step}-th pixel.
     */
    record Plan(int width, int height, int step, int bandRows, int coarseStep) {

        static Plan of(int width, int height, int bytesPerPixel) {
            int step = 1;
            while (cells(width, step) * cells(height, step) > GREY_PIXELS) {
                step++;
            }
            int bytes = Math.max(1, bytesPerPixel);
            int coarse = step;
            while (cells(width, coarse) * cells(height, coarse) * bytes > BAND_BYTES * 3) {
                coarse++;
            }
            long rowBytes = cells(width, step) * bytes;
            int rows = (int) Math.max(1, Math.min(cells(height, step), BAND_BYTES / rowBytes));
            return new Plan(width, height, step, rows * step, coarse);
        }

        static long cells(long pixels, int step) {
            return (pixels + step - 1) / step;
        }
    }

    /** What a reader does with the picture once its size is known and within limits. */
    private interface Reading<T> {
        T apply(ImageReader reader, Plan plan) throws IOException;
    }

    /** Opens the picture, checks its format and size, and reads it; every failure becomes a clear refusal. */
    private static <T> T withReader(byte[] bytes, Reading<T> reading) {
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw notAnImage();
                }
                reader.setInput(input, false, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > MAX_PIXELS) {
                    throw new EnrolmentRefused(EnrolmentRefused.Reason.TOO_LARGE, "image", "the image has "
                            + pixels / 1_000_000 + " megapixels (" + width + " × " + height + "); at most "
                            + MAX_PIXELS / 1_000_000 + " are read: crop it around the QR code");
                }
                return reading.apply(reader, Plan.of(width, height, bytesPerPixel(reader)));
            } finally {
                reader.dispose();
            }
        } catch (OutOfMemoryError e) {
            throw EnrolmentRefused.busy("the server had not enough memory free to read the image; try again");
        } catch (IOException | RuntimeException e) {
            if (e instanceof EnrolmentRefused refused) {
                throw refused;
            }
            if (causedByMemory(e)) {
                throw EnrolmentRefused.busy("the server had not enough memory free to read the image; try again");
            }
            throw EnrolmentRefused.invalid("image", "the image could not be read: it is not a PNG or JPEG image,"
                    + " or it is damaged");
        }
    }

    /**
     * The picture as a greyscale copy at every {@code step}-th pixel (white where it is transparent): in one pass
     * when {@link #greyInOnePass} can, else decoded {@code bandRows} source rows at a time.
     */
    private static BufferedImage grey(ImageReader reader, Plan plan, int step, int bandRows) throws IOException {
        var grey = new BufferedImage((int) Plan.cells(plan.width(), step), (int) Plan.cells(plan.height(), step),
                BufferedImage.TYPE_BYTE_GRAY);
        var graphics = grey.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            if (greyInOnePass(reader, step, grey)) {
                return grey;
            }
            graphics.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            for (int top = 0; top < plan.height(); top += bandRows) {
                var param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle(0, top, plan.width(), Math.min(bandRows, plan.height() - top)));
                param.setSourceSubsampling(step, step, 0, 0);
                var band = reader.read(0, param);
                if (band == null) {
                    throw notAnImage();
                }
                if (!copyGrey(band, grey, top / step)) {
                    graphics.drawImage(band, 0, top / step, null);
                }
            }
        } finally {
            graphics.dispose();
        }
        return grey;
    }

    /**
     * A PNG of plain grey or RGB samples (8 or 16 bits, with or without alpha: what screenshots are) read in one
     * pass into the grey picture: the reader writes each subsampled pixel into a destination that keeps no pixels
     * of its own but turns each into its grey value at once ({@link GreyDestination}). The image data is inflated
     * once, whatever the picture's size, and no colour copy is held. False (nothing read) for any other picture,
     * or a reader that writes its destination otherwise: those are read band by band.
     */
    private static boolean greyInOnePass(ImageReader reader, int step, BufferedImage grey) throws IOException {
        if (!reader.getFormatName().equalsIgnoreCase("png")) {
            return false;
        }
        var type = reader.getRawImageType(0);
        if (type == null || !(type.getColorModel() instanceof ComponentColorModel model)
                || !(type.getSampleModel() instanceof ComponentSampleModel)) {
            return false;
        }
        int colourBands = model.getColorSpace().getType() == ColorSpace.TYPE_RGB ? 3
                : model.getColorSpace().getType() == ColorSpace.TYPE_GRAY ? 1 : 0;
        int shift = model.getComponentSize(0) - 8;
        if (colourBands == 0 || model.getNumComponents() != colourBands + (model.hasAlpha() ? 1 : 0)
                || (shift != 0 && shift != 8) || model.isAlphaPremultiplied()) {
            return false;
        }
        var sampleModel = type.getSampleModel(grey.getWidth(), grey.getHeight());
        var destination = new GreyDestination(sampleModel, sampleModel.getDataType() == DataBuffer.TYPE_BYTE
                ? new DataBufferByte(1) : new DataBufferUShort(1), grey.getRaster(),
                colourBands, model.hasAlpha(), shift);
        var param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        param.setDestination(new BufferedImage(model, destination, false, null));
        try {
            reader.read(0, param);
            return true;
        } catch (UnsupportedOperationException writesOtherwise) {
            return false;
        }
    }

    /**
     * A destination raster that stores nothing: each pixel the reader sets is turned into its grey value as ZXing
     * weighs it (over white where transparent) and written to the grey picture. Only {@code setPixel} is
     * supported, the way the JDK's PNG reader writes a subsampled or non-byte destination.
     */
    private static final class GreyDestination extends WritableRaster {

        private final WritableRaster grey;
        private final int colourBands;
        private final boolean alpha;
        private final int shift;

        GreyDestination(SampleModel model, DataBuffer nothing, WritableRaster grey,
                int colourBands, boolean alpha, int shift) {
            super(model, nothing, new Point(0, 0));
            this.grey = grey;
            this.colourBands = colourBands;
            this.alpha = alpha;
            this.shift = shift;
        }

        @Override
        public void setPixel(int x, int y, int[] samples) {
            grey.setSample(x, y, 0, luminance(samples, 0, colourBands, alpha, shift));
        }

        @Override
        public void setPixels(int x, int y, int w, int h, int[] samples) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRect(int dx, int dy, Raster source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setDataElements(int x, int y, Object elements) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setSample(int x, int y, int band, int sample) {
            throw new UnsupportedOperationException();
        }
    }

    /** The grey value of one pixel's samples, as ZXing weighs colours, over white where it is transparent. */
    private static int luminance(int[] samples, int i, int colourBands, boolean alpha, int shift) {
        int luminance;
        if (colourBands == 3) {
            luminance = (306 * (samples[i] >> shift) + 601 * (samples[i + 1] >> shift)
                    + 117 * (samples[i + 2] >> shift) + 0x200) >> 10;
        } else {
            luminance = samples[i] >> shift;
        }
        if (alpha) {
            int a = samples[i + colourBands] >> shift;
            luminance = (luminance * a + 255 * (255 - a) + 127) / 255;
        }
        return luminance;
    }

    /**
     * Copies a band of plain grey or RGB samples (8 or 16 bits, with or without alpha) into the grey picture as ZXing
     * weighs them, over white where it is transparent; false for any other kind of band (drawn by Java 2D).
     */
    private static boolean copyGrey(BufferedImage band, BufferedImage grey, int atRow) {
        if (!(band.getColorModel() instanceof ComponentColorModel model)) {
            return false;
        }
        int colourBands = model.getColorSpace().getType() == ColorSpace.TYPE_RGB ? 3
                : model.getColorSpace().getType() == ColorSpace.TYPE_GRAY ? 1 : 0;
        int bands = band.getRaster().getNumBands();
        if (colourBands == 0 || bands != colourBands + (model.hasAlpha() ? 1 : 0)) {
            return false;
        }
        int shift = model.getComponentSize(0) - 8;
        if (shift < 0 || model.isAlphaPremultiplied()) {
            return false;
        }
        var source = band.getRaster();
        var target = grey.getRaster();
        int width = Math.min(band.getWidth(), grey.getWidth());
        var samples = new int[width * bands];
        var row = new int[width];
        for (int y = 0; y < band.getHeight() && atRow + y < grey.getHeight(); y++) {
            source.getPixels(0, y, width, 1, samples);
            for (int x = 0, i = 0; x < width; x++, i += bands) {
                row[x] = luminance(samples, i, colourBands, model.hasAlpha(), shift);
            }
            target.setPixels(0, atRow + y, width, 1, row);
        }
        return true;
    }

    /** Bytes a decoded pixel takes (8 for 16-bit RGBA), before it is made grey. */
    private static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            var types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 8;
        }
        var model = type.getSampleModel();
        int bits = DataBuffer.getDataTypeSize(model.getDataType());
        int samples = model.getNumBands();
        return Math.max(1, samples * bits / 8);
    }

    private static boolean causedByMemory(Throwable e) {
        for (var cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static EnrolmentRefused notAnImage() {
        return EnrolmentRefused.invalid("image", "the upload is not a PNG or JPEG image");
    }
}
