package dev.landline.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md leads somewhere: to a file of the repository, and, when it names
 * a section ({@code file.md#section}, {@code #section}), to a heading of that page. Every broken link is reported
 * in one failure.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkInTheReadmeAndTheDocsLeadsToAFileAndSection() throws IOException {
        var root = Docs.root().toRealPath();
        var pages = new ArrayList<Path>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }

        var broken = new ArrayList<String>();
        var links = 0;
        for (var page : pages) {
            for (var target : links(Files.readString(page))) {
                links++;
                var hash = target.indexOf('#');
                var file = hash < 0 ? target : target.substring(0, hash);
                var resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                var where = root.relativize(page) + ": " + target;
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchorsOf(resolved).contains(target.substring(hash + 1))) {
                    broken.add(where + " (no such heading in " + root.relativize(resolved) + ")");
                }
            }
        }

        assertTrue(links > 0, "no relative link found at all");
        assertTrue(broken.isEmpty(), "broken links:\n  - " + String.join("\n  - ", broken));
    }

    @Test
    void aSectionLinkIsTheHeadingAsGitHubSpellsIt() {
        assertEquals("memory-and-threads", slug("Memory and threads"));
        assertEquals("payara-server-full", slug("Payara Server (full)"));
        assertEquals("the-run-commands-environment", slug("The run command's environment"));
        assertEquals("webhooks-are-authenticated-by-default", slug("Webhooks are authenticated, by default"));
        assertEquals("postgresql-on-payara-micro", slug("PostgreSQL on `Payara Micro`"));
    }

    @Test
    void linksInsideCodeAreNotLinks() {
        assertEquals(List.of("a.md", "b.md#x"), links("""
                See [a](a.md) and `[not](c.md)`.
                ```
                [not](d.md)
                ```
                [b](b.md#x "title") [web](https://example.org) [mail](mailto:a@example.org)
                """));
    }

    /** Relative link targets of a Markdown page, leaving out fenced code blocks, code spans and absolute URLs. */
    static List<String> links(String markdown) {
        var targets = new ArrayList<String>();
        var fenced = false;
        for (var line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            for (Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "")); link.find(); ) {
                var target = link.group(1);
                if (!SCHEME.matcher(target).find()) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    private Set<String> anchorsOf(Path page) {
        return anchors.computeIfAbsent(page, file -> {
            try {
                var slugs = new HashSet<String>();
                var seen = new HashMap<String, Integer>();
                var fenced = false;
                for (var line : Files.readString(file).split("\n")) {
                    if (line.strip().startsWith("```")) {
                        fenced = !fenced;
                    }
                    Matcher heading = HEADING.matcher(line);
                    if (!fenced && heading.matches()) {
                        var slug = slug(heading.group(1));
                        var count = seen.merge(slug, 1, Integer::sum);
                        slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
                    }
                }
                return slugs;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** GitHub's anchor for a heading: lower case, links reduced to their text, punctuation dropped, spaces as '-'. */
    static String slug(String heading) {
        return heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
