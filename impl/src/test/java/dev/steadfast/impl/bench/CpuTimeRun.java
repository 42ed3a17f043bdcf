package dev.steadfast.impl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * A companion to {@link CodecBenchmark} for a shared machine: the same operations timed in <em>thread CPU time</em>
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}) rather than wall time, so that time spent waiting for a core
 * another process holds is not counted. Not JMH: no forks or blackholes; each result is consumed into a checksum.
 *
 * <pre>java -cp &lt;impl test class path&gt; dev.steadfast.impl.bench.CpuTimeRun [warmup-ops [batch-ops [batches [operation]]]]</pre>
 *
 * <p>Prints, per operation, the min / median / max over the batches of CPU ns per operation.
 */
public final class CpuTimeRun {

    /** Runs only the operation of this name, when given. */
    private static String only;

    private CpuTimeRun() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        only = args.length > 3 ? args[3] : null;
        CodecBenchmark b = new CodecBenchmark();
        b.setUp();
        System.out.println("# java " + System.getProperty("java.version") + ", warmup " + warmup + " ops, "
                + batches + " batches of " + batch + " ops; CPU ns/op min / median / max");
        run("rawHmac", b::rawHmac, warmup, batch, batches);
        run("decodeOnly", b::decodeOnly, warmup, batch, batches);
        run("roundTrip", b::roundTrip, warmup, batch, batches);
        run("nimbusRoundTrip", b::nimbusRoundTrip, warmup / 10, batch / 10, batches);
        RequestPathBenchmark r = new RequestPathBenchmark();
        r.setUp();
        run("requestPath", r::request, warmup / 2, batch / 2, batches);
    }

    private static void run(String name, Callable<?> op, int warmup, int batch, int batches) throws Exception {
        if (only != null && !only.equals(name)) {
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += op.call().hashCode();
        }
        double[] perOp = new double[batches];
        for (int k = 0; k < batches; k++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                sink += op.call().hashCode();
            }
            perOp[k] = (threads.getCurrentThreadCpuTime() - t0) / (double) batch;
        }
        Arrays.sort(perOp);
        System.out.println(String.format(Locale.ROOT, "%-16s %9.0f %9.0f %9.0f   (checksum %d)", name, perOp[0],
                perOp[batches / 2], perOp[batches - 1], sink & 0xff));
    }
}
