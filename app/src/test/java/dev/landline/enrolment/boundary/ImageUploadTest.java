package dev.landline.enrolment.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.landline.enrolment.control.EnrolmentRefused;
import dev.landline.enrolment.control.EnrolmentRefused.Reason;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageUploadTest {

    @Test
    void pngAndJpegBodiesUpToFiveMebibytesAreRead() {
        var exactly = new byte[ImageUpload.MAX_BYTES];
        Arrays.fill(exactly, (byte) 7);
        assertArrayEquals(exactly, ImageUpload.read("image/png", new ByteArrayInputStream(exactly)));
        assertArrayEquals(new byte[] {1, 2}, ImageUpload.read("Image/JPEG; q=1", new ByteArrayInputStream(new byte[] {1, 2})));
    }

    @Test
    void oneByteOverTheLimitIs413() {
        var refused = assertThrows(EnrolmentRefused.class,
                () -> ImageUpload.read("image/png", new ByteArrayInputStream(new byte[ImageUpload.MAX_BYTES + 1])));
        assertEquals(Reason.TOO_LARGE, refused.reason());
    }

    @Test
    void otherContentTypesAre415AndAnEmptyBodyIs400() {
        for (var type : new String[] {null, "text/plain", "image/gif", "application/octet-stream"}) {
            var refused = assertThrows(EnrolmentRefused.class,
                    () -> ImageUpload.read(type, new ByteArrayInputStream(new byte[] {1})));
            assertEquals(Reason.UNSUPPORTED_TYPE, refused.reason(), type);
        }
        var empty = assertThrows(EnrolmentRefused.class,
                () -> ImageUpload.read("image/png", new ByteArrayInputStream(new byte[0])));
        assertEquals(Reason.INVALID, empty.reason());
    }
}
