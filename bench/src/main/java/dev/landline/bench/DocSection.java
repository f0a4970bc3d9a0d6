package dev.landline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One phase's part of docs/benchmarks.md, between {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->}: only
 * that part is replaced. Markers not there yet: they are added at the end of the file.
 */
final class DocSection {

    private DocSection() {
    }

    /** What stands between the section's markers now ("" when the file or the section is missing). */
    static String current(Path file, String name) throws IOException {
        var start = "<!-- " + name + ":start -->";
        var end = "<!-- " + name + ":end -->";
        var text = Files.exists(file) ? Files.readString(file) : "";
        int s = text.indexOf(start);
        int e = text.indexOf(end);
        return s < 0 || e < s ? "" : text.substring(s + start.length(), e);
    }

    static void replace(Path file, String name, String generated) throws IOException {
        var start = "<!-- " + name + ":start -->";
        var end = "<!-- " + name + ":end -->";
        var text = Files.exists(file) ? Files.readString(file) : "";
        int s = text.indexOf(start);
        int e = text.indexOf(end);
        if (s < 0 || e < s) {
            text = text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + start + "\n" + end + "\n";
            s = text.indexOf(start);
            e = text.indexOf(end);
        }
        Files.writeString(file, text.substring(0, s + start.length()) + "\n" + generated.strip() + "\n"
                + text.substring(e), StandardCharsets.UTF_8);
    }
}
