package dev.landline.enrolment.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * QR code pictures made in tests with ZXing's writer: a bare code, and a fake screenshot with the code in one
 * corner among other shapes. No text is drawn (fonts may be missing on a headless machine).
 */
public final class QrPictures {

    private QrPictures() {
    }

    public static BufferedImage code(String text, int side) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, side, side,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 1600×1000 "screenshot": a coloured app bar, cards, a noisy photo-like block and the QR code ({@code side}
     * pixels) at ({@code x}, {@code y}).
     */
    public static BufferedImage screenshot(String text, int side, int x, int y) {
        var canvas = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        var g = canvas.createGraphics();
        try {
            g.setColor(new Color(0xF1F3F4));
            g.fillRect(0, 0, 1600, 1000);
            g.setColor(new Color(0x1A73E8));
            g.fillRect(0, 0, 1600, 90);
            g.setColor(Color.WHITE);
            for (int i = 0; i < 4; i++) {
                g.fillRoundRect(40, 130 + i * 200, 700, 170, 24, 24);
            }
            g.setColor(new Color(0x5F6368));
            for (int i = 0; i < 4; i++) {
                g.fillRect(70, 170 + i * 200, 400, 24);
                g.fillRect(70, 220 + i * 200, 260, 18);
                g.fillOval(640, 170 + i * 200, 60, 60);
            }
            var random = new Random(42);
            for (int by = 0; by < 300; by += 6) {
                for (int bx = 0; bx < 500; bx += 6) {
                    g.setColor(new Color(random.nextInt(0x1000000)));
                    g.fillRect(1050 + bx, 650 + by, 6, 6);
                }
            }
            g.setColor(Color.WHITE);
            g.fillRect(x - 20, y - 20, side + 40, side + 40);
            g.drawImage(code(text, side), x, y, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    public static BufferedImage inverted(BufferedImage image) {
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    /**
     * The text of the first QR code the service reads in the image (the service itself takes them all,
     * {@link QrImages#readAll}); refused as that is.
     */
    public static String readFirst(byte[] image) {
        return QrImages.readAll(image).get(0);
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] jpeg(BufferedImage image) {
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return encode(rgb, "jpeg");
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
