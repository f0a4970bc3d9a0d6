package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression cases: a few pictures of the photo corpus ({@link PhonePhotos}) committed as files, so that they stay
 * read whatever becomes of the generator. What each holds is checked by reading the export it carries: the account
 * count the file is named after, and every code of its export.
 */
class CommittedPhotosTest {

    @ParameterizedTest(name = "{0}: {1} accounts in {2} code(s)")
    @CsvSource({
        "messaging-app-copy-4-accounts.jpg, 4, 1",
        "small-photo-10-accounts.jpg, 10, 1",
        "dark-mode-10-accounts.jpg, 10, 1",
        "tilted-photo-10-accounts.jpg, 10, 1",
        "three-codes-at-once-10-accounts.jpg, 10, 3"})
    void everyCodeOfTheExportInThePhotoIsRead(String file, int accounts, int codes) throws IOException {
        var read = QrImages.readAll(photo(file));
        assertEquals(codes, read.size(), "codes read");
        var indices = new HashSet<Integer>();
        var batches = new HashSet<Integer>();
        int keys = 0;
        for (var text : read) {
            var part = (Scan.ExportPart) MigrationExport.read(text);
            assertEquals(codes, part.size(), "the export has that many codes");
            indices.add(part.index());
            batches.add(part.batchId());
            keys += part.keys().size();
        }
        assertEquals(codes, indices.size(), "each code once");
        assertEquals(1, batches.size(), "one export");
        assertEquals(accounts, keys, "accounts");
    }

    private static byte[] photo(String name) throws IOException {
        try (InputStream in = CommittedPhotosTest.class.getResourceAsStream("/enrolment/photos/" + name)) {
            assertNotNull(in, "missing test photo " + name);
            return in.readAllBytes();
        }
    }
}
