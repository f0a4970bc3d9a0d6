package dev.landline.enrolment.boundary;

import dev.landline.enrolment.control.EnrolmentRefused;
import dev.landline.enrolment.control.EnrolmentRefused.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads an uploaded image body: PNG or JPEG by its content type, at most {@value #MAX_BYTES} bytes (5 MiB). */
final class ImageUpload {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private ImageUpload() {
    }

    static byte[] read(String contentType, InputStream body) {
        var type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("image/png") && !type.equals("image/jpeg") && !type.equals("image/jpg")) {
            throw new EnrolmentRefused(Reason.UNSUPPORTED_TYPE, "Content-Type", "send a PNG or JPEG image"
                    + " (Content-Type image/png or image/jpeg), or {\"uri\": …} as application/json");
        }
        try {
            var out = new ByteArrayOutputStream();
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = body.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new EnrolmentRefused(Reason.TOO_LARGE, "image",
                            "the image is larger than 5 MiB (" + MAX_BYTES + " bytes); crop or shrink it");
                }
            }
            if (out.size() == 0) {
                throw EnrolmentRefused.invalid("image", "the request has no image in its body");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw EnrolmentRefused.invalid("image", "the image upload was cut off");
        }
    }
}
