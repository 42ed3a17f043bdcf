package dev.steadfast.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.steadfast.testsupport.Secrets;

/**
 * The runnable jar ({@code java -jar target/steadfast-quickstart.jar}) started as a separate process on a free
 * loopback port, the way the README runs it. Always {@link #stop()} it (tests do so in {@code @AfterEach} /
 * {@code @AfterAll}); a shutdown hook destroys any process still running when the test JVM ends.
 */
final class QuickstartProcess {

    static final Path JAR = Path.of(System.getProperty("quickstart.jar", "target/steadfast-quickstart.jar"));
    /** Bounds every start and stop; generous because other builds share this machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** Processes still running when the test JVM ends (killed build): destroyed by a shutdown hook. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "destroy-quickstart-processes"));
    }

    final Process process;
    final int port;
    final Path log;

    private QuickstartProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** @return 256 random bits, base64url without padding (43 characters), registered with the leak guard */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(secret).hasSize(43);
        return Secrets.register(secret);
    }

    /** @return the environment of a production quickstart signing with {@code k1} (plain HTTP, so not Secure) */
    static Map<String, String> production(String secret) {
        return Map.of("STEADFAST_MODE", "production", "STEADFAST_KEYS", "k1", "STEADFAST_KEY_K1_SECRET", secret,
                "STEADFAST_SESSION_COOKIE_SECURE", "false");
    }

    /** Starts the jar on a free port and waits until it answers {@code GET /} with 200, or fails with its output. */
    static QuickstartProcess start(Map<String, String> env, Path workDir) throws Exception {
        return start(env, workDir, freePort());
    }

    /** As {@link #start(Map, Path)}, on the given port (a restart on the port clients already use). */
    static QuickstartProcess start(Map<String, String> env, Path workDir, int port) throws Exception {
        QuickstartProcess app = launch(env, workDir, port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!app.process.isAlive()) {
                fail("The quickstart exited with status %d before serving; output:%n%s",
                        app.process.exitValue(), app.output());
            }
            if (System.nanoTime() > deadline) {
                app.stop();
                fail("The quickstart did not answer on port %d within %s; output:%n%s", app.port, START_TIMEOUT,
                        app.output());
            }
            try {
                HttpResponse<String> home = PROBE.send(HttpRequest.newBuilder(app.uri("/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (home.statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // Not listening yet: poll again.
            }
            // Poll interval, not a wait for readiness: the loop ends as soon as the port answers.
            app.process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts the jar without waiting for it to serve. */
    static QuickstartProcess launch(Map<String, String> env, Path workDir, int port) throws IOException {
        assertThat(JAR).as("the runnable jar; run `mvn verify`, which packages it first").isRegularFile();
        Path log = Files.createTempFile(Files.createDirectories(workDir), "quickstart-", ".log");
        Path home = Files.createDirectories(workDir.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // user.home points at a temporary directory, so a development key never lands in the real ~/.steadfast.
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("STEADFAST_") || k.equals("PORT"));
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", Integer.toString(port));
        environment.putAll(all);
        QuickstartProcess app = new QuickstartProcess(pb.start(), port, log);
        RUNNING.add(app.process);
        return app;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL if it lingers) and waits for it to end. */
    void stop() {
        if (!process.isAlive()) {
            RUNNING.remove(process);
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Loopback only: 127.0.0.1, never a name that could resolve elsewhere. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @return {@code name=value} of the session cookie a response sets, or null when it sets none */
    static String sessionCookie(HttpResponse<?> response) {
        List<String> set = response.headers().allValues("Set-Cookie");
        if (set.isEmpty()) {
            return null;
        }
        assertThat(set).as("Set-Cookie headers").hasSize(1);
        return set.get(0).split(";", 2)[0].strip();
    }
}
