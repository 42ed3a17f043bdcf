package dev.steadfast.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md describes, checked on the sources: impl's packages form no cycle, so each stage of a
 * request or a deployment can be read in one package without coming back to one already left; and no file grows
 * past {@value #LONG_FILE} lines without saying why in its javadoc ({@value #LONG_REASON}).
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/steadfast/impl");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.steadfast\\.impl\\.([a-z]+)\\.[A-Z]");
    private static final int LONG_FILE = 300;
    private static final String LONG_REASON = "Longer than 300 lines because";

    @Test
    void packagesFormNoCycle() {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).as("impl's packages were found").containsKeys("boot", "codec", "config", "keys", "message",
                "policy", "servlet", "session");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            cycleThrough(start, uses).ifPresent(cycles::add);
        }
        assertThat(cycles).as("package cycles (docs/architecture.md draws the allowed arrows); dependencies: %s",
                uses).isEmpty();
    }

    @Test
    void theFoundationsDependOnNoOtherPackage() {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses.get("message")).as("message").isEmpty();
        assertThat(uses.get("config")).as("config").containsOnly("message");
        assertThat(uses.get("codec")).as("codec").isEmpty();
        assertThat(uses.get("keys")).as("keys").containsOnly("config", "message");
        assertThat(uses.get("policy")).as("policy").containsOnly("keys", "message");
    }

    @Test
    void longFilesSayWhy() {
        List<String> unexplained = sources().filter(f -> lines(f).size() > LONG_FILE)
                .filter(f -> lines(f).stream().noneMatch(l -> l.contains(LONG_REASON)))
                .map(f -> SOURCES.relativize(f) + " (" + lines(f).size() + " lines)").collect(Collectors.toList());
        assertThat(unexplained).as("files over %d lines without \"%s ...\" in their javadoc", LONG_FILE, LONG_REASON)
                .isEmpty();
    }

    private static java.util.Optional<String> cycleThrough(String start, Map<String, Set<String>> uses) {
        // Depth-first from start, looking for a path back to it.
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                if (next.equals(start)) {
                    return java.util.Optional.of(String.join(" -> ", path) + " -> " + start);
                }
                if (seen.add(next)) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    paths.push(longer);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        sources().forEach(file -> {
            Path relative = SOURCES.relativize(file);
            // The provider in the root package wires the others together; it is nobody's dependency.
            if (relative.getNameCount() < 2) {
                return;
            }
            String from = relative.getName(0).toString();
            Set<String> to = uses.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(String.join("\n", lines(file)));
            while (m.find()) {
                if (!m.group(1).equals(from)) {
                    to.add(m.group(1));
                }
            }
        });
        return uses;
    }

    private static Stream<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
