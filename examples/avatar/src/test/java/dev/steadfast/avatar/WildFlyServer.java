package dev.steadfast.avatar;

import dev.steadfast.testsupport.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * WildFly standalone with the unchanged WAR in its deployments folder, started by {@code bin/standalone.sh} as a
 * separate process for every start, and stopped (with the JVM the script starts) for every restart. The deployment
 * scanner deploys the WAR at boot under the context path of its file name, {@code /steadfast-avatar}.
 *
 * <p>The server runs on its own base folder (configuration copied from the distribution, the WAR, logs, markers),
 * made anew for every test run: no marker or log of an earlier run can pass for this one's, and the unpacked
 * distribution stays as Maven unpacked it. It is left in place after the test, for reading.
 */
final class WildFlyServer implements AvatarServer {

    /** HTTP on 28080, management on 29990: clear of the ports other builds on this machine use (8080, 9990...). */
    static final int PORT_OFFSET = 20000;
    static final int HTTP_PORT = 8080 + PORT_OFFSET;
    static final int MANAGEMENT_PORT = 9990 + PORT_OFFSET;
    /** standalone.xml has no MicroProfile Config subsystem; this one reads environment variables and -D too. */
    private static final String CONFIG = "standalone-microprofile.xml";
    /** A boot with the deployment, and the first JSP compilation, on two cores shared with other builds. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LOG_RECORD = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ ");

    private final Path home;
    private final String version;
    private final Path base;
    private final Path deployments;
    private final String warName;
    private final List<ServerProcess> started = new ArrayList<>();
    private ServerProcess running;

    /**
     * @param home    the unpacked distribution (the {@code wildfly} profile unpacks it into target/)
     * @param war     the WAR exactly as the build made it
     * @param base    the server's base folder ({@code jboss.server.base.dir}); emptied first
     */
    WildFlyServer(Path home, String version, Path war, Path base) throws IOException {
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar")) || !Files.isExecutable(home.resolve(
                "bin/standalone.sh"))) {
            fail("No WildFly at avatar.jbossHome=%s. The avatar-wildfly profile unpacks org.wildfly:wildfly-dist there in "
                    + "pre-integration-test: mvn -B verify -pl examples/avatar -am -Pavatar-wildfly", home);
        }
        assertThat(war).as("the WAR; run `mvn verify`, which packages it first").isRegularFile();
        this.home = home;
        this.version = version;
        this.base = base;
        this.deployments = base.resolve("deployments");
        this.warName = war.getFileName().toString();
        stopLeftoverOfAnEarlierRun();
        deleteRecursively(base);
        copyRecursively(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(deployments);
        Files.copy(war, deployments.resolve(warName));
    }

    @Override
    public String description() {
        return "WildFly " + version + " (the unchanged WAR)";
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + HTTP_PORT + contextPath();
    }

    @Override
    public String contextPath() {
        return "/" + warName.substring(0, warName.length() - ".war".length());
    }

    @Override
    public void start(Map<String, String> env) throws Exception {
        ServerProcess p = launch(env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            p.track();
            if (!p.isAlive()) {
                fail("WildFly exited with status %d before serving the application; %s", p.process.exitValue(),
                        outputs(p));
            }
            Optional<String> failed = marker("failed");
            if (failed.isPresent()) {
                fail("WildFly refused the deployment (%s):%n%s%n%s", warName + ".failed", failed.get(), outputs(p));
            }
            if (System.nanoTime() > deadline) {
                fail("%s/login did not answer 200 within %s; %s", baseUrl(), START_TIMEOUT, outputs(p));
            }
            if (Http.status(baseUrl() + "/login") == 200) {
                return;
            }
            // Poll interval; the loop ends as soon as the application answers.
            p.process.waitFor(250, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Refusal startRefused(Map<String, String> env) throws Exception {
        ServerProcess p = launch(env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Optional<String> failed;
        // The scanner writes its marker when the boot's deployment step ends; the HTTP listener may still be
        // opening then, and "not served" only means something once it answers.
        int status;
        while (true) {
            p.track();
            if (!p.isAlive()) {
                fail("WildFly exited with status %d; with a refused configuration only the deployment should fail, "
                        + "the server should keep running; %s", p.process.exitValue(), outputs(p));
            }
            if (marker("deployed").isPresent()) {
                fail("WildFly deployed %s although its configuration must be refused; %s", warName, outputs(p));
            }
            failed = marker("failed");
            status = failed.isPresent() ? Http.status(baseUrl() + "/login") : Http.NO_ANSWER;
            if (status != Http.NO_ANSWER) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("Within %s, WildFly neither marked %s failed nor answered on port %d; %s", START_TIMEOUT,
                        warName, HTTP_PORT, outputs(p));
            }
            p.process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        assertThat(status).as("GET %s/login while the deployment is marked failed", baseUrl()).isEqualTo(404);
        String serverLog = serverLog();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("deployments/" + warName + ".failed", failed.get());
        evidence.put("log/server.log", serverLog);
        evidence.put("the console output of standalone.sh", p.output());
        String shown = "deployments/" + warName + ".failed:\n" + failed.get() + "\n\nlog/server.log, ERROR lines:\n"
                + serverLog.lines().filter(l -> LOG_RECORD.matcher(l).find() && l.contains(" ERROR "))
                        .collect(Collectors.joining("\n"));
        return new Refusal("STEADFAST_KEY_..._SECRET=<placeholder> STEADFAST_MODE=production bin/standalone.sh -c "
                + CONFIG + ", " + warName + " in deployments/", "WildFly running, the deployment marked failed.", evidence,
                shown);
    }

    @Override
    public void stop() {
        if (running != null) {
            ServerProcess p = running;
            running = null;
            p.stop(STOP_TIMEOUT);
            assertNoSecretIn(List.of(p));
        }
    }

    @Override
    public void close() {
        // Every process is stopped before any check on its output may fail.
        started.forEach(p -> p.stop(STOP_TIMEOUT));
        running = null;
        assertNoSecretIn(started);
    }

    private ServerProcess launch(Map<String, String> env) throws IOException {
        stop();
        for (int port : new int[] {HTTP_PORT, MANAGEMENT_PORT}) {
            if (listening(port)) {
                fail("Port %d is in use by a process this test did not start; stop it (or the build that owns it) "
                        + "and run again. WildFly runs here with port offset %d.", port, PORT_OFFSET);
            }
        }
        // Markers of the previous start would be read as this start's verdict; without them the scanner deploys
        // the WAR afresh at boot, as it does on a new server.
        try (Stream<Path> files = Files.list(deployments)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().equals(warName)) {
                    Files.delete(f);
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", CONFIG,
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET)
                .directory(base.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("STEADFAST_") || k.startsWith("AVATAR_")
                || k.startsWith("JBOSS_") || k.equals("LAUNCH_JBOSS_IN_BACKGROUND") || k.equals("JAVA_OPTS")
                || k.equals("JAVA") || k.equals("JDK_JAVA_OPTIONS"));
        environment.putAll(env);
        environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Each server lives for a few requests, so C2's compilations cost more than they return: with C1 alone
        // the application was served 10 s after the start instead of 18 s (load about 15 on two cores). Through
        // the JDK's variable, so that standalone.conf's own JAVA_OPTS defaults stay in force.
        environment.put("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1");
        // In the background the script relays SIGTERM to the server JVM and writes its PID; in the foreground it
        // would ignore the signal until the JVM ends.
        environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        environment.put("JBOSS_PIDFILE", pidFile().toString());
        running = ServerProcess.start(pb, base.resolve("console-" + started.size() + ".log"));
        started.add(running);
        return running;
    }

    private Path pidFile() {
        return base.resolve("wildfly.pid");
    }

    /**
     * A test JVM killed outright runs no shutdown hook, so its WildFly lives on, holding the ports. Only that one is
     * stopped: the PID its script wrote into this base folder, and only while that process still runs on this base
     * folder.
     */
    private void stopLeftoverOfAnEarlierRun() throws IOException {
        if (!Files.isRegularFile(pidFile())) {
            return;
        }
        String marker = "-Djboss.server.base.dir=" + base;
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            ProcessHandle.of(pid).filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .ifPresent(h -> {
                        h.destroy();
                        try {
                            h.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                        } catch (Exception lingering) {
                            h.destroyForcibly();
                        }
                    });
        } catch (NumberFormatException notAPid) {
            // Nothing to stop.
        }
    }

    private Optional<String> marker(String suffix) throws IOException {
        Path marker = deployments.resolve(warName + "." + suffix);
        return Files.exists(marker) ? Optional.of(Files.readString(marker, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private String serverLog() throws IOException {
        Path log = base.resolve("log/server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** For failure messages: the tail of the console output and of the server log. */
    private String outputs(ServerProcess p) throws IOException {
        return "console output (" + p.log + "):\n" + tail(p.output()) + "\nserver log (" + base.resolve("log")
                + "):\n" + tail(serverLog());
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private void assertNoSecretIn(List<ServerProcess> processes) {
        try {
            for (ServerProcess p : processes) {
                Secrets.assertAbsent("WildFly's console output (" + p.log + ")", p.output());
            }
            Path logs = base.resolve("log");
            if (Files.isDirectory(logs)) {
                try (Stream<Path> files = Files.walk(logs)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Secrets.assertAbsent("WildFly's log " + f, Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
