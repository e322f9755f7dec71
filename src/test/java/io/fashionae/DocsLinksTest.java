package io.fashionae;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/ link to each other: a moved or renamed page must not leave a dead link,
 * and the README stays short (issue 16: at most 150 lines, the depth in docs/).
 */
class DocsLinksTest {
    /** A Markdown inline link: {@code [text](target)}. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkInTheReadmeAndDocsLeadsToAFileThatExists() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(1);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page));
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeStaysShortEnoughToReadInTenMinutes() throws IOException {
        // Depth belongs in docs/: the README says what this is, how to run it and where things are.
        assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(150);
    }

    @Test
    void aLinkToAMissingFileIsReportedAndUrlsAnchorsAndCodeAreNot(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("there.md"), "# There\n");
        Path page = dir.resolve("page.md");
        Files.writeString(page, """
                [ok](there.md) [ok with anchor](there.md#there) [own anchor](#top) [web](https://example.org/x.md)
                [gone](missing.md#somewhere)
                ```
                [in code](not-a-link.md)
                ```
                """);
        assertThat(brokenLinks(page)).containsExactly(page + " -> missing.md#somewhere");
    }

    /** The relative links of {@code page} (outside fenced code) whose file does not exist; anchors are not checked. */
    private static List<String> brokenLinks(Path page) throws IOException {
        List<String> broken = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(page)) {
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher m = LINK.matcher(line);
            while (!inCode && m.find()) {
                String target = m.group(1);
                if (target.startsWith("#") || target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                String file = target.replaceFirst("#.*$", "");
                if (!Files.exists(page.resolveSibling(file))) {
                    broken.add(page + " -> " + target);
                }
            }
        }
        return broken;
    }
}
