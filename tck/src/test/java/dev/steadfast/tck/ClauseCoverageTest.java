package dev.steadfast.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the kit and the spec in step: every clause of {@code docs/spec.md} (as packaged in the kit's jar) is named by
 * at least one kit test, every {@code @Clause} names a clause that exists, and every kit test names one.
 */
class ClauseCoverageTest {

    private static final String SPEC = "META-INF/steadfast-tck/spec.md";
    /** A clause is a list item starting with its bold id; anything after "Not yet implemented" is not required. */
    private static final Pattern CLAUSE = Pattern.compile("^- \\*\\*([A-Z]+-[0-9]+)\\*\\*");
    private static final String NOT_YET = "## Not yet implemented";

    private static Set<String> specClauses;
    private static List<Method> kitTests;

    @BeforeAll
    static void read() throws IOException, URISyntaxException, ClassNotFoundException {
        specClauses = new LinkedHashSet<>();
        try (InputStream in = ClauseCoverageTest.class.getClassLoader().getResourceAsStream(SPEC)) {
            assertThat(in).as(SPEC + " on the class path (copied from docs/spec.md by tck/pom.xml)").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(NOT_YET)) {
                    break;
                }
                Matcher m = CLAUSE.matcher(line);
                if (m.find()) {
                    assertThat(specClauses.add(m.group(1))).as("clause %s defined twice", m.group(1)).isTrue();
                }
            }
        }
        kitTests = new ArrayList<>();
        Path root = Path.of(Clause.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.')
                        .replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, ClauseCoverageTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        kitTests.add(method);
                    }
                }
            }
        }
    }

    private static Set<String> clausesOf(AnnotatedElement element) {
        Set<String> ids = new TreeSet<>();
        for (Clause c : element.getAnnotationsByType(Clause.class)) {
            ids.add(c.value());
        }
        return ids;
    }

    private static Set<String> named(Method test) {
        Set<String> ids = clausesOf(test);
        ids.addAll(clausesOf(test.getDeclaringClass()));
        return ids;
    }

    @Test
    void specHasClauses() {
        assertThat(specClauses).hasSizeGreaterThan(50).contains("CODEC-1", "SESSION-1", "DEPLOY-1");
    }

    @Test
    void everyClauseOfTheSpec_isCheckedByAtLeastOneKitTest() {
        Set<String> covered = new TreeSet<>();
        kitTests.forEach(t -> covered.addAll(named(t)));

        assertThat(specClauses).as("clauses without a test").allMatch(covered::contains);
        Set<String> missing = new TreeSet<>(specClauses);
        missing.removeAll(covered);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyClauseAnnotation_namesAClauseOfTheSpec() {
        TreeMap<String, String> unknown = new TreeMap<>();
        for (Method t : kitTests) {
            for (String id : named(t)) {
                if (!specClauses.contains(id)) {
                    unknown.put(id, t.getDeclaringClass().getSimpleName() + "." + t.getName());
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyKitTest_namesAClauseAndCarriesAKitMetaAnnotation() {
        assertThat(kitTests).isNotEmpty();
        for (Method t : kitTests) {
            assertThat(named(t)).as(t.toString()).isNotEmpty();
            Class<?> c = t.getDeclaringClass();
            assertThat(c.isAnnotationPresent(SteadfastContainerTest.class)
                    || c.isAnnotationPresent(SteadfastSpiTest.class)).as(c + " is tagged as a kit test").isTrue();
            assertThat(c.getSimpleName()).as(c + ": container tests end in IT, SPI tests in Test")
                    .endsWith(c.isAnnotationPresent(SteadfastContainerTest.class) ? "IT" : "Test");
        }
    }
}
