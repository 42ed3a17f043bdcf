package dev.steadfast.impl.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.keys.DevelopmentKey;
import dev.steadfast.impl.support.LogCapture;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    // Unique per test class so a leak is attributable; 43 base64url characters like keygen's output.
    private static final String GOOD = "dv7Q2mXb9KpL4sWn8RtY3cZf6HjA1uEo5gVi0NqBxTk";
    private static final String GOOD_2 = "Yh3Lq8WmZ2xN7pRt5KvB1cJd9FsG4uAe6oXi0TnQyMw";

    @TempDir
    Path tmp;

    private static PropertyLookup config(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return PropertyLookup.of(m, "from test, ordinal 100");
    }

    @Test
    void production_validKeysDeployAndLogOneReadyLine() {
        try (LogCapture log = LogCapture.steadfast()) {
            Deployment d = Deployments.start("/shop", config("steadfast.keys", "2026-11,2026-05",
                    "steadfast.key.2026-11.secret", GOOD, "steadfast.key.2026-05.secret", GOOD_2,
                    "steadfast.key.2026-11.created-at", "2026-11-01T00:00:00Z"), List.of(), NOW);

            assertThat(d.mode()).isEqualTo(Mode.PRODUCTION);
            assertThat(d.keys().primary().id()).isEqualTo("2026-11");
            assertThat(log.messages(Level.INFO)).containsExactly("STEADFAST-2000: Steadfast ready for /shop in "
                    + "production mode; keys: 2026-11 (HS256, fingerprint " + d.keys().primary().fingerprint()
                    + ", 21 days old, signs), 2026-05 (HS256, fingerprint " + d.keys().keys().get(1).fingerprint()
                    + ", verifies)");
            assertThat(log.messages(Level.WARNING)).isEmpty();
            assertThat(log.text()).doesNotContain(GOOD, GOOD_2);
        }
    }

    @Test
    void production_refusesWithEveryFindingAndLogsThemWithoutValues() {
        try (LogCapture log = LogCapture.steadfast()) {
            SecretCandidate appSecret = new SecretCandidate("jwt.secret", "from test, ordinal 100",
                    Optional.of(SecretBytes.fromUtf8(GOOD)), 256);

            assertThatThrownBy(() -> Deployments.start("/shop", config("steadfast.keys", "k1,k2",
                    "steadfast.key.k1.secret", GOOD, "steadfast.key.k2.secret", "changeme"), List.of(appSecret), NOW))
                    .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> {
                        assertThat(e.findings()).extracting(Finding::rule)
                                .containsExactly(Rule.PLACEHOLDER, Rule.REUSED);
                        assertThat(e.getMessage()).startsWith("Steadfast refused the configuration (2 problems):")
                                .contains("STEADFAST-1103: steadfast.key.k2.secret (from test, ordinal 100)")
                                .contains("STEADFAST-1107: jwt.secret (from test, ordinal 100)")
                                .doesNotContain(GOOD, "changeme");
                    });
            assertThat(log.messages(Level.SEVERE)).singleElement().asString()
                    .startsWith("Deployment of /shop refused. Steadfast refused the configuration (2 problems):")
                    .contains("steadfast.key.k2.secret").doesNotContain(GOOD);
        }
    }

    @Test
    void production_refusesMissingKeys() {
        assertThatThrownBy(() -> Deployments.start("/", config(), List.of(), NOW))
                .isInstanceOf(SteadfastConfigurationException.class)
                .hasMessageContaining("STEADFAST-1001: steadfast.keys (not set) lists no key");
    }

    @Test
    void development_generatesPersistsAndReusesTheDevelopmentKey() throws Exception {
        Path keyFile = tmp.resolve("nested/dir/app.key");
        PropertyLookup dev = config("steadfast.mode", "development", "steadfast.dev.key-file", keyFile.toString());

        try (LogCapture log = LogCapture.steadfast()) {
            Deployment first = Deployments.start("/app", dev, List.of(), NOW);
            Deployment second = Deployments.start("/app", dev, List.of(), NOW);

            assertThat(first.mode()).isEqualTo(Mode.DEVELOPMENT);
            assertThat(first.keys().primary().id()).isEqualTo("dev");
            assertThat(second.keys().primary().secret()).isEqualTo(first.keys().primary().secret());
            String stored = Files.readString(keyFile).strip();
            assertThat(stored).startsWith("sfdev-");
            assertThat(first.keys().primary().secret()).isEqualTo(SecretBytes.fromUtf8(stored));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                    .isEqualTo("rwx------");
            assertThat(log.messages(Level.WARNING)).hasSize(2).allSatisfy(m -> assertThat(m).startsWith(
                    "STEADFAST-2001: /app runs in development mode and signs sessions with the development key "
                            + "stored at " + keyFile));
            assertThat(log.text()).doesNotContain(stored);
        }
    }

    @Test
    void development_keyIsRefusedInProduction() {
        Path keyFile = tmp.resolve("app.key");
        Deployments.start("/app", config("steadfast.mode", "development", "steadfast.dev.key-file",
                keyFile.toString()), List.of(), NOW);
        String devKey = DevelopmentKey.loadOrCreate(keyFile);

        assertThatThrownBy(() -> Deployments.start("/app", config("steadfast.keys", "k",
                "steadfast.key.k.secret", devKey), List.of(), NOW))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> assertThat(e.findings())
                        .extracting(Finding::rule).containsExactly(Rule.DEVELOPMENT_KEY));
    }

    @Test
    void development_findingsAreWarningsInOneReport() {
        try (LogCapture log = LogCapture.steadfast()) {
            Deployment d = Deployments.start("/app", config("steadfast.mode", "development",
                    "steadfast.keys", "k", "steadfast.key.k.secret", "changeme-changeme-changeme"), List.of(), NOW);

            assertThat(d.keys().primary().id()).isEqualTo("k");
            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .startsWith("STEADFAST-2004: /app runs in development mode; production would refuse it "
                            + "(1 problem):")
                    .contains("STEADFAST-1103: steadfast.key.k.secret (from test, ordinal 100)")
                    .doesNotContain("changeme-changeme-changeme");
        }
    }

    @Test
    void production_warnsAboutOldSigningKeyAndRetiredVerifier() {
        try (LogCapture log = LogCapture.steadfast()) {
            Deployments.start("/", config("steadfast.keys", "new,old",
                    "steadfast.key.new.secret", GOOD, "steadfast.key.old.secret", GOOD_2,
                    "steadfast.key.new.created-at", "2026-01-01T00:00:00Z",
                    "steadfast.key.old.retire-at", "2026-11-01T00:00:00Z"), List.of(), NOW);

            assertThat(log.messages(Level.WARNING)).containsExactly(
                    "STEADFAST-2002: the signing key 'new' is 325 days old (steadfast.key.new.created-at="
                            + "2026-01-01T00:00:00Z), older than steadfast.key.rotation-period (180d). Rotate it: "
                            + "`java -jar steadfast-impl-cli.jar rotate` (docs/rotation.md).",
                    "STEADFAST-2003: key 'old' retired at 2026-11-01T00:00:00Z and no longer verifies; remove it "
                            + "from steadfast.keys.");
        }
    }

    @Test
    void shouldWarnInProductionOnly_whenASecretFileIsReadableByOthers() throws Exception {
        Path file = Files.writeString(tmp.resolve("k1"), GOOD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        PropertyLookup production = config("steadfast.keys", "k1", "steadfast.key.k1.secret-file", file.toString());
        PropertyLookup development = config("steadfast.mode", "development", "steadfast.keys", "k1",
                "steadfast.key.k1.secret-file", file.toString());

        try (LogCapture log = LogCapture.steadfast()) {
            Deployments.start("/shop", production, List.of(), NOW);

            assertThat(log.messages(Level.WARNING)).containsExactly("STEADFAST-2012: steadfast.key.k1.secret-file "
                    + "(from test, ordinal 100) names a file readable by its group (rw-r-----) (path: " + file
                    + "). Fix: make the file readable by the application's user only (chmod 400, or defaultMode: "
                    + "0400 for a Kubernetes secret volume) and mount it where it is configured, not through a link "
                    + "to elsewhere");
        }
        try (LogCapture log = LogCapture.steadfast()) {
            Deployments.start("/shop", development, List.of(), NOW);

            assertThat(log.messages(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void shouldJudgeStrippedValues_whenSteadfastValidateNamesASecretWithATrailingNewline() {
        assertThatThrownBy(() -> Deployments.start("/shop", config("steadfast.keys", "k1",
                "steadfast.key.k1.secret", GOOD, "steadfast.validate", "jwt.secret", "jwt.secret", GOOD + "\n"),
                List.of(), NOW))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> assertThat(e.findings())
                        .extracting(Finding::rule).containsExactly(Rule.REUSED));
    }

    @Test
    void shouldDescribeUnsetNames_whenSteadfastValidateMayHoldASecret() {
        String pasted = "jwt.secret,Yh3Lq8WmZ2xN7pRt5KvB1c-Jd9FsG4uAe6oXi0TnQyMw";

        assertThatThrownBy(() -> Deployments.start("/shop", config("steadfast.keys", "k1",
                "steadfast.key.k1.secret", GOOD, "steadfast.validate", pasted), List.of(), NOW))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> assertThat(e.findings())
                        .extracting(Finding::message).containsExactly("STEADFAST-1108: steadfast.validate (from "
                                + "test, ordinal 100) names 2 properties that are not set, not shown as at least one "
                                + "may be a secret: a value of 10 characters (lower-case letters and '.') and a value of "
                                + "44 characters (upper- and lower-case letters, digits and '-'). Fix: list the names "
                                + "of the properties that hold secrets in steadfast.validate, and set them; if that "
                                + "value is a secret, generate a new one and replace it everywhere: it was put in a "
                                + "property that is not secret, so it may have been exposed"));
    }

    @Test
    void devKeyStore_defaultPathIsPerApplicationUnderHome() {
        String home = System.getProperty("user.home");
        assertThat(DevelopmentKey.defaultPath("/shop")).isEqualTo(Path.of(home, ".steadfast", "dev", "shop.key"));
        assertThat(DevelopmentKey.defaultPath("/")).isEqualTo(Path.of(home, ".steadfast", "dev", "root.key"));
        assertThat(DevelopmentKey.defaultPath("/a/../b")).isEqualTo(Path.of(home, ".steadfast", "dev", "a_.._b.key"));
    }
}
