package dev.steadfast.impl.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.impl.boot.Deployment;
import dev.steadfast.impl.boot.Deployments;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.SecretCandidate;

/**
 * The deploy-time check over a realistic configuration: production mode, two keys (one signing, one verifying, with a
 * creation date) and two application secrets found by CDI, all acceptable. One operation builds the validator with
 * the default policy and validates, as the startup listener does once per deployment.
 *
 * <p>Run it twice: {@code -bm ss -wi 0 -i 1 -f 10} for the first call in a fresh JVM (class loading, policy word
 * lists, host name lookup included) and {@code -bm avgt} for the steady state. The one INFO line the validator logs
 * is switched off so that the steady state measures the check, not the console.
 *
 * <p>{@code jvm=bare} is a JVM that has run nothing else. {@code jvm=server} first uses what every application server
 * has used before it deploys anything (a lambda, a stream, string concatenation, a regex, JUL, {@code Instant}
 * parsing, the JCA providers for {@code Mac}, {@code MessageDigest} and {@code SecureRandom}, the host name), so that
 * its single shot is what the check itself costs at deployment, not the JDK's one-time start-up.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    // Random, generated for this benchmark only; never used anywhere else.
    private static final String KEY_1 = "ALq-ont3aVKUv3WNFgna2pot3K-Y5mhrpfxz4FoQG0M";
    private static final String KEY_2 = "NsF203d2VXo0UcGp3fsnDMDpMPnB1v4OOXnRYBe-bXM";
    private static final String APP_1 = "oY-sIOr4VZw6m6XpChqQTCBziyQLrA5L4ymFlLrQJas";
    private static final String APP_2 = "QnKKKl60qJ9PUsoSTO60NWpMm-BWBM9BKTjE-fMQeiU";

    private final Logger steadfastLog = Logger.getLogger("dev.steadfast");
    private PropertyLookup config;
    private List<SecretCandidate> appSecrets;

    @Param({"bare", "server"})
    public String jvm;

    @Setup
    public void setUp() throws GeneralSecurityException {
        if ("server".equals(jvm)) {
            warmJdk();
        }
        steadfastLog.setLevel(Level.WARNING);
        config = PropertyLookup.of(Map.of(
                "steadfast.mode", "production",
                "steadfast.keys", "2026-11,2026-05",
                "steadfast.key.2026-11.secret", KEY_1,
                "steadfast.key.2026-11.created-at", "2026-11-01T00:00:00Z",
                "steadfast.key.2026-05.secret", KEY_2,
                "steadfast.key.2026-05.created-at", "2026-05-01T00:00:00Z"), "microprofile-config.properties");
        appSecrets = List.of(
                new SecretCandidate("jwt.secret", "env JWT_SECRET", Optional.of(SecretBytes.fromUtf8(APP_1)), 256),
                new SecretCandidate("csrf.secret", "env CSRF_SECRET", Optional.of(SecretBytes.fromUtf8(APP_2)), 256));
    }

    private static void warmJdk() throws GeneralSecurityException {
        Runnable lambda = () -> { };
        lambda.run();
        String text = List.of(1, 2).stream().map(i -> "n" + i + lambda.hashCode()).reduce("", String::concat);
        Pattern.compile("[a-z]+").matcher(text).find();
        Logger.getLogger(ValidationBenchmark.class.getName()).fine(text);
        Instant.parse("2026-01-01T00:00:00Z");
        Mac.getInstance("HmacSHA256");
        MessageDigest.getInstance("SHA-256");
        new SecureRandom().nextInt();
        try {
            InetAddress.getLocalHost();
        } catch (UnknownHostException e) {
            // Servers without a resolvable host name still start; so does the check.
        }
    }

    @Benchmark
    public Deployment validate() {
        return Deployments.start("/shop", config, appSecrets, NOW);
    }
}
