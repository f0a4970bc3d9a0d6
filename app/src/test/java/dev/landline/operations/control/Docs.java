package dev.landline.operations.control;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's documentation is: the nearest folder, from the module's own upwards, with docs/configuration.md. */
final class Docs {

    private Docs() {
    }

    static Path root() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/configuration.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/configuration.md in " + Path.of("").toAbsolutePath()
                + " or any folder above it");
    }
}
