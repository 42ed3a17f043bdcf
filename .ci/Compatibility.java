import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes the compatibility matrix (container x version x Java x pass/fail) from the reports the build left, so
 * docs/compatibility.md is never typed by hand. Run from the repository root after `mvn verify`:
 *
 *   java .ci/Compatibility.java [--duration SECONDS] [--exit STATUS] [--command TEXT]
 *   java .ci/Compatibility.java --on-demand REPORTS_DIR [--on-demand REPORTS_DIR ...] [--command TEXT]
 *
 * Without --on-demand (bash .ci/run): reads impl/target/surefire-reports (the SPI-level kit) and
 * impl/target/failsafe-reports (one folder per container with -Pcontainers, or the folder itself for a
 * single-container profile) into the main table.
 *
 * With --on-demand (bash .ci/run-extra): each REPORTS_DIR holds the failsafe reports of one on-demand container run
 * (Tomcat 11, Open Liberty, Tomcat 10.1 on Java 25...); their rows go into the "On demand" table, with the time the
 * reports were written, replacing the earlier row of the same container and Java feature version.
 *
 * The two runs happen at different times, so each mode keeps what the other produced: the previous document
 * (--previous, default docs/compatibility.md) supplies the on-demand rows to a main run and the whole main part to an
 * on-demand run. Writes target/compatibility.md; the scripts copy it to docs/.
 */
public class Compatibility {

    record Row(String container, String version, String java, int tests, int failures, int errors, int skipped,
               Map<String, String> classes, List<String> notPassing, String ran) {
        String result() {
            return tests == 0 ? "NOT RUN" : failures + errors == 0 ? "PASS" : "FAIL";
        }
    }

    static final String ON_DEMAND_HEADING = "## On demand";
    static final List<String> ON_DEMAND_COLUMNS = List.of("Container", "Version", "Java", "Tests", "Failures",
            "Errors", "Skipped", "Result", "Ran (UTC)", "Command", "Not passing");

    public static void main(String[] args) throws Exception {
        String duration = null;
        String exit = null;
        String command = null;
        Path previous = Path.of("docs/compatibility.md");
        List<Path> onDemand = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--duration" -> duration = args[i + 1];
                case "--command" -> command = args[i + 1];
                case "--exit" -> exit = args[i + 1];
                case "--previous" -> previous = Path.of(args[i + 1]);
                case "--on-demand" -> onDemand.add(Path.of(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; expected --duration"
                        + " SECONDS, --exit STATUS, --command TEXT, --previous FILE or --on-demand REPORTS_DIR");
            }
        }
        String old = Files.isRegularFile(previous) ? Files.readString(previous) : "";
        int split = old.indexOf("\n" + ON_DEMAND_HEADING + "\n");
        String oldMain = split < 0 ? old : old.substring(0, split + 1);
        Map<String, List<String>> onDemandRows = parseOnDemand(split < 0 ? "" : old.substring(split + 1));
        String main;
        if (onDemand.isEmpty()) {
            main = mainPart(duration, exit, command == null ? "bash .ci/run" : command);
        } else {
            if (oldMain.isBlank()) {
                throw new IllegalStateException(previous + " is missing: an on-demand run keeps its main table; run"
                        + " bash .ci/run first, or pass --previous");
            }
            main = oldMain;
            for (Path dir : onDemand) {
                Row r = read(null, dir, "TEST-");
                List<String> cells = List.of(r.container(), r.version(), r.java(), "" + r.tests(), "" + r.failures(),
                        "" + r.errors(), "" + r.skipped(), "**" + r.result() + "**", r.ran(),
                        "`" + (command == null ? "bash .ci/run-extra" : command) + "`",
                        r.notPassing().isEmpty() ? "-" : String.join(", ", r.notPassing()));
                onDemandRows.put(key(cells), cells);
            }
        }
        String md = main.stripTrailing() + "\n\n" + onDemandPart(onDemandRows);
        Path out = Path.of("target/compatibility.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    /** The main table: the SPI-level kit and the containers of bash .ci/run, with that run's time and status. */
    static String mainPart(String duration, String exit, String command) throws Exception {
        List<Row> rows = new ArrayList<>();
        Path surefire = Path.of("impl/target/surefire-reports");
        rows.add(read("none (SPI level)", surefire, "TEST-dev.steadfast.tck.spi."));
        Path failsafe = Path.of("impl/target/failsafe-reports");
        if (Files.isDirectory(failsafe)) {
            try (Stream<Path> dirs = Files.list(failsafe)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    rows.add(read(null, dir, "TEST-"));
                }
            }
            if (hasReports(failsafe)) {
                rows.add(read(null, failsafe, "TEST-"));
            }
        }
        StringBuilder md = new StringBuilder();
        md.append("# Compatibility\n\n");
        md.append("Generated by `.ci/Compatibility.java` from the Surefire and Failsafe reports of `").append(command)
                .append("`; do not edit by hand. Each row is the Steadfast TCK (`tck/`) run against Steadfast's ")
                .append("implementation (`impl/`): the SPI-level kit without a container, then the container kit ")
                .append("(plus impl's harness self-test) per container.\n\n");
        md.append("| Container | Version | Java | Tests | Failures | Errors | Skipped | Result |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.container()).append(" | ").append(r.version()).append(" | ").append(r.java())
                    .append(" | ").append(r.tests()).append(" | ").append(r.failures()).append(" | ")
                    .append(r.errors()).append(" | ").append(r.skipped()).append(" | **").append(r.result())
                    .append("** |\n");
        }
        if (duration != null) {
            long s = Long.parseLong(duration);
            md.append("\nWall-clock time of `").append(command).append("` for this run: **").append(s / 60)
                    .append(" min ").append(s % 60).append(" s** (").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, warm Maven repository").append(loadAverage()).append(").\n");
        }
        if (exit != null) {
            // The matrix covers the kit only; the same run also builds and tests the examples.
            md.append("\nExit status of the whole `").append(command).append("` (examples included): **")
                    .append(exit).append(exit.equals("0") ? " (passed)" : " (failed; see the build log)")
                    .append("**.\n");
        }
        md.append("\n## Reproduce\n\n")
                .append("- Everything (this table): `bash .ci/run`, or `mvn -B verify -Pcontainers` from the root.\n")
                .append("- One container: `mvn -B verify -pl impl -am -Ptomcat` (or `-Pwildfly`, `-Ppayara`; on demand")
                .append(" `-Ptomcat11`, `-Pliberty`); reports in `impl/target/failsafe-reports/`.\n")
                .append("- The on-demand table below: `bash .ci/run-extra` (Tomcat 11, Open Liberty, Tomcat 10.1 on Java 25).\n")
                .append("- One test class on one container: add `-Dit.test=RestartIT -Dtest=NoSuchTest")
                .append(" -Dsurefire.failIfNoSpecifiedTests=false`.\n")
                .append("- SPI level only, no container: `mvn -B verify -pl impl -am`.\n")
                .append("- Runner properties and how another implementation runs the kit: [tck/README.md](../tck/README.md).\n");
        md.append("\n## Per test class\n\n| Container | Class | Tests / failures / errors / skipped |\n|---|---|---|\n");
        for (Row r : rows) {
            r.classes().forEach((c, v) -> md.append("| ").append(r.container()).append(" | `").append(c)
                    .append("` | ").append(v).append(" |\n"));
        }
        return md.toString();
    }

    /**
     * Containers outside bash .ci/run (a 350 MB download, another Java, ports other builds here use...): each row is
     * the last run of that container on that Java feature version, whenever it was.
     */
    static String onDemandPart(Map<String, List<String>> rows) {
        StringBuilder md = new StringBuilder(ON_DEMAND_HEADING).append("\n\n");
        md.append("Containers outside `bash .ci/run`, run with `bash .ci/run-extra` (all of them, or some:")
                .append(" `bash .ci/run-extra liberty`), which writes these rows from their Failsafe reports. Each row")
                .append(" is the container kit (plus impl's harness self-test) from the latest on-demand run of that")
                .append(" container on that Java feature version; \"Ran\" is when its reports were written, so rows")
                .append(" may be older than the table above. Why a test does not pass on a container:")
                .append(" [tck/README.md](../tck/README.md#on-demand-containers).\n\n");
        if (rows.isEmpty()) {
            return md.append("No on-demand run yet.\n").toString();
        }
        md.append("| ").append(String.join(" | ", ON_DEMAND_COLUMNS)).append(" |\n|");
        ON_DEMAND_COLUMNS.forEach(c -> md.append(List.of("Tests", "Failures", "Errors", "Skipped").contains(c)
                ? "---:|" : "---|"));
        md.append("\n");
        new TreeMap<>(rows).values().forEach(cells -> md.append("| ").append(String.join(" | ", cells)).append(" |\n"));
        return md.toString();
    }

    /** The rows of a previous on-demand table, by container and Java feature version; other lines are regenerated. */
    static Map<String, List<String>> parseOnDemand(String section) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("| Container |")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(String::trim).toList();
            if (cells.size() == ON_DEMAND_COLUMNS.size()) {
                rows.put(key(cells), cells);
            }
        }
        return rows;
    }

    static String key(List<String> cells) {
        return cells.get(0) + " / Java " + cells.get(2).split("[.+-]")[0];
    }

    /** Other builds on the machine slow a run down; the load average says how busy it was when the run ended. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "; load average " + parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min) at the end";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static boolean hasReports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("TEST-"));
        }
    }

    static Row read(String container, Path dir, String prefix) throws Exception {
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        String java = "?", launch = null, version = "?";
        Map<String, String> classes = new TreeMap<>();
        List<String> notPassing = new ArrayList<>();
        Instant ran = null;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.toString().endsWith(".xml")).sorted().toList()) {
                    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
                    Element suite = doc.getDocumentElement();
                    int t = attr(suite, "tests"), fl = attr(suite, "failures"), e = attr(suite, "errors"),
                            sk = attr(suite, "skipped");
                    tests += t;
                    failures += fl;
                    errors += e;
                    skipped += sk;
                    classes.put(suite.getAttribute("name"), t + " / " + fl + " / " + e + " / " + sk);
                    Instant written = Files.getLastModifiedTime(f).toInstant();
                    ran = ran == null || written.isAfter(ran) ? written : ran;
                    NodeList cases = suite.getElementsByTagName("testcase");
                    for (int i = 0; i < cases.getLength(); i++) {
                        Element c = (Element) cases.item(i);
                        if (c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error")
                                .getLength() > 0) {
                            String cls = c.getAttribute("classname");
                            notPassing.add("`" + cls.substring(cls.lastIndexOf('.') + 1) + "."
                                    + c.getAttribute("name").replaceAll("\\(.*", "") + "`");
                        }
                    }
                    NodeList props = suite.getElementsByTagName("property");
                    for (int i = 0; i < props.getLength(); i++) {
                        Element p = (Element) props.item(i);
                        switch (p.getAttribute("name")) {
                            case "java.runtime.version" -> java = p.getAttribute("value");
                            case "arquillian.launch" -> launch = p.getAttribute("value");
                            case "steadfast.tck.container.version" -> version = p.getAttribute("value");
                            default -> {
                            }
                        }
                    }
                }
            }
        }
        String name = container != null ? container : launch != null ? launch : dir.getFileName().toString();
        if (container != null) {
            version = "-";
        }
        String when = ran == null ? "-" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                .format(ran);
        return new Row(name, version, java, tests, failures, errors, skipped, classes, notPassing, when);
    }

    static int attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }
}
