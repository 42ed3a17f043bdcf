package dev.steadfast.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded java.net.http load client; every run stops by itself.
 *
 * <pre>
 * LoadClient throughput URL USERS WARMUP_S RUN_S RUNS none|session
 * LoadClient create URL USERS TOTAL
 * </pre>
 *
 * <p>{@code throughput}: USERS virtual users on a fixed thread pool, each sending GET requests back to back with its
 * own cookie jar (so each carries its own session cookie) over one shared HttpClient (HTTP/1.1, which keeps one
 * keep-alive connection per concurrent request). After WARMUP_S seconds, RUNS runs of RUN_S seconds each are
 * measured; requests that straddle a run boundary are not counted. One line per run: throughput, p50/p99 latency
 * and errors (an exception, a status other than 200, or a body other than the expected {@code count=N}: with
 * sessions, N must be the user's previous count + 1, so a lost or stale session is an error).
 *
 * <p>{@code create}: TOTAL requests without a cookie, each creating a new session; prints errors.
 */
public final class LoadClient {

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 7 && args[0].equals("throughput")) {
            throughput(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), args[6].equals("session"));
        } else if (args.length == 4 && args[0].equals("create")) {
            create(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: LoadClient throughput URL USERS WARMUP_S RUN_S RUNS none|session"
                    + " | create URL USERS TOTAL");
            System.exit(2);
        }
    }

    private static HttpClient client(int users) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Phase 0 is the warm-up, 1..RUNS the measured runs, -1 stop. */
    private static volatile int phase;

    private static void throughput(URI uri, int users, int warmup, int runSeconds, int runs, boolean sessions)
            throws Exception {
        HttpClient client = client(users);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long[][][] latencies = new long[users][runs + 1][];
        int[][] counts = new int[users][runs + 1];
        int[][] errors = new int[users][runs + 1];
        AtomicLong firstError = new AtomicLong();
        String[] errorSample = new String[1];
        for (int u = 0; u < users; u++) {
            int user = u;
            for (int r = 0; r <= runs; r++) {
                latencies[u][r] = new long[1024];
            }
            pool.execute(() -> {
                Map<String, String> jar = new LinkedHashMap<>();
                int expected = sessions ? 1 : 0;
                while (true) {
                    int p = phase;
                    if (p < 0) {
                        return;
                    }
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
                        if (!jar.isEmpty()) {
                            rb.header("Cookie", cookieHeader(jar));
                        }
                        HttpResponse<String> resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
                        updateJar(jar, resp.headers().allValues("set-cookie"));
                        String body = resp.body();
                        ok = resp.statusCode() == 200 && body.startsWith("count=" + expected + " ");
                        if (!ok && firstError.getAndIncrement() == 0) {
                            errorSample[0] = "status " + resp.statusCode() + ", expected count=" + expected
                                    + ", body " + body.substring(0, Math.min(60, body.length()));
                        }
                        if (sessions) {
                            // Resynchronise on what the server says, so one error is counted once.
                            int space = body.indexOf(' ');
                            expected = (body.startsWith("count=") && space > 6
                                    ? Integer.parseInt(body.substring(6, space)) : 0) + 1;
                        }
                    } catch (Exception e) {
                        ok = false;
                        if (firstError.getAndIncrement() == 0) {
                            errorSample[0] = e.toString();
                        }
                    }
                    long elapsed = System.nanoTime() - start;
                    if (phase == p) {
                        if (ok) {
                            long[] buf = latencies[user][p];
                            int n = counts[user][p];
                            if (n == buf.length) {
                                buf = Arrays.copyOf(buf, n * 2);
                                latencies[user][p] = buf;
                            }
                            buf[n] = elapsed;
                            counts[user][p] = n + 1;
                        } else {
                            errors[user][p]++;
                        }
                    }
                }
            });
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(warmup * 1000L);
        for (int r = 1; r <= runs; r++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            phase = r;
            Thread.sleep(runSeconds * 1000L);
            phase = r + 1 > runs ? -1 : r + 1;
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 / seconds * 100;
            // The workers are between requests or inside one; give them a moment to store what they recorded.
            Thread.sleep(r == runs ? 2000 : 200);
            report(r, seconds, cpu, latencies, counts, errors, users);
        }
        pool.shutdown();
        pool.awaitTermination(40, TimeUnit.SECONDS);
        if (errorSample[0] != null) {
            System.out.println("# first error: " + errorSample[0]);
        }
        System.exit(0);
    }

    private static void report(int run, double seconds, double cpu, long[][][] latencies, int[][] counts,
            int[][] errors, int users) {
        int total = 0;
        int errs = 0;
        for (int u = 0; u < users; u++) {
            total += counts[u][run];
            errs += errors[u][run];
        }
        long[] all = new long[total];
        int o = 0;
        for (int u = 0; u < users; u++) {
            System.arraycopy(latencies[u][run], 0, all, o, counts[u][run]);
            o += counts[u][run];
        }
        Arrays.sort(all);
        double p50 = total == 0 ? Double.NaN : all[(int) Math.min(total - 1, Math.floor(total * 0.50))] / 1e3;
        double p99 = total == 0 ? Double.NaN : all[(int) Math.min(total - 1, Math.floor(total * 0.99))] / 1e3;
        System.out.println(String.format(Locale.ROOT,
                "run=%d seconds=%.2f requests=%d rps=%.1f p50_us=%.0f p99_us=%.0f errors=%d client_cpu_pct=%.0f",
                run, seconds, total, total / seconds, p50, p99, errs, cpu));
        System.out.flush();
    }

    private static void create(URI uri, int users, int total) throws Exception {
        HttpClient client = client(users);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Runnable> tasks = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            pool.execute(() -> {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
                while (next.getAndIncrement() < total) {
                    try {
                        HttpResponse<String> resp = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() != 200 || !resp.body().startsWith("count=1 ")
                                || resp.headers().allValues("set-cookie").isEmpty()) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        System.out.println(String.format(Locale.ROOT, "created=%d seconds=%.1f errors=%d", total,
                (System.nanoTime() - t0) / 1e9, errors.get()));
        System.exit(0);
    }

    static String cookieHeader(Map<String, String> jar) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> c : jar.entrySet()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.getKey()).append('=').append(c.getValue());
        }
        return sb.toString();
    }

    /** Name=value from each Set-Cookie; Max-Age=0 (or a past Expires) removes the cookie. */
    static void updateJar(Map<String, String> jar, List<String> setCookies) {
        for (String header : setCookies) {
            int semi = header.indexOf(';');
            String pair = (semi < 0 ? header : header.substring(0, semi)).trim();
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String attrs = semi < 0 ? "" : header.substring(semi).toLowerCase(Locale.ROOT);
            String name = pair.substring(0, eq);
            if (attrs.contains("max-age=0") || attrs.contains("expires=thu, 01 jan 1970")) {
                jar.remove(name);
            } else {
                jar.put(name, pair.substring(eq + 1));
            }
        }
    }
}
