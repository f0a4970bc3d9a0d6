package dev.landline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bench phase rewrites only its own section of docs/benchmarks.md, between its own markers. */
class DocSectionTest {

    @TempDir
    Path dir;

    @Test
    void aSectionIsReplacedBetweenItsMarkersAndTheRestOfTheFileStays() throws Exception {
        var file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Title\n<!-- scale:start -->\nold\n<!-- scale:end -->\n<!-- startup:start -->\nkept\n"
                + "<!-- startup:end -->\ntail\n");

        DocSection.replace(file, "scale", "| new | row |\n");

        assertEquals("# Title\n<!-- scale:start -->\n| new | row |\n<!-- scale:end -->\n<!-- startup:start -->\nkept\n"
                + "<!-- startup:end -->\ntail\n", Files.readString(file));
        assertEquals("\n| new | row |\n", DocSection.current(file, "scale"));
    }

    @Test
    void aMissingSectionIsAppendedAndReadsAsEmptyBefore() throws Exception {
        var file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Title\n");

        assertEquals("", DocSection.current(file, "calls-cost"));
        DocSection.replace(file, "calls-cost", "figures");

        assertEquals("# Title\n\n<!-- calls-cost:start -->\nfigures\n<!-- calls-cost:end -->\n", Files.readString(file));
    }
}
