package dev.steadfast.quickstart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Starts the runnable jar ({@code java -jar target/steadfast-quickstart.jar}) as separate processes, the way the
 * README does, and checks what a user would see: the session survives a restart, a tampered cookie is ignored,
 * a placeholder secret stops the process with a non-zero status, and development mode keeps its key.
 */
class QuickstartIT {

    private static final Path JAR = Path.of(System.getProperty("quickstart.jar", "target/steadfast-quickstart.jar"));
    /** Bounds every start and stop; generous because other builds share this machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Weld Servlet's warning when it finds no beans.xml and so does not start CDI. */
    private static final String NO_BEAN_ARCHIVE = "WELD-ENV-000028";
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** Processes still running when the test JVM ends (killed build): destroyed by a shutdown hook. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "destroy-quickstart-processes"));
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<App> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void destroyProcesses() {
        started.forEach(App::stop);
    }

    @Test
    void productionSessionSurvivesRestartIgnoresTamperingAndLogoutExpiresTheCookie() throws Exception {
        String secret = randomSecret();
        Map<String, String> env = production(secret);

        App first = start(env);
        HttpResponse<String> one = get(first, "/count", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("count=1");
        String cookie = sessionCookie(one);
        HttpResponse<String> two = get(first, "/count", cookie);
        assertThat(two.body()).isEqualTo("count=2");
        cookie = sessionCookie(two);
        first.stop();
        assertThat(first.output()).doesNotContain(secret);
        // CDI really started (Steadfast's CDI extension runs only then): no "no bean archive found".
        assertThat(first.output()).contains("WELD-ENV-001008").doesNotContain(NO_BEAN_ARCHIVE);

        App second = start(env);
        HttpResponse<String> three = get(second, "/count", cookie);
        assertThat(three.statusCode()).isEqualTo(200);
        assertThat(three.body()).as("the same cookie after a restart with the same key").isEqualTo("count=3");
        String afterRestart = sessionCookie(three);

        HttpResponse<String> tampered = get(second, "/count", tamper(afterRestart));
        assertThat(tampered.statusCode()).isEqualTo(200);
        assertThat(tampered.body()).as("a tampered cookie counts as no cookie: a fresh session").isEqualTo("count=1");

        HttpResponse<String> bye = send(second, HttpRequest.newBuilder(uri(second, "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()), afterRestart);
        assertThat(bye.statusCode()).isEqualTo(200);
        assertThat(bye.body()).isEqualTo("bye");
        String expiry = bye.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name(afterRestart) + "=")).findFirst().orElse("");
        assertThat(expiry).as("logout expires the cookie").startsWith(name(afterRestart) + "=;").contains("Max-Age=0");
        // A client that honours the expiry has no cookie any more: a new session.
        assertThat(get(second, "/count", null).body()).isEqualTo("count=1");
        // Documented behaviour (docs/sessions.md, invalidate()): nothing on the server remembers the logout, so a copy
        // of the old cookie kept elsewhere stays valid until its idle or absolute timeout.
        assertThat(get(second, "/count", afterRestart).body()).isEqualTo("count=4");

        HttpResponse<String> home = get(second, "/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(home.body()).contains("curl", "/count", "/logout");
        assertThat(home.headers().allValues("Set-Cookie")).as("the home page creates no session").isEmpty();

        second.stop();
        assertThat(second.output()).doesNotContain(secret);
    }

    @Test
    void productionRefusesAPlaceholderSecretAndExitsWithoutPrintingIt() throws Exception {
        String placeholder = "changeme";
        Map<String, String> env = production(placeholder);
        App app = launch(env);
        boolean exited = app.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            fail("Still running after " + START_TIMEOUT + " with a placeholder secret; output:%n%s", app.output());
        }
        String output = app.output();
        assertThat(app.process.exitValue()).as("exit status; output:%n%s", output).isNotZero();
        assertThat(output).contains("steadfast.key.k1.secret");
        assertThat(output).as("the secret's value must never be printed").doesNotContain(placeholder);
        assertThat(output).doesNotContain("listening on").doesNotContain(NO_BEAN_ARCHIVE);
    }

    @Test
    void developmentModeKeepsItsKeyFileAcrossRestarts() throws Exception {
        Path keyFile = tmp.resolve("dev").resolve("quickstart.key");
        Map<String, String> env = Map.of("STEADFAST_DEV_KEY_FILE", keyFile.toString());

        App first = start(env);
        HttpResponse<String> one = get(first, "/count", null);
        assertThat(one.body()).isEqualTo("count=1");
        HttpResponse<String> two = get(first, "/count", sessionCookie(one));
        assertThat(two.body()).isEqualTo("count=2");
        String cookie = sessionCookie(two);
        first.stop();
        assertThat(keyFile).isRegularFile();
        assertThat(first.output()).contains("STEADFAST-2001", keyFile.toString());

        App second = start(env);
        assertThat(get(second, "/count", cookie).body()).isEqualTo("count=3");
        second.stop();
        assertThat(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()).isNotEmpty()
                .satisfies(key -> assertThat(second.output()).doesNotContain(key));
    }

    // --- processes

    private static Map<String, String> production(String secret) {
        return Map.of("STEADFAST_MODE", "production", "STEADFAST_KEYS", "k1", "STEADFAST_KEY_K1_SECRET", secret,
                "STEADFAST_SESSION_COOKIE_SECURE", "false");
    }

    /** Starts the jar and waits until it answers {@code GET /} with 200, or fails with its output. */
    private App start(Map<String, String> env) throws Exception {
        App app = launch(env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!app.process.isAlive()) {
                fail("The quickstart exited with status %d before serving; output:%n%s",
                        app.process.exitValue(), app.output());
            }
            if (System.nanoTime() > deadline) {
                fail("The quickstart did not answer on port %d within %s; output:%n%s",
                        app.port, START_TIMEOUT, app.output());
            }
            try {
                HttpResponse<String> home = http.send(HttpRequest.newBuilder(uri(app, "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (home.statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // Not listening yet (or not started): poll again.
            }
            // Poll interval, not a wait for readiness: the loop ends as soon as the port answers.
            app.process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private App launch(Map<String, String> env) throws IOException {
        assertThat(JAR).as("the runnable jar; run `mvn verify`, which packages it first").isRegularFile();
        int port = freePort();
        Path log = tmp.resolve("quickstart-" + started.size() + ".log");
        Path home = Files.createDirectories(tmp.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // user.home points at a temporary directory, so a development key never lands in the real ~/.steadfast.
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("STEADFAST_") || k.equals("PORT"));
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", Integer.toString(port));
        environment.putAll(all);
        App app = new App(pb.start(), port, log);
        RUNNING.add(app.process);
        started.add(app);
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static final class App {
        final Process process;
        final int port;
        final Path log;

        App(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
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
    }

    // --- HTTP

    private HttpResponse<String> get(App app, String path, String cookie) throws Exception {
        return send(app, HttpRequest.newBuilder(uri(app, path)).GET(), cookie);
    }

    private HttpResponse<String> send(App app, HttpRequest.Builder request, String cookie) throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(App app, String path) {
        return URI.create("http://localhost:" + app.port + path);
    }

    /** @return {@code name=value} of the session cookie the response sets */
    private static String sessionCookie(HttpResponse<String> response) {
        List<String> set = response.headers().allValues("Set-Cookie");
        assertThat(set).as("Set-Cookie headers").hasSize(1);
        String pair = set.get(0).split(";", 2)[0].strip();
        assertThat(pair).as("session cookie").matches("[^=]+=[^.]+\\.[^.]+\\.[^.]+");
        return pair;
    }

    private static String name(String cookie) {
        return cookie.substring(0, cookie.indexOf('='));
    }

    /** Changes one character in the middle of the signature: the value stays well-formed but no longer verifies. */
    private static String tamper(String cookie) {
        int signature = cookie.lastIndexOf('.') + 1;
        int at = signature + (cookie.length() - signature) / 2;
        char c = cookie.charAt(at);
        char other = BASE64URL.charAt((BASE64URL.indexOf(c) + 1) % BASE64URL.length());
        return cookie.substring(0, at) + other + cookie.substring(at + 1);
    }

    /** 256 random bits, base64url without padding: 43 characters. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(secret).hasSize(43);
        return secret;
    }
}
