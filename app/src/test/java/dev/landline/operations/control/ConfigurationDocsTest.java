package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md tells operators every setting the WAR reads, and nothing else: each {@code landline.*}
 * name the main code reads (a {@code @ConfigProperty}, or any string constant naming a property) has a row in its
 * table with the code's default, and every {@code landline.*} name the page mentions is one the code reads.
 * Every mismatch is reported in one failure.
 */
class ConfigurationDocsTest {

    /** A property name as written in Java: a whole string literal. */
    private static final Pattern LITERAL = Pattern.compile("\"(landline\\.[a-z0-9][a-z0-9.-]*[a-z0-9])\"");
    /** {@code NAME = "landline.…"}: a constant that others refer to. */
    private static final Pattern CONSTANT = Pattern.compile("(\\w+)\\s*=\\s*\"(landline\\.[a-z0-9.-]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile(
            "@ConfigProperty\\s*\\(\\s*name\\s*=\\s*(\"[^\"]*\"|[\\w.]+)\\s*(?:,\\s*defaultValue\\s*=\\s*\"([^\"]*)\")?\\s*\\)");
    /** A property name in prose: not part of a path, a file name or a Java package ({@code dev.landline.…}). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w./-])landline\\.[a-z0-9][a-z0-9.-]*[a-z0-9]");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`(landline\\.[a-z0-9.-]+)`\\s*\\|([^|]*)\\|",
            Pattern.MULTILINE);

    @Test
    void configurationPageDocumentsExactlyThePropertiesTheCodeReadsWithTheirDefaults() throws IOException {
        var code = propertiesReadByTheCode(Path.of("src/main/java"));
        var page = Files.readString(Docs.root().resolve("docs/configuration.md"));
        var rows = new TreeMap<String, String>();
        for (Matcher row = TABLE_ROW.matcher(page); row.find(); ) {
            rows.put(row.group(1), row.group(2));
        }
        var mentioned = new TreeSet<String>();
        for (Matcher mention = MENTION.matcher(page); mention.find(); ) {
            mentioned.add(mention.group());
        }

        var problems = new ArrayList<String>(code.problems);
        code.readBy.forEach((name, file) -> {
            if (!rows.containsKey(name)) {
                problems.add(name + " is read by " + file + " but has no row in docs/configuration.md");
            }
        });
        for (var name : mentioned) {
            if (!code.readBy.containsKey(name)) {
                problems.add(name + " is named in docs/configuration.md but no class in src/main/java reads it");
            }
        }
        code.defaults.forEach((name, value) -> {
            var documented = rows.get(name);
            if (documented != null && !namesDefault(documented, value)) {
                problems.add(name + " defaults to \"" + value + "\" in the code, but docs/configuration.md says \""
                        + documented.trim() + "\"");
            }
        });

        assertFalse(code.readBy.isEmpty(), "no landline.* property found under src/main/java");
        assertTrue(problems.isEmpty(), "docs/configuration.md and the code disagree:\n  - "
                + String.join("\n  - ", problems));
    }

    /** True when the docs' default column names this value as one of its words (words may repeat). */
    static boolean namesDefault(String documented, String value) {
        return List.of(documented.replace("`", "").replace(",", "").trim().split("[\\s(]+")).contains(value);
    }

    @Test
    void aDocumentedDefaultMayRepeatAWord() {
        assertTrue(namesDefault("`30` (30 seconds, 30 at most)", "30"));
        assertTrue(namesDefault("`true` (unsigned webhooks allowed when true)", "true"));
        assertFalse(namesDefault("`30` (30 seconds)", "60"));
    }

    @Test
    void aPropertyReadThroughAConstantIsFoundWithItsDefault() {
        var code = new CodeProperties();
        code.read(Path.of("Example.java"), """
                public static final String LIMIT = "landline.example.limit";
                @ConfigProperty(name = LIMIT, defaultValue = "42") int limit;
                @ConfigProperty(name = "landline.example.name") Optional<String> name;
                LOG.warning("landline.example.name is not set; using the default");
                """);
        code.resolve();

        assertTrue(code.problems.isEmpty(), code.problems.toString());
        assertTrue(code.readBy.keySet().equals(Set.of("landline.example.limit", "landline.example.name")),
                code.readBy.toString());
        assertTrue(code.defaults.equals(Map.of("landline.example.limit", "42")), code.defaults.toString());
    }

    private static CodeProperties propertiesReadByTheCode(Path sources) throws IOException {
        var code = new CodeProperties();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                try {
                    code.read(sources.relativize(file), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        code.resolve();
        return code;
    }

    /** What the main code reads, collected file by file; constants are resolved once every file is read. */
    static final class CodeProperties {
        final Map<String, Path> readBy = new TreeMap<>();
        final Map<String, String> defaults = new TreeMap<>();
        final List<String> problems = new ArrayList<>();
        private final Map<String, String> constants = new HashMap<>();
        private final Map<String, String> fileConstants = new HashMap<>();
        private final List<String[]> byConstant = new ArrayList<>();

        void read(Path file, String java) {
            for (Matcher literal = LITERAL.matcher(java); literal.find(); ) {
                readBy.putIfAbsent(literal.group(1), file);
            }
            for (Matcher constant = CONSTANT.matcher(java); constant.find(); ) {
                constants.put(constant.group(1), constant.group(2));
                fileConstants.put(file + "#" + constant.group(1), constant.group(2));
            }
            for (Matcher property = CONFIG_PROPERTY.matcher(java); property.find(); ) {
                var name = property.group(1);
                if (name.startsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                    if (!name.startsWith("landline.")) {
                        problems.add(file + " reads " + name + ", which is not a landline.* property");
                        continue;
                    }
                    readBy.putIfAbsent(name, file);
                    if (property.group(2) != null) {
                        defaults.put(name, property.group(2));
                    }
                } else {
                    byConstant.add(new String[] {file.toString(), name, property.group(2)});
                }
            }
        }

        void resolve() {
            for (var reference : byConstant) {
                var simpleName = reference[1].substring(reference[1].lastIndexOf('.') + 1);
                var name = fileConstants.getOrDefault(reference[0] + "#" + simpleName, constants.get(simpleName));
                if (name == null) {
                    problems.add(reference[0] + " reads @ConfigProperty(name = " + reference[1]
                            + "), a name this test cannot resolve to a landline.* string constant");
                } else if (reference[2] != null) {
                    defaults.put(name, reference[2]);
                }
            }
        }
    }
}
