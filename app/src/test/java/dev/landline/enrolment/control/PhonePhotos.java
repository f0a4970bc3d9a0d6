package dev.landline.enrolment.control;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.landline.enrolment.control.proto.GoogleAuthMigration.MigrationPayload;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The photo corpus (issue 14): Google Authenticator export QR codes of 1, 4 and 10 accounts shown on a phone
 * screen, then "photographed" in Java 2D — perspective, rotation, optical blur, sensor noise, uneven light and glare,
 * JPEG at quality 40–90, 600–2000 px wide, dark-on-light and light-on-dark — plus copies as a messaging app passes
 * them on (800 px wide, JPEG 50 %) and pictures with two or three codes of one export at once. Everything comes
 * from one seed: sample {@code i} is made from {@code new Random(seed * 1_000_003 + i)} alone, so any sample can be
 * made again without the others, and a failure names the sample that reproduces it.
 */
public final class PhonePhotos {

    /** The corpus seed of the benchmark, the unit test and the committed verdicts. */
    public static final long SEED = 14;

    /** What a sample stresses; every sample also has mild amounts of everything else. */
    public enum Condition {
        CLEAN, PERSPECTIVE, ROTATION, BLUR, NOISE, UNEVEN_LIGHT, LOW_JPEG, SMALL, LARGE, DARK_MODE, MESSAGING, MULTI
    }

    /** One picture of the corpus and the QR code texts it shows (the export URIs, one per code). */
    public record Sample(String id, Condition condition, int accounts, int width, int quality, List<String> texts,
            byte[] jpeg) {

        @Override
        public String toString() {
            return id + " (" + condition + ", " + accounts + " accounts, " + width + " px, JPEG " + quality + ")";
        }
    }

    private static final int[] ACCOUNTS = {1, 4, 10};
    private static final String[] ISSUERS = {"GitHub", "Google", "Example Bank", "Mastodon", "Dropbox", "AWS",
        "Proton", "Fastmail", "Cloudflare", "Discord", "Bitwarden", "Nextcloud"};

    private PhonePhotos() {
    }

    /** The corpus: {@code repetitions} samples of every condition and account count, in a fixed order. */
    public static List<Sample> corpus(long seed, int repetitions) {
        var samples = new ArrayList<Sample>();
        int i = 0;
        for (int r = 0; r < repetitions; r++) {
            for (var condition : Condition.values()) {
                for (int accounts : ACCOUNTS) {
                    samples.add(sample(seed, i++, condition, accounts));
                }
            }
        }
        return samples;
    }

    /** Sample {@code index} of the corpus, made from the seed and the index alone. */
    public static Sample sample(long seed, int index, Condition condition, int accounts) {
        var random = new Random(seed * 1_000_003L + index);
        var p = Params.of(condition, random);
        int codes = condition == Condition.MULTI ? 2 + random.nextInt(2) : 1;
        var texts = exportTexts(random, accounts, codes);
        BufferedImage source = codes == 1 ? phoneScreen(texts.get(0), p, random)
                : desktopScreen(texts, p);
        var photo = photograph(source, p, random, codes == 1);
        int width = photo.getWidth();
        int quality = p.quality;
        if (condition == Condition.MESSAGING) {
            // the phone's own JPEG, then the messaging app's copy of it
            photo = resized(decodeJpeg(jpeg(photo, p.quality)), 800);
            width = 800;
            quality = 50;
        }
        var id = String.format("s%03d-%s-%d", index, condition.name().toLowerCase(java.util.Locale.ROOT), accounts);
        return new Sample(id, condition, accounts, width, quality, texts, jpeg(photo, quality));
    }

    /** The parameters of one photo. */
    private static final class Params {
        int width;
        double rotation;
        double perspective;
        double blur;
        double noise;
        double light;
        double glare;
        int quality;
        boolean dark;
        double fill;

        static Params of(Condition c, Random r) {
            var p = new Params();
            p.width = 1000 + r.nextInt(700);
            p.rotation = (r.nextDouble() * 2 - 1) * 4;
            p.perspective = r.nextDouble() * 0.05;
            p.blur = 0.3 + r.nextDouble() * 0.6;
            p.noise = 2 + r.nextDouble() * 4;
            p.light = r.nextDouble() * 0.25;
            p.glare = r.nextDouble() < 0.3 ? r.nextDouble() * 0.25 : 0;
            p.quality = 60 + r.nextInt(31);
            p.dark = r.nextDouble() < 0.15;
            p.fill = 0.6 + r.nextDouble() * 0.25;
            switch (c) {
                case CLEAN -> {
                    p.rotation /= 2;
                    p.blur = 0.4;
                    p.noise = 1.5;
                    p.quality = 90;
                    p.dark = false;
                }
                case PERSPECTIVE -> p.perspective = 0.08 + r.nextDouble() * 0.10;
                case ROTATION -> p.rotation = (r.nextBoolean() ? 1 : -1) * (8 + r.nextDouble() * 7);
                case BLUR -> p.blur = 1.2 + r.nextDouble() * 1.3;
                case NOISE -> p.noise = 10 + r.nextDouble() * 10;
                case UNEVEN_LIGHT -> {
                    p.light = 0.45 + r.nextDouble() * 0.35;
                    p.glare = 0.3 + r.nextDouble() * 0.4;
                }
                case LOW_JPEG -> p.quality = 40 + r.nextInt(11);
                case SMALL -> p.width = 600 + r.nextInt(201);
                case LARGE -> p.width = 1800 + r.nextInt(201);
                case DARK_MODE -> p.dark = true;
                case MESSAGING -> {
                    p.width = 1400;
                    p.quality = 55;
                    p.rotation = (r.nextDouble() * 2 - 1) * 5;
                    p.perspective = 0.03 + r.nextDouble() * 0.04;
                    p.blur = 0.6 + r.nextDouble() * 0.4;
                    p.noise = 3 + r.nextDouble() * 3;
                }
                case MULTI -> {
                    p.width = 1400 + r.nextInt(601);
                    p.fill = 0.8 + r.nextDouble() * 0.1;
                }
            }
            return p;
        }
    }

    /** The URIs of one export of {@code accounts} accounts spread over {@code codes} QR codes. */
    static List<String> exportTexts(Random random, int accounts, int codes) {
        int batchId = random.nextInt(Integer.MAX_VALUE);
        var all = new ArrayList<MigrationPayload.OtpParameters>();
        for (int a = 0; a < accounts; a++) {
            var secret = new byte[random.nextInt(3) == 0 ? 20 : 10];
            random.nextBytes(secret);
            var issuer = ISSUERS[random.nextInt(ISSUERS.length)];
            var label = "user" + random.nextInt(1000) + "@example.org";
            all.add(ExportFixtures.totp(issuer, label, secret));
        }
        var texts = new ArrayList<String>();
        for (int c = 0; c < codes; c++) {
            int from = accounts * c / codes;
            int to = Math.max(from + 1, accounts * (c + 1) / codes);
            texts.add(ExportFixtures.uri(ExportFixtures.payload(batchId, codes, c, all.subList(from, to))));
        }
        return texts;
    }

    /** The QR code's modules as Google Authenticator makes them (ZXing, error correction L). */
    static ByteMatrix modules(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.L, Map.of()).getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A phone screen (bezel included) of the export page, about as many pixels as it will cover in the photo. */
    private static BufferedImage phoneScreen(String text, Params p, Random random) {
        int photoHeight = p.width * 4 / 3;
        int height = (int) Math.round(photoHeight * p.fill * 1.15);
        int width = height * 9 / 19;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x111111));
            g.fillRect(0, 0, width, height);
            double bezel = width * 0.035;
            var background = p.dark ? new Color(0x202124) : new Color(0xFAFAFA);
            var ink = p.dark ? new Color(0x202124) : new Color(0x111111);
            g.setColor(background);
            g.fill(new java.awt.geom.RoundRectangle2D.Double(bezel, bezel, width - 2 * bezel, height - 2 * bezel,
                    width * 0.08, width * 0.08));
            var text1 = p.dark ? new Color(0xE8EAED) : new Color(0x3C4043);
            g.setColor(text1);
            // title and explanation lines stand in for text (fonts may be missing on a headless machine)
            g.fill(new Rectangle2D.Double(width * 0.1, height * 0.08, width * 0.55, height * 0.025));
            for (int l = 0; l < 3; l++) {
                g.fill(new Rectangle2D.Double(width * 0.1, height * (0.13 + l * 0.025),
                        width * (0.6 + random.nextDouble() * 0.2), height * 0.011));
            }
            double side = width * 0.72;
            double x = (width - side) / 2;
            double y = height * 0.27;
            // the app shows the code on a light square in both themes; "dark" here means light modules on dark
            drawCode(g, modules(text), x, y, side, p.dark ? new Color(0x202124) : Color.WHITE,
                    p.dark ? new Color(0xE8EAED) : ink);
            g.setColor(p.dark ? new Color(0x8AB4F8) : new Color(0x1A73E8));
            g.fill(new java.awt.geom.RoundRectangle2D.Double(width * 0.62, height * 0.88, width * 0.28,
                    height * 0.04, height * 0.04, height * 0.04));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A computer screen showing the export's codes side by side (a multi-code export shown at once). */
    private static BufferedImage desktopScreen(List<String> texts, Params p) {
        int width = (int) Math.round(p.width * p.fill * 1.1);
        int height = width * 10 / 16;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x111111));
            g.fillRect(0, 0, width, height);
            double bezel = width * 0.02;
            g.setColor(p.dark ? new Color(0x202124) : new Color(0xF1F3F4));
            g.fill(new Rectangle2D.Double(bezel, bezel, width - 2 * bezel, height - 2 * bezel));
            int n = texts.size();
            double gap = width * 0.04;
            double side = Math.min((width - 2 * bezel - (n + 1) * gap) / n, height * 0.7);
            double y = (height - side) / 2;
            for (int i = 0; i < n; i++) {
                double x = bezel + gap + i * (side + gap);
                drawCode(g, modules(texts.get(i)), x, y, side, p.dark ? new Color(0x202124) : Color.WHITE,
                        p.dark ? new Color(0xE8EAED) : new Color(0x111111));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The code with a quiet zone of 4 modules, at fractional module size (anti-aliased as a camera sees it). */
    private static void drawCode(java.awt.Graphics2D g, ByteMatrix matrix, double x, double y, double side,
            Color light, Color dark) {
        g.setColor(light);
        g.fill(new Rectangle2D.Double(x, y, side, side));
        double module = side / (matrix.getWidth() + 8);
        g.setColor(dark);
        for (int r = 0; r < matrix.getHeight(); r++) {
            for (int c = 0; c < matrix.getWidth(); c++) {
                if (matrix.get(c, r) == 1) {
                    g.fill(new Rectangle2D.Double(x + (c + 4) * module, y + (r + 4) * module, module + 0.02,
                            module + 0.02));
                }
            }
        }
    }

    /**
     * The screen photographed: placed on a desk (portrait photo for a phone, landscape for a computer screen),
     * rotated, in perspective, lit unevenly, with glare, blurred, noisy.
     */
    private static BufferedImage photograph(BufferedImage screen, Params p, Random random, boolean portrait) {
        int width = p.width;
        int height = portrait ? width * 4 / 3 : width * 3 / 4;
        // where the screen's corners land: centred, scaled to fill, rotated, each corner pushed for perspective
        double scale = Math.min(height * p.fill / screen.getHeight(), width * 0.92 / screen.getWidth());
        double cx = width / 2.0 + (random.nextDouble() - 0.5) * width * 0.06;
        double cy = height / 2.0 + (random.nextDouble() - 0.5) * height * 0.06;
        double angle = Math.toRadians(p.rotation);
        double[][] src = {{0, 0}, {screen.getWidth(), 0}, {screen.getWidth(), screen.getHeight()},
            {0, screen.getHeight()}};
        double[][] dst = new double[4][2];
        double tiltX = (random.nextDouble() * 2 - 1) * p.perspective;
        double tiltY = (random.nextDouble() * 2 - 1) * p.perspective;
        for (int k = 0; k < 4; k++) {
            double u = (src[k][0] - screen.getWidth() / 2.0) * scale;
            double v = (src[k][1] - screen.getHeight() / 2.0) * scale;
            // a tilt shrinks the far edge: keystone in x and y
            double sx = 1 + tiltY * Math.signum(v);
            double sy = 1 + tiltX * Math.signum(u);
            u *= sx;
            v *= sy;
            u += (random.nextDouble() - 0.5) * p.perspective * 0.3 * screen.getWidth() * scale;
            v += (random.nextDouble() - 0.5) * p.perspective * 0.3 * screen.getHeight() * scale;
            dst[k][0] = cx + u * Math.cos(angle) - v * Math.sin(angle);
            dst[k][1] = cy + u * Math.sin(angle) + v * Math.cos(angle);
        }
        double[] toScreen = homography(dst, src);
        int[] screenPixels = screen.getRGB(0, 0, screen.getWidth(), screen.getHeight(), null, 0, screen.getWidth());
        float[][] rgb = new float[3][width * height];
        double gradientAngle = random.nextDouble() * Math.PI * 2;
        double gx = Math.cos(gradientAngle);
        double gy = Math.sin(gradientAngle);
        double glareX = width * (0.2 + random.nextDouble() * 0.6);
        double glareY = height * (0.2 + random.nextDouble() * 0.6);
        double glareR = Math.min(width, height) * (0.1 + random.nextDouble() * 0.15);
        int desk = 0x7A5C3E + random.nextInt(0x202020);
        int sw = screen.getWidth();
        int sh = screen.getHeight();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double w = toScreen[6] * x + toScreen[7] * y + 1;
                double u = (toScreen[0] * x + toScreen[1] * y + toScreen[2]) / w;
                double v = (toScreen[3] * x + toScreen[4] * y + toScreen[5]) / w;
                int colour;
                if (u >= 0 && v >= 0 && u < sw - 1 && v < sh - 1) {
                    colour = bilinear(screenPixels, sw, u, v);
                } else {
                    colour = desk;
                }
                double nx = (double) x / width - 0.5;
                double ny = (double) y / height - 0.5;
                double light = 1 - p.light * (0.5 + (nx * gx + ny * gy)) - 0.25 * (nx * nx + ny * ny);
                double glare = p.glare == 0 ? 0 : p.glare * Math.exp(-((x - glareX) * (x - glareX)
                        + (y - glareY) * (y - glareY)) / (2 * glareR * glareR)) * 255;
                int i = y * width + x;
                rgb[0][i] = (float) (((colour >> 16) & 0xFF) * light + glare);
                rgb[1][i] = (float) (((colour >> 8) & 0xFF) * light + glare);
                rgb[2][i] = (float) ((colour & 0xFF) * light + glare);
            }
        }
        for (var channel : rgb) {
            gaussianBlur(channel, width, height, p.blur);
        }
        var photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = new int[width * height];
        // sensor noise: Gaussian, drawn from a table (seeded) read from a random place on every row: fast
        var gaussians = new float[1 << 16];
        for (int k = 0; k < gaussians.length; k++) {
            gaussians[k] = (float) (random.nextGaussian() * p.noise);
        }
        int mask = gaussians.length - 1;
        for (int y = 0, i = 0; y < height; y++) {
            int k = random.nextInt(gaussians.length);
            for (int x = 0; x < width; x++, i++, k += 4) {
                float n = gaussians[k & mask];
                int r = clamp(rgb[0][i] + n + gaussians[(k + 1) & mask] * 0.5f);
                int gr = clamp(rgb[1][i] + n + gaussians[(k + 2) & mask] * 0.5f);
                int b = clamp(rgb[2][i] + n + gaussians[(k + 3) & mask] * 0.5f);
                out[i] = (r << 16) | (gr << 8) | b;
            }
        }
        photo.setRGB(0, 0, width, height, out, 0, width);
        return photo;
    }

    private static int clamp(double value) {
        return value <= 0 ? 0 : value >= 255 ? 255 : (int) (value + 0.5);
    }

    private static int bilinear(int[] pixels, int width, double u, double v) {
        int x = (int) u;
        int y = (int) v;
        double fx = u - x;
        double fy = v - y;
        int a = pixels[y * width + x];
        int b = pixels[y * width + x + 1];
        int c = pixels[(y + 1) * width + x];
        int d = pixels[(y + 1) * width + x + 1];
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 0xFF) * (1 - fx) + ((b >> shift) & 0xFF) * fx;
            double bottom = ((c >> shift) & 0xFF) * (1 - fx) + ((d >> shift) & 0xFF) * fx;
            result |= clamp(top * (1 - fy) + bottom * fy) << shift;
        }
        return result;
    }

    /** A separable Gaussian blur of standard deviation {@code sigma} pixels, in place. */
    private static void gaussianBlur(float[] channel, int width, int height, double sigma) {
        if (sigma < 0.05) {
            return;
        }
        int radius = (int) Math.ceil(sigma * 3);
        var kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        var padded = new float[Math.max(width, height) + 2 * radius];
        for (int y = 0; y < height; y++) {
            blurLine(channel, y * width, 1, width, kernel, radius, padded);
        }
        for (int x = 0; x < width; x++) {
            blurLine(channel, x, width, height, kernel, radius, padded);
        }
    }

    /** Blurs {@code length} values from {@code start}, {@code stride} apart, edges repeated. */
    private static void blurLine(float[] values, int start, int stride, int length, float[] kernel, int radius,
            float[] padded) {
        for (int k = 0; k < length + 2 * radius; k++) {
            int at = Math.min(length - 1, Math.max(0, k - radius));
            padded[k] = values[start + at * stride];
        }
        for (int k = 0; k < length; k++) {
            float acc = 0;
            for (int t = 0; t < kernel.length; t++) {
                acc += kernel[t] * padded[k + t];
            }
            values[start + k * stride] = acc;
        }
    }

    /**
     * The projective map taking the four {@code from} points to the four {@code to} points, as h0..h7 of
     * x' = (h0 x + h1 y + h2) / (h6 x + h7 y + 1), y' = (h3 x + h4 y + h5) / (h6 x + h7 y + 1).
     */
    static double[] homography(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int k = 0; k < 4; k++) {
            double x = from[k][0];
            double y = from[k][1];
            double u = to[k][0];
            double v = to[k][1];
            a[2 * k] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * k + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            var swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int c = col; c < 9; c++) {
                        a[row][c] -= f * a[col][c];
                    }
                }
            }
        }
        var h = new double[8];
        for (int k = 0; k < 8; k++) {
            h[k] = a[k][8] / a[k][k];
        }
        return h;
    }

    /** The picture scaled to {@code width} pixels wide, averaging (as phones and messaging apps shrink). */
    static BufferedImage resized(BufferedImage image, int width) {
        int height = (int) Math.round((double) image.getHeight() * width / image.getWidth());
        var current = image;
        // halve with bilinear until within 2x, then one last bilinear step: close to an area average
        while (current.getWidth() / 2 >= width) {
            current = scale(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return scale(current, width, height);
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** JPEG at {@code quality} per cent, as ImageIO's encoder writes it (deterministic for given pixels). */
    public static byte[] jpeg(BufferedImage image, int quality) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (var bytes = new ByteArrayOutputStream(); var out = new MemoryCacheImageOutputStream(bytes)) {
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage decodeJpeg(byte[] jpeg) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
