package dev.landline.enrolment.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.detector.Detector;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Map;

/**
 * What can be seen of a QR code that could not be read: where its three finder patterns are, hence its size in
 * modules and in pixels, and whether its edges are too soft for its modules (blur). Only for the refusal's words.
 *
 * @param modulePixels how wide one module is in the picture
 * @param widthPixels how wide the whole code is (without its quiet zone)
 * @param blurred whether the code's edges are spread over more than a module
 */
record QrGeometry(double modulePixels, double widthPixels, boolean blurred) {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    /** A finder pattern edge wider than this (in modules, 10 % to 90 %) means the picture is too blurred. */
    private static final double BLURRED_EDGE = 0.7;

    /**
     * The code's geometry, looked for at the picture's size and at two and three times it (a tiny code); null if
     * none is seen.
     */
    static QrGeometry look(BufferedImage grey) {
        var seen = at(grey, 1);
        for (int scale = 2; seen == null && scale <= 3
                && (long) grey.getWidth() * grey.getHeight() * scale * scale <= QrCodeFinder.MAX_PIXELS; scale++) {
            seen = at(QrCodeFinder.scaled(grey, scale), scale);
        }
        return seen;
    }

    private static QrGeometry at(BufferedImage grey, double scale) {
        var source = QrCodeFinder.luminance(grey);
        boolean inverted = false;
        for (var candidate : List.of(source, source.invert())) {
            try {
                var matrix = new BinaryBitmap(new HybridBinarizer(candidate)).getBlackMatrix();
                var detected = new Detector(matrix).detect(HINTS);
                var points = detected.getPoints();
                int dimension = detected.getBits().getWidth();
                // points: bottom left, top left, top right finder centres, 3.5 modules in from the code's corners
                double module = (ResultPoint.distance(points[1], points[2])
                        + ResultPoint.distance(points[1], points[0])) / 2 / (dimension - 7);
                double edge = (edgeWidth(grey, points[1], points[2], module, inverted)
                        + edgeWidth(grey, points[1], points[0], module, inverted)) / 2;
                return new QrGeometry(module / scale, module * dimension / scale, edge > BLURRED_EDGE);
            } catch (ReaderException | RuntimeException notSeen) {
                inverted = true;
            }
        }
        return null;
    }

    /**
     * How wide (in modules) the top left finder pattern's outer edge is, from 10 % to 90 % of the way from its
     * dark ring to the light quiet zone, looking from its centre away from {@code other} finder: a sharp picture
     * steps within a fraction of a module, a blurred one spreads the step over a module or more.
     */
    private static double edgeWidth(BufferedImage grey, ResultPoint centre, ResultPoint other, double module,
            boolean inverted) {
        double dx = centre.getX() - other.getX();
        double dy = centre.getY() - other.getY();
        double length = Math.hypot(dx, dy);
        dx = dx / length * module;
        dy = dy / length * module;
        int samples = 41; // 2.0 to 6.0 modules from the centre, a tenth of a module apart
        var profile = new double[samples];
        for (int i = 0; i < samples; i++) {
            double t = 2.0 + i * 0.1;
            double v = sample(grey, centre.getX() + t * dx, centre.getY() + t * dy);
            profile[i] = inverted ? 255 - v : v;
        }
        double dark = Double.MAX_VALUE;
        double light = -Double.MAX_VALUE;
        for (int i = 0; i < samples; i++) {
            if (i <= 15) {
                dark = Math.min(dark, profile[i]);
            } else {
                light = Math.max(light, profile[i]);
            }
        }
        if (light - dark < 20) {
            return Double.MAX_VALUE;
        }
        double low = dark + 0.1 * (light - dark);
        double high = dark + 0.9 * (light - dark);
        int from = 0;
        int to = samples - 1;
        for (int i = 0; i < samples; i++) {
            if (profile[i] <= low) {
                from = i;
            }
        }
        for (int i = from; i < samples; i++) {
            if (profile[i] >= high) {
                to = i;
                break;
            }
        }
        return (to - from) * 0.1;
    }

    /** The grey value at a point, bilinear; white outside the picture. */
    private static double sample(BufferedImage grey, double x, double y) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1) {
            return 255;
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int i = y0 * width + x0;
        double top = (pixels[i] & 0xFF) * (1 - fx) + (pixels[i + 1] & 0xFF) * fx;
        double bottom = (pixels[i + width] & 0xFF) * (1 - fx) + (pixels[i + width + 1] & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static int percentile(int[] histogram, int count, double fraction) {
        long wanted = (long) (count * fraction);
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > wanted) {
                return v;
            }
        }
        return histogram.length - 1;
    }
}
