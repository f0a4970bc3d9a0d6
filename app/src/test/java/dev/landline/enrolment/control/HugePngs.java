package dev.landline.enrolment.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Very large RGBA PNG "screenshots" (8 or 16 bits a sample) written row by row, never held as an image: a light
 * background, an opaque app bar and, in the middle, a QR code ({@link QrPictures#code}) on a white square. A
 * 6400 × 6250 picture (40 megapixels) is a few hundred kilobytes to a few megabytes, as such screenshots are.
 */
public final class HugePngs {

    private HugePngs() {
    }

    public static byte[] screenshot(String text, int width, int height, int qrSide, int bitDepth) {
        var qr = QrPictures.code(text, qrSide);
        int left = (width - qrSide) / 2;
        int top = (height - qrSide) / 2;
        int bytesPerSample = bitDepth / 8;
        try {
            var out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                    .put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0).array());
            var pixels = new ByteArrayOutputStream();
            try (var deflate = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_SPEED), 64 * 1024)) {
                var row = new byte[1 + width * 4 * bytesPerSample];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int argb;
                        if (y < height / 20) {
                            argb = 0xFF1A73E8;
                        } else if (y >= top - 40 && y < top + qrSide + 40 && x >= left - 40 && x < left + qrSide + 40) {
                            boolean inCode = y >= top && y < top + qrSide && x >= left && x < left + qrSide;
                            argb = inCode ? qr.getRGB(x - left, y - top) : 0xFFFFFFFF;
                        } else {
                            argb = 0xFFF1F3F4;
                        }
                        put(row, 1 + x * 4 * bytesPerSample, argb, bytesPerSample);
                    }
                    deflate.write(row);
                }
            }
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(byte[] row, int at, int argb, int bytesPerSample) {
        int[] samples = {argb >>> 16 & 0xFF, argb >>> 8 & 0xFF, argb & 0xFF, argb >>> 24 & 0xFF};
        for (int i = 0; i < 4; i++) {
            for (int b = 0; b < bytesPerSample; b++) {
                row[at + i * bytesPerSample + b] = (byte) samples[i];
            }
        }
    }

    /** Appends one PNG chunk: length, type, data and the CRC over type and data. */
    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
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
