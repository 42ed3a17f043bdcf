package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.impl.support.LogCapture;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

import jakarta.servlet.http.HttpSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.catalina.LifecycleState;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults at deployment and at runtime, each on a real embedded Tomcat: a secret file that is missing, unreadable
 * (as root, only tricks fail: a directory, a dangling symlink, a path through a regular file), empty, or changed
 * between restarts; clock skew within and beyond {@code steadfast.session.clock-leeway}; a config source that
 * throws. Each gives a clear message that names the property and never the secret, and never a half-working
 * deployment: the context either starts and keeps sessions, or does not take traffic at all.
 */
class FaultsTest {

    private static final String COUNT = "/count";

    @TempDir
    Path tmp;

    private static SteadfastTomcat.Builder counting() {
        return SteadfastTomcat.builder().servlet(COUNT, (req, res) -> {
            HttpSession session = req.getSession();
            Integer n = (Integer) session.getAttribute("n");
            session.setAttribute("n", n == null ? 1 : n + 1);
            res.getWriter().print("n=" + session.getAttribute("n"));
        });
    }

    /** Production with one key k1 read from a file. */
    private static SteadfastTomcat.Builder fromFile(Path file) {
        return counting().property("steadfast.keys", "k1").property("steadfast.key.k2.secret", null)
                .property("steadfast.key.k1.secret", null).property("steadfast.key.k1.secret-file", file.toString());
    }

    private static void assertRefused(SteadfastTomcat.Builder builder, String... expected) throws Exception {
        try (LogCapture log = LogCapture.steadfast(); SteadfastTomcat app = builder.build()) {
            app.start();
            assertThat(app.contextState()).as("refused: never takes traffic")
                    .isIn(LifecycleState.FAILED, LifecycleState.STOPPED);
            assertThat(app.get(COUNT).status()).isEqualTo(404);
            assertThat(log.text()).contains("Deployment of /app refused").contains(expected);
        }
    }

    @Test
    void secretFileMissing_refusesNamingTheProperty() throws Exception {
        assertRefused(fromFile(tmp.resolve("no-such-file")), "STEADFAST-1006: steadfast.key.k1.secret-file",
                "names a file that does not exist (path: " + tmp.resolve("no-such-file") + ")");
    }

    @Test
    void secretFileIsADirectory_refused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("secret-dir"));
        assertRefused(fromFile(dir), "STEADFAST-1006", "names a directory, not a file");
    }

    @Test
    void secretFileIsADanglingSymlink_refused() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("secret-link"), tmp.resolve("gone"));
        assertRefused(fromFile(link), "STEADFAST-1006", "names a file that does not exist");
    }

    @Test
    void secretFileBehindARegularFile_unreadableEvenForRoot_refused() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertRefused(fromFile(file.resolve("secret")), "STEADFAST-1006", "names a file that cannot be read");
    }

    @Test
    void secretFileEmpty_refused() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty"), " \n");
        assertRefused(fromFile(empty), "STEADFAST-1006", "names an empty file");
    }

    @Test
    void secretFileChangedBetweenRestarts_oldCookiesAreTamperedUnlessTheOldValueStaysAsASecondKey() throws Exception {
        String oldSecret = SteadfastTomcat.randomSecret();
        String newSecret = SteadfastTomcat.randomSecret();
        Path file = Files.writeString(tmp.resolve("k1.secret"), oldSecret + "\n");
        String cookie;
        try (SteadfastTomcat app = fromFile(file).build()) {
            app.start();
            SteadfastTomcat.Reply one = app.get(COUNT);
            assertThat(one.body()).isEqualTo("n=1");
            SteadfastTomcat.Reply two = app.get(COUNT, one.sessionCookie());
            assertThat(two.body()).isEqualTo("n=2");
            cookie = two.sessionCookie();
        }

        // Changed in place under the same key id: the new secret is the key, the old cookie no longer verifies.
        Files.writeString(file, newSecret + "\n");
        try (LogCapture log = LogCapture.steadfast(); SteadfastTomcat app = fromFile(file).build()) {
            app.start();
            assertThat(app.get(COUNT, cookie).body()).as("treated as no cookie").isEqualTo("n=1");
            assertThat(app.runtime().rejections().counts()).containsEntry(Rejection.BAD_SIGNATURE, 1L);
            assertThat(log.text()).contains("STEADFAST-3001").doesNotContain(oldSecret).doesNotContain(newSecret);
        }

        // Rotated properly: the new secret under a new id first, the old value kept under the old id second.
        Path newFile = Files.writeString(tmp.resolve("k2.secret"), newSecret + "\n");
        try (SteadfastTomcat app = counting().property("steadfast.keys", "k2,k1")
                .property("steadfast.key.k2.secret", null).property("steadfast.key.k2.secret-file", newFile.toString())
                .property("steadfast.key.k1.secret", oldSecret).build()) {
            app.start();
            SteadfastTomcat.Reply three = app.get(COUNT, cookie);
            assertThat(three.body()).as("the old cookie still verifies").isEqualTo("n=3");
            assertThat(SteadfastTomcat.kid(three.sessionValue())).as("re-signed with the new key").isEqualTo("k2");
        }
    }

    @Test
    void clockSkew_withinTheLeewayIsAccepted_beyondItIsNoSession() throws Exception {
        assertSkew(null, Duration.ofSeconds(20), true);
        assertSkew(null, Duration.ofSeconds(45), false);
        assertSkew("2m", Duration.ofSeconds(100), true);
        assertSkew("2m", Duration.ofSeconds(150), false);
        assertSkew("0s", Duration.ofSeconds(5), null);
    }

    /**
     * A cookie issued by an instance whose clock runs {@code skew} ahead, and one whose session expired
     * {@code skew} ago by our clock.
     *
     * @param accepted whether both are accepted; null when the leeway setting itself is refused
     */
    private static void assertSkew(String leeway, Duration skew, Boolean accepted) throws Exception {
        SteadfastTomcat.Builder builder = counting();
        if (leeway != null) {
            builder.property("steadfast.session.clock-leeway", leeway);
        }
        try (LogCapture log = LogCapture.steadfast(); SteadfastTomcat app = builder.build()) {
            app.start();
            if (accepted == null) {
                assertThat(app.contextState()).isIn(LifecycleState.FAILED, LifecycleState.STOPPED);
                assertThat(log.text()).contains("steadfast.session.clock-leeway");
                return;
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            KeyRing ring = KeyRing.of(app.key("k1"));
            Clock ahead = Clock.fixed(now.plus(skew), ZoneOffset.UTC);
            JwsSessionCodec aheadCodec = new JwsSessionCodec(ring, CodecOptions.builder(SteadfastTomcat.CONTEXT_PATH)
                    .clock(ahead).build());
            String fromTheFuture = SteadfastTomcat.COOKIE + "=" + aheadCodec.encode(SessionData.builder().id("skew-a")
                    .creationTime(now.plus(skew)).maxInactiveInterval(Duration.ofMinutes(30))
                    .attribute("n", 41).build());
            Instant issued = now.minus(Duration.ofMinutes(30)).minus(skew);
            JwsSessionCodec pastCodec = new JwsSessionCodec(ring, CodecOptions.builder(SteadfastTomcat.CONTEXT_PATH)
                    .clock(Clock.fixed(issued, ZoneOffset.UTC)).build());
            String justExpired = SteadfastTomcat.COOKIE + "=" + pastCodec.encode(SessionData.builder().id("skew-b")
                    .creationTime(issued).maxInactiveInterval(Duration.ofMinutes(30)).attribute("n", 41).build());
            String expected = accepted ? "n=42" : "n=1";
            assertThat(app.get(COUNT, fromTheFuture).body()).as("issued %s ahead, leeway %s", skew, leeway)
                    .isEqualTo(expected);
            assertThat(app.get(COUNT, justExpired).body()).as("expired %s ago, leeway %s", skew, leeway)
                    .isEqualTo(expected);
        }
    }

    /** A MicroProfile config source whose every lookup of a Steadfast property throws, quoting a "secret". */
    private static final class ThrowingSource implements ConfigSource {
        private final String quoted;

        ThrowingSource(String quoted) {
            this.quoted = quoted;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String name) {
            if (name.startsWith("steadfast.")) {
                throw new IllegalStateException("vault unreachable while reading " + name + ", last value " + quoted);
            }
            return null;
        }

        @Override
        public int getOrdinal() {
            return 500;
        }

        @Override
        public String getName() {
            return "ThrowingVaultSource";
        }
    }

    @Test
    void configSourceThatThrows_refusesWithASteadfastMessage_withoutTheSourcesText() throws Exception {
        String quoted = Secrets.register(SteadfastTomcat.randomSecret() + "-quoted");
        Consumer<String> noSecret = text -> assertThat(text).doesNotContain(quoted);
        try (LogCapture log = LogCapture.steadfast(); DeploymentRefusalTest.TomcatLog tomcat = new DeploymentRefusalTest.TomcatLog();
             SteadfastTomcat app = counting().configSource(new ThrowingSource(quoted)).build()) {
            app.start();
            assertThat(app.contextState()).isIn(LifecycleState.FAILED, LifecycleState.STOPPED);
            assertThat(app.get(COUNT).status()).isEqualTo(404);
            assertThat(tomcat.text()).contains("STEADFAST-2011: steadfast.")
                    .contains("a config source threw java.lang.IllegalStateException in "
                            + ThrowingSource.class.getName() + ".getValue")
                    .contains("Fix: repair or remove that config source");
            noSecret.accept(tomcat.text());
            noSecret.accept(log.text());
        }
    }
}
