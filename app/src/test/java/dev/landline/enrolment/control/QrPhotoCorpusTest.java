package dev.landline.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The service reads every photo of the corpus that zbar reads (issue 14). The corpus is made here from its seed
 * ({@link PhonePhotos}); zbar's verdicts come from the committed file the benchmark writes, so zbar need not be
 * installed to run this. Its first {@value #REPETITIONS} repetition(s) of every condition and account count are
 * checked (the benchmark measures four). A picture zbar cannot read either is read right or refused as unreadable,
 * never read wrong.
 */
class QrPhotoCorpusTest {

    private static final int REPETITIONS = 1;

    @TestFactory
    Stream<DynamicTest> everyPhotoZbarReadsIsReadAndNoneIsReadWrong() throws IOException {
        var verdicts = verdicts();
        return PhonePhotos.corpus(PhonePhotos.SEED, REPETITIONS).stream().map(sample -> DynamicTest.dynamicTest(
                sample.toString(), () -> {
                    var verdict = verdicts.get(sample.id());
                    if (verdict == null) {
                        fail("no zbar verdict for " + sample.id() + "; " + regenerate());
                    }
                    assertEquals(verdict.hash(), hash(sample.jpeg()), "the corpus picture " + sample.id()
                            + " is no longer the one zbar judged; " + regenerate());
                    List<String> read;
                    try {
                        read = QrImages.readAll(sample.jpeg());
                    } catch (EnrolmentRefused refused) {
                        assertEquals(EnrolmentRefused.Reason.INVALID, refused.reason(), refused.getMessage());
                        if (verdict.zbarRead()) {
                            fail("zbar reads " + sample + ", the service refused: " + refused.getMessage());
                        }
                        return;
                    }
                    for (var text : read) {
                        assertTrue(sample.texts().contains(text), "a text not in the picture was read");
                    }
                    if (verdict.zbarRead()) {
                        assertEquals(sample.texts().size(), read.size(), "zbar reads every code of " + sample);
                    }
                }));
    }

    private record Verdict(boolean zbarRead, String hash) {
    }

    private static Map<String, Verdict> verdicts() throws IOException {
        try (InputStream in = QrPhotoCorpusTest.class.getResourceAsStream("/enrolment/photos/zbar-verdicts.txt")) {
            if (in == null) {
                throw new IOException("missing zbar-verdicts.txt; " + regenerate());
            }
            var verdicts = new HashMap<String, Verdict>();
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.strip().split(" ");
                verdicts.put(fields[0], new Verdict(fields[1].equals("read"), fields[2]));
            }
            return verdicts;
        }
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String regenerate() {
        return "regenerate the verdicts with zbar installed (apt-get install zbar-tools): mvn -o -Pqr-bench -pl app"
                + " -am process-test-classes -Dqr.args=\"--write-verdicts\" (docs/benchmarks.md)";
    }
}
