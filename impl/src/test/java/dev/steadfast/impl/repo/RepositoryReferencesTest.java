package dev.steadfast.impl.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reference in the repository's code and documentation resolves inside the repository: nothing points at files
 * outside it (notes on the machine the project was started on), every mention of {@code docs/<page>.md} names a page
 * that exists and, with {@code #anchor}, a heading or {@code <a id>} on it, and every relative Markdown link reaches
 * an existing file or folder inside the repository (and an existing anchor, for a page).
 *
 * <p>Walks {@code README.md}, {@code pom.xml} and the folders {@link #SCANNED} from the repository root (this module's
 * parent), skipping {@code target}, hidden folders and this file. Anchors follow GitHub's heading ids: lower case, punctuation
 * dropped, each space a hyphen, {@code -1}, {@code -2} for repeats.
 */
class RepositoryReferencesTest {

    static final List<String> SCANNED = List.of("api", "impl", "tck", "test-support", "examples", "docs", ".ci");

    private static final List<String> OUTSIDE = List.of("../shared", "/work/shared", "shared/containers.md");
    /** This file: its examples of broken references are not references. */
    private static final Path SELF = Path.of("impl/src/test/java/dev/steadfast/impl/repo/RepositoryReferencesTest.java");

    private static final Pattern DOCS_MENTION =
            Pattern.compile("(?<![\\w/.-])(?:\\.\\./)*(docs/[\\w./-]*?\\.md)(?:#([\\w-]+))?");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");

    @Test
    void repository_referencesOnlyItself() {
        List<String> problems = new Checker(repositoryRoot()).check();

        assertThat(problems).as("references that do not resolve inside the repository").isEmpty();
    }

    @Test
    void checker_reportsEachKindOfBrokenReference(@TempDir Path root) throws IOException {
        write(root, "docs/guide.md", "# Guide\n\n<a id=\"g1\"></a>\n## First `part`: setup\n\nSee [perf](perf/).\n");
        write(root, "docs/perf/summary.md", "# Summary\n");
        write(root, "README.md", """
                [guide](docs/guide.md#first-part-setup) [g1](docs/guide.md#g1) [gone](docs/gone.md)
                [bad anchor](docs/guide.md#second) [out](../elsewhere.md) [missing](docs/perf/raw/x.txt)
                """);
        write(root, "impl/src/Main.java", "// docs/guide.md#g1 docs/guide.md#g2 docs/other.md ../shared/x\n");
        write(root, "impl/target/Ignored.java", "// docs/ignored.md\n");

        List<String> problems = new Checker(root).check();

        assertThat(problems).hasSize(7)
                .anySatisfy(p -> assertThat(p).startsWith("README.md:1").contains("missing file: docs/gone.md"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:2").contains("anchor: docs/guide.md#second"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:2").contains("leaves the repository: ../else"))
                .anySatisfy(p -> assertThat(p).startsWith("README.md:2").contains("missing file: docs/perf/raw/x.txt"))
                .anySatisfy(p -> assertThat(p).contains("Main.java:1").contains("no such anchor: docs/guide.md#g2"))
                .anySatisfy(p -> assertThat(p).contains("Main.java:1").contains("no such page: docs/other.md"))
                .anySatisfy(p -> assertThat(p).contains("Main.java:1").contains("outside the repository"));
    }

    @Test
    void anchors_followGitHubHeadingIds() {
        assertThat(Checker.anchors("""
                # Containers: running the in-container tests
                ## What was changed in `impl/src/main/java/dev/steadfast/impl/codec` and its effect
                ```
                # not a heading
                ```
                ## Run
                ## Run
                <a id="g6"></a>
                ### G6. Embedded Tomcat reports a failed context as deployed
                """)).contains("containers-running-the-in-container-tests",
                "what-was-changed-in-implsrcmainjavadevsteadfastimplcodec-and-its-effect", "run", "run-1", "g6",
                "g6-embedded-tomcat-reports-a-failed-context-as-deployed").doesNotContain("not-a-heading");
    }

    private static Path repositoryRoot() {
        // Surefire sets basedir to this module's folder; the working directory is the same when run from an IDE.
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path root = module.getParent();
        assertThat(root.resolve("docs")).as("repository root above %s", module).isDirectory();
        assertThat(root.resolve("pom.xml")).isRegularFile();
        return root;
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    /** Finds the references of one repository tree that do not resolve. */
    static final class Checker {

        private final Path root;
        private final Map<Path, Set<String>> anchorCache = new HashMap<>();

        Checker(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        List<String> check() {
            List<String> problems = new ArrayList<>(outsideReferences());
            for (Path file : files()) {
                String text = read(file);
                if (text == null) {
                    continue;
                }
                if (file.getFileName().toString().endsWith(".md")) {
                    // A page mentioned as a link target is checked once, as a link (relative to the page).
                    checkDocsMentions(file, withoutLinkTargets(text), problems);
                    checkMarkdownLinks(file, text, problems);
                } else {
                    checkDocsMentions(file, text, problems);
                }
            }
            return problems;
        }

        List<String> outsideReferences() {
            List<String> problems = new ArrayList<>();
            for (Path file : files()) {
                String text = read(file);
                if (text == null) {
                    continue;
                }
                for (String outside : OUTSIDE) {
                    int at = text.indexOf(outside);
                    if (at >= 0) {
                        problems.add(where(file, text, at) + ": refers outside the repository: " + outside);
                    }
                }
            }
            return problems;
        }

        private void checkDocsMentions(Path file, String text, List<String> problems) {
            Matcher m = DOCS_MENTION.matcher(text);
            while (m.find()) {
                Path target = root.resolve(m.group(1)).normalize();
                if (!Files.isRegularFile(target)) {
                    problems.add(where(file, text, m.start()) + ": no such page: " + m.group());
                } else if (m.group(2) != null && !anchorsOf(target).contains(m.group(2))) {
                    problems.add(where(file, text, m.start()) + ": no such anchor: " + m.group());
                }
            }
        }

        private void checkMarkdownLinks(Path file, String text, List<String> problems) {
            Matcher m = MARKDOWN_LINK.matcher(withoutCode(text));
            while (m.find()) {
                String link = m.group(1);
                if (link.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
                    continue; // https:, mailto: and the like
                }
                int hash = link.indexOf('#');
                String pathPart = hash < 0 ? link : link.substring(0, hash);
                String anchor = hash < 0 ? null : link.substring(hash + 1);
                Path target = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
                if (!target.startsWith(root)) {
                    problems.add(where(file, text, m.start()) + ": link leaves the repository: " + link);
                } else if (!Files.exists(target)) {
                    problems.add(where(file, text, m.start()) + ": link to a missing file: " + link);
                } else if (anchor != null && target.toString().endsWith(".md") && !anchorsOf(target).contains(anchor)) {
                    problems.add(where(file, text, m.start()) + ": link to a missing anchor: " + link);
                }
            }
        }

        private Set<String> anchorsOf(Path page) {
            return anchorCache.computeIfAbsent(page, p -> anchors(read(p)));
        }

        static Set<String> anchors(String markdown) {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inFence = false;
            for (String line : markdown.split("\n", -1)) {
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher id = HTML_ID.matcher(line);
                while (id.find()) {
                    anchors.add(id.group(1));
                }
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String slug = heading.group(1).toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                    int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
                }
            }
            return anchors;
        }

        private static String withoutLinkTargets(String markdown) {
            StringBuilder out = new StringBuilder(markdown);
            Matcher m = MARKDOWN_LINK.matcher(withoutCode(markdown));
            while (m.find()) {
                for (int i = m.start(1); i < m.end(1); i++) {
                    out.setCharAt(i, ' ');
                }
            }
            return out.toString();
        }

        /** Fenced blocks and code spans blanked (same length, so offsets still give the right line). */
        private static String withoutCode(String markdown) {
            StringBuilder out = new StringBuilder(markdown.length());
            boolean inFence = false;
            for (String line : markdown.split("\n", -1)) {
                boolean fence = FENCE.matcher(line).find();
                if (fence) {
                    inFence = !inFence;
                }
                String kept = fence || inFence ? " ".repeat(line.length())
                        : CODE_SPAN.matcher(line).replaceAll(r -> " ".repeat(r.group().length()));
                out.append(kept).append('\n');
            }
            return out.toString();
        }

        private List<Path> files() {
            List<Path> files = new ArrayList<>();
            for (String top : List.of("README.md", "pom.xml")) {
                if (Files.isRegularFile(root.resolve(top))) {
                    files.add(root.resolve(top));
                }
            }
            for (String folder : SCANNED) {
                Path dir = root.resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).filter(p -> !skipped(dir, p))
                            .filter(p -> !root.relativize(p).equals(SELF)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return files;
        }

        private static boolean skipped(Path top, Path file) {
            for (Path part : top.relativize(file.getParent() == null ? file : file.getParent())) {
                String name = part.toString();
                if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                    return true;
                }
            }
            return false;
        }

        /** The file's text, or null for a binary file (not UTF-8, or with NUL characters). */
        private static String read(Path file) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                return text.indexOf('\0') >= 0 ? null : text;
            } catch (CharacterCodingException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String where(Path file, String text, int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return root.relativize(file) + ":" + line;
        }
    }
}
