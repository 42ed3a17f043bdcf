package dev.steadfast.impl.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final String SECRET_A = "loader-secret-a-Qm9vZ2llV29vZ2llQm9vZ2llV29vZ2ll";
    private static final String SECRET_B = "loader-secret-b-V29vZ2llQm9vZ2llV29vZ2llQm9vZ2ll";

    @TempDir
    Path tmp;

    private static LoadedKeys load(Map<String, String> props) {
        return KeyRingLoader.load(PropertyLookup.of(props, "from test, ordinal 100"), ABSOLUTE, NOW);
    }

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void load_firstListedKeySigns_allVerify() {
        LoadedKeys loaded = load(props("steadfast.keys", "2026-11, 2026-05",
                "steadfast.key.2026-11.secret", SECRET_A,
                "steadfast.key.2026-05.secret", SECRET_B,
                "steadfast.key.2026-05.algorithm", "hs512",
                "steadfast.key.2026-11.created-at", "2026-11-01T00:00:00Z"));

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.keyRing()).get().satisfies(ring -> {
            assertThat(ring.primary().id()).isEqualTo("2026-11");
            assertThat(ring.primary().secret()).isEqualTo(SecretBytes.fromUtf8(SECRET_A));
            assertThat(ring.primary().createdAt()).contains(Instant.parse("2026-11-01T00:00:00Z"));
            assertThat(ring.find("2026-05")).map(SigningKey::algorithm).contains(Algorithm.HS512);
        });
        assertThat(loaded.candidates()).extracting(c -> c.property() + "/" + c.requiredBits())
                .containsExactly("steadfast.key.2026-11.secret/256", "steadfast.key.2026-05.secret/512");
    }

    @Test
    void load_reportsNoKeys() {
        LoadedKeys loaded = load(props());

        assertThat(loaded.keyRing()).isEmpty();
        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1001: steadfast.keys (not set) lists no key, so there is no key to sign sessions with. "
                        + "Fix: generate one with `java -jar steadfast-impl-cli.jar keygen` and set the lines it "
                        + "prints (steadfast.keys and steadfast.key.<id>.secret, or STEADFAST_KEYS and "
                        + "STEADFAST_KEY_<ID>_SECRET)");
    }

    @Test
    void load_reportsEveryStructuralProblemAtOnce() {
        LoadedKeys loaded = load(props("steadfast.keys", "Bad_Id,k1,k1,k2,k3,k4",
                "steadfast.key.k1.secret", SECRET_A,
                "steadfast.key.k3.secret", SECRET_B,
                "steadfast.key.k3.secret-file", "/run/secrets/k3",
                "steadfast.key.k4.secret", "loader-secret-k4-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "steadfast.key.k4.algorithm", "HS999"));

        assertThat(loaded.findings()).extracting(Finding::rule).containsExactly(Rule.INVALID_KEY_ID,
                Rule.DUPLICATE_KEY_ID, Rule.MISSING_SECRET, Rule.SECRET_AND_FILE, Rule.INVALID_ALGORITHM);
        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1002: steadfast.keys (from test, ordinal 100) lists key id 'Bad_Id', which does not "
                        + "match [a-z0-9][a-z0-9-]{0,31}. Fix: use lower-case letters, digits and '-', at most 32 "
                        + "characters, e.g. 2026-11 (upper case is refused because environment variables cannot "
                        + "tell it apart)",
                "STEADFAST-1003: steadfast.keys (from test, ordinal 100) lists key id 'k1' more than once. "
                        + "Fix: list each key once",
                "STEADFAST-1004: steadfast.key.k2.secret (not set) is not set, and neither is "
                        + "steadfast.key.k2.secret-file, but key 'k2' is listed in steadfast.keys. Fix: generate a "
                        + "secret with `java -jar steadfast-impl-cli.jar keygen` and set steadfast.key.k2.secret, "
                        + "or remove 'k2' from steadfast.keys",
                "STEADFAST-1005: steadfast.key.k3.secret (from test, ordinal 100) is set and so is "
                        + "steadfast.key.k3.secret-file (from test, ordinal 100). Fix: set only one of them",
                "STEADFAST-1007: steadfast.key.k4.algorithm (from test, ordinal 100) is 'HS999', which is not "
                        + "HS256, HS384 or HS512. Fix: set HS256, HS384 or HS512, or remove the property to use "
                        + "HS256");
        assertThat(loaded.keys()).extracting(SigningKey::id).containsExactly("k1");
        assertThat(loaded.findings().toString()).doesNotContain(SECRET_A, SECRET_B);
    }

    @Test
    void load_neverEchoesASecretPastedIntoTheKeyList() {
        LoadedKeys loaded = load(props("steadfast.keys", SECRET_B.replace("-", "")));

        assertThat(loaded.keys()).isEmpty();
        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1002: steadfast.keys (from test, ordinal 100) lists a value of 45 characters (upper- and "
                        + "lower-case letters and digits) where a key id belongs, not shown as it may be a secret. "
                        + "Fix: list key names such as 2026-11 (lower-case letters, digits and '-', at most 32 "
                        + "characters) in steadfast.keys and put each secret in steadfast.key.<id>.secret; if that "
                        + "value is a secret, generate a new one and replace it everywhere: it was put in a property "
                        + "that is not secret, so it may have been exposed");
    }

    @Test
    void shouldDescribeEveryEntryAndLoadNoKey_whenAnEntryOfTheKeyListMayBeASecret() {
        // A base64url secret with '-' matched the old "no dash" heuristic's escape hatch; with a comma it splits.
        String pasted = "2026-11,Zm9v-YmFy_YmF6LXF1eC1xdXV4LWNvcmdl-Z3JhdWx0";
        LoadedKeys loaded = load(props("steadfast.keys", pasted, "steadfast.key.2026-11.secret", SECRET_A));

        assertThat(loaded.keys()).isEmpty();
        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1002: steadfast.keys (from test, ordinal 100) lists 2 entries where key ids belong, not "
                        + "shown as at least one may be a secret: a value of 7 characters (digits and '-') and a "
                        + "value of 43 characters (upper- and lower-case letters, digits, '-' and '_'). Fix: list "
                        + "key names such as 2026-11 (lower-case letters, digits and '-', at most 32 characters) in "
                        + "steadfast.keys and put each secret in steadfast.key.<id>.secret; if that value is a "
                        + "secret, generate a new one and replace it everywhere: it was put in a property that is "
                        + "not secret, so it may have been exposed");
    }

    @Test
    void shouldTreatUnbrokenHexAsASecret_whenItFitsTheKeyIdGrammar() {
        String hex = "9f86d081884c7d659a2feaa0c55ad015";

        LoadedKeys loaded = load(props("steadfast.keys", hex));

        assertThat(loaded.findings()).extracting(Finding::rule).containsExactly(Rule.INVALID_KEY_ID);
        assertThat(loaded.findings().toString()).doesNotContain(hex).contains("a value of 32 characters");
    }

    @Test
    void shouldShowDashedKeyIds_whenLongerThanAToken() {
        LoadedKeys loaded = load(props("steadfast.keys", "session-2026-q1"));

        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1004: steadfast.key.session-2026-q1.secret (not set) is not set, and neither is "
                        + "steadfast.key.session-2026-q1.secret-file, but key 'session-2026-q1' is listed in "
                        + "steadfast.keys. Fix: generate a secret with `java -jar steadfast-impl-cli.jar keygen` and "
                        + "set steadfast.key.session-2026-q1.secret, or remove 'session-2026-q1' from steadfast.keys");
    }

    @Test
    void load_neverEchoesASecretPastedAsSecretFile() {
        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret-file", SECRET_A));

        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1006: steadfast.key.k.secret-file (from test, ordinal 100) names a file that does not "
                        + "exist, and is a value of 48 characters (upper- and lower-case letters, digits and '-'), "
                        + "not shown: it is not shaped like a file path, so it may be the secret itself. Fix: set "
                        + "steadfast.key.k.secret-file to the file's absolute path, or put the secret in "
                        + "steadfast.key.k.secret; if that value is a secret, generate a new one and replace it "
                        + "everywhere: it was put in a property that is not secret, so it may have been exposed");
    }

    @Test
    void shouldNotShowAStandardBase64Secret_whenItStartsWithASlash() {
        String base64 = "/q3ZkT9vLmN0aWZ5c2VjcmV0/a2V5bWF0ZXJpYWxfMzJieXRlcw";

        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret-file", base64));

        assertThat(loaded.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.UNREADABLE_SECRET_FILE);
            assertThat(f.message()).doesNotContain(base64).contains("a value of 51 characters");
        });
    }

    @Test
    void shouldStripTheSecretProperty_likeASecretFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("key"), SECRET_A + "\n");

        LoadedKeys fromProperty = load(props("steadfast.keys", "k", "steadfast.key.k.secret", " " + SECRET_A + "\n"));
        LoadedKeys fromFile = load(props("steadfast.keys", "k", "steadfast.key.k.secret-file", file.toString()));

        assertThat(fromProperty.findings()).isEmpty();
        assertThat(fromProperty.keyRing().orElseThrow().primary().secret())
                .isEqualTo(fromFile.keyRing().orElseThrow().primary().secret())
                .isEqualTo(SecretBytes.fromUtf8(SECRET_A));
    }

    @Test
    void shouldReportMissingSecret_whenTheSecretPropertyIsOnlyWhiteSpace() {
        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret", " \n\t"));

        assertThat(loaded.keys()).isEmpty();
        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1004: steadfast.key.k.secret (from test, ordinal 100) is only white space, so key 'k' "
                        + "has no secret. Fix: generate a secret with `java -jar steadfast-impl-cli.jar keygen` and "
                        + "set steadfast.key.k.secret");
    }

    @Test
    void load_readsTrimmedSecretFile() throws IOException {
        Path file = tmp.resolve("key");
        Files.writeString(file, "  " + SECRET_A + "\n");

        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret-file", file.toString()));

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.keyRing().orElseThrow().primary().secret()).isEqualTo(SecretBytes.fromUtf8(SECRET_A));
        assertThat(loaded.candidates().get(0).property()).isEqualTo("steadfast.key.k.secret-file");
    }

    private static final String HYGIENE_FIX = ". Fix: make the file readable by the application's user only "
            + "(chmod 400, or defaultMode: 0400 for a Kubernetes secret volume) and mount it where it is configured, "
            + "not through a link to elsewhere";

    private Path ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void shouldWarn_whenASecretFileIsReadableByOthers() throws IOException {
        Path file = Files.writeString(tmp.resolve("key"), SECRET_A);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret-file", file.toString()));

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.keys()).hasSize(1);
        assertThat(loaded.warnings()).containsExactly("STEADFAST-2012: steadfast.key.k.secret-file (from test, "
                + "ordinal 100) names a file readable by group and others (rw-r--r--) (path: " + file + ")"
                + HYGIENE_FIX);
    }

    @Test
    void shouldNotWarn_whenASecretFileIsOwnerOnlyOrAKubernetesDataLink() throws IOException {
        Path plain = ownerOnly(Files.writeString(tmp.resolve("plain"), SECRET_A));
        // What the kubelet writes: key -> ..data/key, ..data -> ..2026_11_22_00_00_00.123456789, all in one directory.
        Path mount = Files.createDirectories(tmp.resolve("mount"));
        Path version = Files.createDirectories(mount.resolve("..2026_11_22_00_00_00.123456789"));
        ownerOnly(Files.writeString(version.resolve("key"), SECRET_B));
        Files.createSymbolicLink(mount.resolve("..data"), Path.of("..2026_11_22_00_00_00.123456789"));
        Files.createSymbolicLink(mount.resolve("key"), Path.of("..data/key"));

        LoadedKeys loaded = load(props("steadfast.keys", "a,b",
                "steadfast.key.a.secret-file", plain.toString(),
                "steadfast.key.b.secret-file", mount.resolve("key").toString()));

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.keys()).hasSize(2);
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void shouldWarn_whenASecretFileIsALinkOutOfItsDirectory() throws IOException {
        Path elsewhere = ownerOnly(Files.writeString(Files.createDirectories(tmp.resolve("home")).resolve("key"),
                SECRET_A));
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("secrets")).resolve("key"),
                elsewhere);

        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret-file", link.toString()));

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.warnings()).containsExactly("STEADFAST-2012: steadfast.key.k.secret-file (from test, "
                + "ordinal 100) names a link that leads out of its directory, to another file (path: " + link + ")"
                + HYGIENE_FIX);
    }

    @Test
    void load_reportsMissingEmptyAndDirectorySecretFiles() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty"), " \n");
        Path missing = tmp.resolve("missing");

        LoadedKeys loaded = load(props("steadfast.keys", "a,b,c",
                "steadfast.key.a.secret-file", missing.toString(),
                "steadfast.key.b.secret-file", empty.toString(),
                "steadfast.key.c.secret-file", tmp.toString()));

        assertThat(loaded.keys()).isEmpty();
        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1006: steadfast.key.a.secret-file (from test, ordinal 100) names a file that does not "
                        + "exist (path: " + missing + "). Fix: mount the secret at that path, or correct the path",
                "STEADFAST-1006: steadfast.key.b.secret-file (from test, ordinal 100) names an empty file (path: "
                        + empty + "). Fix: mount the secret at that path, or correct the path",
                "STEADFAST-1006: steadfast.key.c.secret-file (from test, ordinal 100) names a directory, not a "
                        + "file (path: " + tmp + "). Fix: mount the secret at that path, or correct the path");
    }

    @Test
    void load_refusesSigningKeyThatRetiresBeforeASessionCouldExpire() {
        LoadedKeys soon = load(props("steadfast.keys", "k", "steadfast.key.k.secret", SECRET_A,
                "steadfast.key.k.retire-at", "2026-11-22T06:00:00Z"));
        LoadedKeys past = load(props("steadfast.keys", "k", "steadfast.key.k.secret", SECRET_A,
                "steadfast.key.k.retire-at", "2026-11-21T00:00:00Z"));
        LoadedKeys later = load(props("steadfast.keys", "k", "steadfast.key.k.secret", SECRET_A,
                "steadfast.key.k.retire-at", "2026-11-23T00:00:00Z"));

        assertThat(soon.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1009: steadfast.key.k.retire-at (from test, ordinal 100) is 2026-11-22T06:00:00Z, sooner "
                        + "than a session signed now may live (absolute timeout 12h), yet 'k' is the signing key. "
                        + "Fix: sign with a key that retires later (first in steadfast.keys), or move retire-at "
                        + "back");
        assertThat(past.findings()).extracting(Finding::rule).containsExactly(Rule.SIGNING_KEY_RETIRED);
        assertThat(later.findings()).isEmpty();
    }

    @Test
    void load_badDateLosesTheDateNotTheKey() {
        LoadedKeys loaded = load(props("steadfast.keys", "k", "steadfast.key.k.secret", SECRET_A,
                "steadfast.key.k.created-at", "yesterday"));

        assertThat(loaded.findings()).extracting(Finding::message).containsExactly(
                "STEADFAST-1008: steadfast.key.k.created-at (from test, ordinal 100) is 'yesterday', which is not "
                        + "an ISO-8601 instant. Fix: write it like 2026-11-22T00:00:00Z");
        assertThat(loaded.keys()).hasSize(1);
    }
}
