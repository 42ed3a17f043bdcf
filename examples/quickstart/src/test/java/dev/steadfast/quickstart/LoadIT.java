package dev.steadfast.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.steadfast.testsupport.Secrets;

/**
 * Concurrent sessions against the quickstart jar on loopback: {@value #CLIENTS} clients (java.net.http on a fixed
 * pool of {@value #CLIENTS} threads; no virtual threads on Java 17), each a sequential flow that carries its own
 * cookie, so {@code count} must go up by exactly one per request. Counted: non-2xx answers, lost updates (a count
 * other than the one expected, or no new cookie), logouts (back to count=1 mid-flow).
 *
 * <p>The normal build runs the steady test for {@code steadfast.load.seconds} (15). {@code -Pload} runs it for 60 s
 * and also the rotation test: halfway through, the server is stopped and started again on the same port with a
 * new key first and the old one second (docs/rotation.md); clients retry connection failures with the cookie they
 * hold. Results are printed and appended to {@code target/load-results.txt}.
 */
class LoadIT {

    static final int CLIENTS = 64;
    private static final int SECONDS = Integer.getInteger("steadfast.load.seconds", 15);

    @TempDir
    Path tmp;

    private final List<QuickstartProcess> started = new ArrayList<>();

    @AfterEach
    void stopServers() {
        started.forEach(QuickstartProcess::stop);
    }

    @Test
    void concurrentClientsNeverSeeAnErrorOrLoseAnUpdate() throws Exception {
        String secret = QuickstartProcess.randomSecret();
        QuickstartProcess app = start(QuickstartProcess.production(secret), QuickstartProcess.freePort());
        Result r = run("steady", app.port, Duration.ofSeconds(SECONDS), null);
        app.stop();
        Secrets.assertAbsent("the quickstart's output", app.output());
        assertThat(r.requests.get()).as("requests served").isPositive();
        assertThat(r.non2xx.get()).as("non-2xx answers").isZero();
        assertThat(r.lostUpdates.get()).as("lost updates").isZero();
        assertThat(r.logouts.get()).as("logouts").isZero();
        assertThat(r.failures.get()).as("connection failures (no restart in this test)").isZero();
    }

    @Test
    @EnabledIfSystemProperty(named = "steadfast.load.rotation", matches = "true")
    void keyRotationMidRunLogsNobodyOutAndLosesNoUpdate() throws Exception {
        String oldSecret = QuickstartProcess.randomSecret();
        String newSecret = QuickstartProcess.randomSecret();
        int port = QuickstartProcess.freePort();
        Map<String, String> before = QuickstartProcess.production(oldSecret);
        Map<String, String> after = Map.of("STEADFAST_MODE", "production", "STEADFAST_KEYS", "k2,k1",
                "STEADFAST_KEY_K2_SECRET", newSecret, "STEADFAST_KEY_K1_SECRET", oldSecret,
                "STEADFAST_SESSION_COOKIE_SECURE", "false");
        AtomicReference<QuickstartProcess> current = new AtomicReference<>(start(before, port));
        Duration length = Duration.ofSeconds(SECONDS);
        Runnable rotate = () -> {
            try {
                QuickstartProcess old = current.get();
                old.stop();
                current.set(start(after, port));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Result r = run("rotation", port, length, rotate);
        for (QuickstartProcess p : started) {
            p.stop();
            Secrets.assertAbsent("the quickstart's output", p.output());
        }
        assertThat(r.requests.get()).isPositive();
        assertThat(r.non2xx.get()).as("non-2xx answers").isZero();
        assertThat(r.lostUpdates.get()).as("lost updates").isZero();
        assertThat(r.logouts.get()).as("logouts").isZero();
        assertThat(r.newKeyCookies.get()).as("clients whose last cookie is signed by the new key k2")
                .isEqualTo(CLIENTS);
    }

    private QuickstartProcess start(Map<String, String> env, int port) throws Exception {
        QuickstartProcess app = QuickstartProcess.start(env, tmp, port);
        synchronized (started) {
            started.add(app);
        }
        return app;
    }

    static final class Result {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong non2xx = new AtomicLong();
        final AtomicLong lostUpdates = new AtomicLong();
        final AtomicLong logouts = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong newKeyCookies = new AtomicLong();
    }

    private static Result run(String name, int port, Duration length, Runnable midRun) throws Exception {
        Result r = new Result();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(pool.submit(() -> client(http, port, deadline, r)));
        }
        if (midRun != null) {
            Thread.sleep(length.toMillis() / 2);
            long restartStart = System.nanoTime();
            midRun.run();
            System.out.printf("LoadIT %s: restarted with the new key in %d ms%n", name,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartStart));
        }
        for (Future<?> f : clients) {
            f.get(length.toSeconds() + 120, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("LoadIT %s: %d clients, %.1f s, %d requests, %.0f requests/s, non-2xx %d, "
                        + "lost updates %d, logouts %d, connection failures retried %d, clients ending on key k2 %d",
                name, CLIENTS, seconds, r.requests.get(), r.requests.get() / seconds, r.non2xx.get(),
                r.lostUpdates.get(), r.logouts.get(), r.failures.get(), r.newKeyCookies.get());
        System.out.println(line);
        Path results = Path.of("target", "load-results.txt");
        if (Files.isDirectory(results.getParent())) {
            Files.writeString(results, java.time.Instant.now() + " " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return r;
    }

    private static void client(HttpClient http, int port, long deadline, Result r) {
        String cookie = null;
        int expected = 1;
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/count")).timeout(Duration.ofSeconds(10)).GET();
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // The server is restarting: retry with the same cookie (bounded by the deadline).
                r.failures.incrementAndGet();
                sleep(50);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            r.requests.incrementAndGet();
            if (response.statusCode() / 100 != 2) {
                r.non2xx.incrementAndGet();
                continue;
            }
            String body = response.body();
            int count = body.startsWith("count=") ? Integer.parseInt(body.substring(6)) : -1;
            String next = QuickstartProcess.sessionCookie(response);
            if (count == 1 && expected > 1) {
                r.logouts.incrementAndGet();
            } else if (count != expected || next == null) {
                r.lostUpdates.incrementAndGet();
            }
            if (next != null) {
                cookie = next;
            }
            expected = count + 1;
        }
        if (cookie != null && "k2".equals(kid(cookie))) {
            r.newKeyCookies.incrementAndGet();
        }
    }

    private static String kid(String cookie) {
        String value = cookie.substring(cookie.indexOf('=') + 1);
        String header = Tokens.fromB64(value.substring(0, value.indexOf('.')));
        int at = header.indexOf("\"kid\":\"") + 7;
        return header.substring(at, header.indexOf('"', at));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
