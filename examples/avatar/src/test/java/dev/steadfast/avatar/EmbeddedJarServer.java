package dev.steadfast.avatar;

import dev.steadfast.testsupport.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The runnable jar ({@code java -jar steadfast-avatar.jar}, embedded Tomcat), one process per start, at the root. */
final class EmbeddedJarServer implements AvatarServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path jar;
    private final Path work;
    /** One port for every restart, so that the browser really reloads the page it shows. */
    private final int port;
    private final List<ServerProcess> started = new ArrayList<>();
    private ServerProcess running;

    EmbeddedJarServer(Path jar, Path work) throws IOException {
        assertThat(jar).as("the runnable jar; run `mvn verify`, which packages it first").isRegularFile();
        this.jar = jar;
        this.work = work;
        this.port = freePort();
    }

    @Override
    public String description() {
        return "the runnable jar (embedded Tomcat)";
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public String contextPath() {
        return "";
    }

    @Override
    public void start(Map<String, String> env) throws Exception {
        ServerProcess p = launch(env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!p.isAlive()) {
                fail("The avatar example exited with status %d before serving; output:%n%s",
                        p.process.exitValue(), p.output());
            }
            if (System.nanoTime() > deadline) {
                fail("The avatar example did not answer on port %d within %s; output:%n%s", port, START_TIMEOUT,
                        p.output());
            }
            if (Http.status(baseUrl() + "/login") == 200) {
                return;
            }
            // Poll interval; the loop ends as soon as the port answers.
            p.process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Refusal startRefused(Map<String, String> env) throws Exception {
        ServerProcess p = launch(env);
        if (!p.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("Still running after %s with a configuration it must refuse; output:%n%s", START_TIMEOUT,
                    p.output());
        }
        String output = p.output();
        int status = p.process.exitValue();
        assertThat(status).as("exit status; output:%n%s", output).isNotZero();
        assertThat(output).doesNotContain("listening on");
        return new Refusal("STEADFAST_KEY_..._SECRET=<placeholder> STEADFAST_MODE=production java -jar "
                + "steadfast-avatar.jar", "Exit status " + status + ".", Map.of("the process's output", output),
                output);
    }

    @Override
    public void stop() {
        if (running != null) {
            ServerProcess p = running;
            running = null;
            p.stop(STOP_TIMEOUT);
            assertNoSecretIn(p);
        }
    }

    @Override
    public void close() {
        // Every process is stopped before any check on its output may fail.
        started.forEach(p -> p.stop(STOP_TIMEOUT));
        running = null;
        started.forEach(EmbeddedJarServer::assertNoSecretIn);
    }

    private ServerProcess launch(Map<String, String> env) throws IOException {
        stop();
        Path log = work.resolve("avatar-" + started.size() + ".log");
        Path home = Files.createDirectories(work.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-jar", jar.toString());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("STEADFAST_") || k.startsWith("AVATAR_")
                || k.equals("PORT"));
        environment.putAll(env);
        environment.put("PORT", Integer.toString(port));
        running = ServerProcess.start(pb, log);
        started.add(running);
        return running;
    }

    private static void assertNoSecretIn(ServerProcess p) {
        try {
            Secrets.assertAbsent("the output of the avatar example (" + p.log.getFileName() + ")", p.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
