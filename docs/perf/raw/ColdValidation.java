import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.impl.validation.DeploymentValidator;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.SecretCandidate;
import java.time.Instant;
import java.util.*;
import java.util.logging.*;
public class ColdValidation {
    public static void main(String[] a) {
        boolean warmJdk = a.length > 0;
        if (warmJdk) { // what an application server has already done before any deployment
            Runnable r = () -> {}; r.run();
            String s = "x" + a.length + r; 
            List.of(1,2).stream().map(x -> x + 1).toList();
            java.util.regex.Pattern.compile("[a-z]+").matcher(s).find();
            Logger.getLogger("x").info("warm");
            Instant.parse("2026-11-22T00:00:00Z"); java.time.Duration.parse("PT1M");
            try { java.net.InetAddress.getLocalHost(); } catch (Exception e) {}
        }
        Logger.getLogger("dev.steadfast").setLevel(Level.WARNING);
        java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
        if (warmJdk) { try { javax.crypto.Mac.getInstance("HmacSHA256"); java.security.MessageDigest.getInstance("SHA-256"); new java.security.SecureRandom().nextInt(); } catch (Exception e) { throw new RuntimeException(e); } }
        long c0 = tm.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        PropertyLookup config = PropertyLookup.of(Map.of(
                "steadfast.mode", "production",
                "steadfast.keys", "2026-11,2026-05",
                "steadfast.key.2026-11.secret", "ALq-ont3aVKUv3WNFgna2pot3K-Y5mhrpfxz4FoQG0M",
                "steadfast.key.2026-11.created-at", "2026-11-01T00:00:00Z",
                "steadfast.key.2026-05.secret", "NsF203d2VXo0UcGp3fsnDMDpMPnB1v4OOXnRYBe-bXM",
                "steadfast.key.2026-05.created-at", "2026-05-01T00:00:00Z"), "microprofile-config.properties");
        List<SecretCandidate> app = List.of(
                new SecretCandidate("jwt.secret", "env JWT_SECRET", Optional.of(SecretBytes.fromUtf8("oY-sIOr4VZw6m6XpChqQTCBziyQLrA5L4ymFlLrQJas")), 256),
                new SecretCandidate("csrf.secret", "env CSRF_SECRET", Optional.of(SecretBytes.fromUtf8("QnKKKl60qJ9PUsoSTO60NWpMm-BWBM9BKTjE-fMQeiU")), 256));
        long t1 = System.nanoTime(); long c1 = tm.getCurrentThreadCpuTime();
        DefaultSecretPolicy p = new DefaultSecretPolicy();
        long t2 = System.nanoTime(); long c2 = tm.getCurrentThreadCpuTime();
        DeploymentValidator v = new DeploymentValidator(p);
        Object d = v.validate("/shop", config, app, List.of(), Instant.parse("2026-11-22T00:00:00Z"));
        long t3 = System.nanoTime(); long c3 = tm.getCurrentThreadCpuTime();
        Object d2 = new DeploymentValidator(new DefaultSecretPolicy()).validate("/shop", config, app, List.of(), Instant.parse("2026-11-22T00:00:00Z"));
        long t4 = System.nanoTime();
        System.out.printf("cpuConfig=%.1f cpuPolicy=%.1f cpuValidate=%.1f cpu=%.1f warmJdk=%s config=%.1f policy=%.1f validate=%.1f total=%.1f second=%.2f ms%n", (c1-c0)/1e6, (c2-c1)/1e6, (c3-c2)/1e6, (c3-c0)/1e6, warmJdk,
            (t1-t0)/1e6, (t2-t1)/1e6, (t3-t2)/1e6, (t3-t0)/1e6, (t4-t3)/1e6);
    }
}
