package dev.landline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the developers' guide, read from the sources under {@code src/main/java}: control and entity
 * code never uses a boundary class (HTTP stays at the edge), and no two features use each other's boundaries, even
 * round a longer loop (each feature can be read, and moved, on its own).
 */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/landline");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.landline\\.(\\w+)\\.(boundary|control|entity)\\.");

    @Test
    void controlAndEntityCodeNeverUsesABoundaryClass() {
        assertEquals(List.of(), layerViolations(sources()));
    }

    @Test
    void noFeaturesUseEachOthersBoundariesInACycle() {
        assertEquals(List.of(), boundaryCycles(sources()));
    }

    @Test
    void aControlClassUsingABoundaryClassIsReported() {
        var sources = Map.of("accounts/control/PinPolicy.java", "package dev.landline.accounts.control;\n"
                + "import dev.landline.problems.boundary.BadRequest;\n");
        assertEquals(List.of("accounts/control/PinPolicy.java uses dev.landline.problems.boundary"),
                layerViolations(sources));
    }

    @Test
    void twoFeaturesUsingEachOthersBoundariesAreReportedAsACycle() {
        var sources = Map.of(
                "admin/boundary/AdminApplication.java", "import dev.landline.enrolment.boundary.EnrolmentsResource;",
                "enrolment/boundary/SaveResult.java", "import dev.landline.admin.boundary.AccountView;",
                "accounts/boundary/AccountView.java", "import dev.landline.codes.control.OtpType;");
        assertEquals(List.of("admin -> enrolment -> admin"), boundaryCycles(sources));
    }

    @Test
    void aLongerLoopThroughBoundariesIsReportedToo() {
        var sources = Map.of(
                "guard/boundary/A.java", "import dev.landline.audit.boundary.X;",
                "audit/boundary/X.java", "import dev.landline.calls.boundary.Y;",
                "calls/control/Y.java", "dev.landline.guard.boundary.A a;");
        assertFalse(boundaryCycles(sources).isEmpty());
    }

    /** Each source file by its path under dev/landline ("accounts/control/PinPolicy.java"), with its text. */
    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            var sources = new TreeMap<String, String>();
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
            assertFalse(sources.isEmpty(), "run from the module's directory: no sources under " + SOURCES);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> layerViolations(Map<String, String> sources) {
        var violations = new ArrayList<String>();
        sources.forEach((file, text) -> {
            var parts = file.split("/");
            if (parts.length < 3 || !(parts[1].equals("control") || parts[1].equals("entity"))) {
                return;
            }
            var matcher = REFERENCE.matcher(code(text));
            var used = new TreeSet<String>();
            while (matcher.find()) {
                if (matcher.group(2).equals("boundary")) {
                    used.add("dev.landline." + matcher.group(1) + ".boundary");
                }
            }
            used.forEach(p -> violations.add(file + " uses " + p));
        });
        return violations;
    }

    /** Each cycle once, as "a -> b -> a", where an arrow means: some class of a uses a boundary class of b. */
    private static List<String> boundaryCycles(Map<String, String> sources) {
        var uses = new TreeMap<String, Set<String>>();
        sources.forEach((file, text) -> {
            var feature = file.split("/")[0];
            var matcher = REFERENCE.matcher(code(text));
            while (matcher.find()) {
                if (matcher.group(2).equals("boundary") && !matcher.group(1).equals(feature)) {
                    uses.computeIfAbsent(feature, f -> new TreeSet<>()).add(matcher.group(1));
                }
            }
        });
        var cycles = new TreeSet<String>();
        uses.forEach((from, targets) -> targets.forEach(to -> {
            var back = path(uses, to, from);
            if (back != null && from.compareTo(back.stream().min(String::compareTo).orElseThrow()) <= 0) {
                cycles.add(from + " -> " + String.join(" -> ", back));
            }
        }));
        return List.copyOf(cycles);
    }

    /** The shortest path from one feature to another along boundary uses (both ends included), or null. */
    private static List<String> path(Map<String, Set<String>> uses, String from, String to) {
        var previous = new TreeMap<String, String>();
        var queue = new ArrayDeque<>(List.of(from));
        previous.put(from, from);
        while (!queue.isEmpty()) {
            var at = queue.poll();
            if (at.equals(to)) {
                var path = new ArrayList<String>();
                for (var step = to; !step.equals(from); step = previous.get(step)) {
                    path.add(0, step);
                }
                path.add(0, from);
                return path;
            }
            for (var next : uses.getOrDefault(at, Set.of())) {
                if (previous.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** The text without its package line (a package names itself, which is no use of it). */
    private static String code(String text) {
        return text.replaceFirst("(?m)^package [\\w.]+;", "");
    }
}
