package dev.steadfast.impl.policy;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.testsupport.SecretGenerators;
import dev.steadfast.testsupport.SecretGenerators.Generator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.steadfast.impl.policy.PolicyFixtures.POLICY;
import static dev.steadfast.impl.policy.PolicyFixtures.PRODUCTION;
import static dev.steadfast.impl.policy.PolicyFixtures.candidate;

/**
 * The on-demand form of {@link GeneratorOutputTest}: the same judgement over many more samples, on every core, with a
 * line per generator as it finishes (the test reports only at the end of a run that takes most of an hour on one
 * core). Not a test. Run from the root:
 * {@code mvn -B -q -pl impl -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.steadfast.impl.policy.GeneratorOutputRun -Dexec.args=100000}.
 */
public final class GeneratorOutputRun {

    private GeneratorOutputRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : GeneratorOutputTest.DEFAULT_SAMPLES;
        List<Object[]> cases = new ArrayList<>();
        SecretGenerators.forHs256().forEach(g -> cases.add(new Object[] {g, 256}));
        SecretGenerators.forHs512().forEach(g -> cases.add(new Object[] {g, 512}));
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        for (Object[] c : cases) {
            pool.execute(() -> {
                Generator generator = (Generator) c[0];
                int bits = (Integer) c[1];
                SecureRandom random = new SecureRandom();
                long began = System.nanoTime();
                int findings = 0;
                for (int done = 0; done < samples; done += 10) {
                    List<SecretCandidate> batch = new ArrayList<>(10);
                    for (int i = 0; i < 10; i++) {
                        batch.add(candidate("secret." + i, generator.format().apply(random), bits));
                    }
                    for (Finding finding : POLICY.evaluate(batch, PRODUCTION)) {
                        findings++;
                        // The rule and message id only: a finding never holds the value, and neither may this line.
                        System.out.println("REFUSED " + generator.name() + " at " + bits + ": " + finding.rule());
                    }
                }
                refused.addAndGet(findings);
                System.out.printf(Locale.ROOT, "%-32s at %d bits: %,d samples, %d refused, %.0f s%n", generator.name(),
                        bits, samples, findings, (System.nanoTime() - began) / 1e9);
            });
        }
        pool.shutdown();
        pool.awaitTermination(7, TimeUnit.DAYS);
        System.out.printf(Locale.ROOT, "%d generators, %,d samples each: %d refused in all, %.0f s%n", cases.size(),
                samples, refused.get(), (System.nanoTime() - start) / 1e9);
    }
}
