package dev.steadfast.impl.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.steadfast.Mode;
import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.impl.config.Durations;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.impl.policy.PolicyWording;
import dev.steadfast.impl.boot.ConfigurationCheck;
import dev.steadfast.impl.boot.ValidationReport;
import dev.steadfast.impl.config.Modes;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.impl.session.SessionSettings;
import dev.steadfast.impl.session.SessionBudget;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.policy.Finding;
import dev.steadfast.testsupport.Secrets;

/**
 * Fuzz target (d): the configuration parsers. The input is a properties file ({@link Properties#load}); the target
 * runs what deployment runs on it: mode, durations ({@link Durations} on every value too), the key ring
 * ({@link KeyRingLoader}), {@code steadfast.validate}, the secret policy, and the session settings. Invariants:
 * <ul>
 *   <li>nothing throws: every problem is a finding;</li>
 *   <li>no finding shows a secret value (of {@code steadfast.key.*.secret}, of a secret file, or of a property named
 *       in {@code steadfast.validate}): a message may contain a secret's text only where a run with different
 *       secrets produces it too;</li>
 *   <li>a configuration production accepts works: its codec encodes a session and decodes it back.</li>
 * </ul>
 * {@code secret-file} paths are confined to a sandbox: the names {@code good}, {@code empty}, {@code dir},
 * {@code dangling}, {@code binary} and {@code huge} are prepared files, any other value a missing one.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/steadfast/impl/keys/KeyRingConfigFuzzTestInputs/keyRingConfig/}.
 */
class KeyRingConfigFuzzTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final String GOOD_FILE_SECRET = Secrets.register("Vq3xN8rT1kLm6pZs0aYd5GhJ2wEc9bFu4iOo7tRe3Ux");
    private static final Path SANDBOX = sandbox();
    private static final Set<String> FILES = Set.of("good", "empty", "dir", "dangling", "binary", "huge");
    private static final ConfigurationCheck CHECK = new ConfigurationCheck(new DefaultSecretPolicy());

    @FuzzTest(maxDuration = "3h", maxExecutions = 10_000_000)
    @DictionaryEntries({"steadfast.keys=", "steadfast.key.", ".secret=", ".secret-file=", ".algorithm=", ".created-at=",
            ".retire-at=", "steadfast.mode=", "production", "development", "steadfast.validate=",
            "steadfast.session.absolute-timeout=", "steadfast.session.idle-timeout=", "steadfast.session.clock-leeway=",
            "steadfast.session.renew-after=", "steadfast.session.max-size=", "steadfast.key.rotation-period=",
            "steadfast.session.cookie.same-site=", "steadfast.session.cookie.secure=", "HS256", "HS384", "HS512",
            "2030-01-01T00:00:00Z", "PT", "12h", "30s", "7d", "ms", "good", "dangling"})
    void keyRingConfig(byte[] input) {
        Map<String, String> config = properties(new String(input, StandardCharsets.UTF_8));
        for (String value : config.values()) {
            try {
                Duration d = Durations.parse(value);
                assertThat(Durations.format(d)).isNotEmpty();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).startsWith("not a duration;");
            }
        }

        Map<String, String> secrets = secrets(config);
        Run run = run(config);
        if (!secrets.isEmpty()) {
            String text = run.text();
            // Property names and non-secret values are printed by design: a "secret" such as k1 that is also part
            // of a property name (steadfast.key.k1.secret) is that name (regression input crash-secret-equals-key-id).
            String printable = config.entrySet().stream()
                    .map(e -> e.getKey() + "\n" + (secrets.containsKey(e.getKey()) ? "" : e.getValue()))
                    .collect(Collectors.joining("\n"));
            // Below 4 characters a "secret" (the policy refuses it anyway) is indistinguishable from wording such as
            // the H of HS256 (regression input crash-one-character-secret).
            List<String> shown = secrets.values().stream().filter(s -> s.length() >= 4 && text.contains(s)
                    && !PolicyWording.contains(s) && !printable.contains(s)).toList();
            if (!shown.isEmpty()) {
                Map<String, String> replaced = new LinkedHashMap<>(config);
                secrets.forEach((name, value) -> replaced.put(name, different(value)));
                String otherText = run(replaced).text();
                for (String s : shown) {
                    assertThat(otherText).as("a secret's text in a finding must come from the wording or another "
                            + "property, not from the secret").contains(s);
                }
            }
        }

        if (config.values().stream().noneMatch(v -> v.contains(GOOD_FILE_SECRET))) {
            assertThat(run.text()).as("a secret file's content in a finding").doesNotContain(GOOD_FILE_SECRET);
        }

        if (run.report.mode() == Mode.PRODUCTION && run.findings.isEmpty()) {
            KeyRing ring = run.report.keys().keyRing().orElseThrow(
                    () -> new AssertionError("production accepted a configuration without a key ring"));
            JwsSessionCodec codec = new JwsSessionCodec(ring, run.settings.codecOptions());
            Instant issued = run.settings.codecOptions().clock().instant();
            String cookie = codec.encode(SessionData.builder().id("sid-0123456789abcdef")
                    .creationTime(issued).lastAccessedTime(issued)
                    .maxInactiveInterval(run.settings.idleTimeout()).build());
            assertThat(codec.decode(cookie)).as("an accepted configuration must round-trip an empty session")
                    .isInstanceOf(DecodeResult.Valid.class);
        }
    }

    private record Run(ValidationReport report, SessionSettings settings, List<Finding> findings) {
        String text() {
            return findings.stream().map(Finding::message).collect(Collectors.joining("\n")) + "\n"
                    + (findings.isEmpty() ? "" : new SteadfastConfigurationException(findings).getMessage());
        }
    }

    private static Run run(Map<String, String> config) {
        PropertyLookup lookup = PropertyLookup.of(config, "from fuzz, ordinal 100");
        // Bootstrap's order, without building a codec for every input.
        PropertyReader reader = new PropertyReader(lookup);
        Mode mode = Modes.resolve(reader);
        SessionSettings settings = SessionSettings.resolve(reader, mode, "/orders", "/orders", 30, null);
        ValidationReport report = CHECK.run(reader, mode, "/orders", List.of(), NOW);
        List<Finding> all = new ArrayList<>(report.findings());
        // What Bootstrap adds once the keys are known. Building a codec looks up the JSON-P provider, which
        // is slow; at max-size 1000 or more even an HS512 session under a 32-character key id fits (about 360
        // characters), so the check only matters below that.
        if (settings.maxSize() < 1000) {
            report.keys().keyRing().flatMap(ring -> SessionBudget.check(new JwsSessionCodec(ring,
                    settings.codecOptions()), ring, settings, lookup, NOW)).ifPresent(all::add);
        }
        return new Run(report, settings, all);
    }

    /** @return the properties, with secret-file paths confined to the sandbox */
    static Map<String, String> properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            // Malformed \\uXXXX escapes: not a properties file; the loader never sees it.
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            String value = p.getProperty(name);
            if (name.endsWith(".secret-file")) {
                value = SANDBOX.resolve(FILES.contains(value) ? value : "missing").toString();
            }
            out.put(name, value);
        }
        return out;
    }

    /** @return the secret values the configuration holds, by property (files by their path property) */
    static Map<String, String> secrets(Map<String, String> config) {
        Map<String, String> out = new LinkedHashMap<>();
        config.forEach((name, value) -> {
            if (name.startsWith("steadfast.key.") && name.endsWith(".secret")) {
                out.put(name, value);
            }
        });
        String validate = config.get("steadfast.validate");
        if (validate != null) {
            for (String part : validate.split(",")) {
                String name = part.trim();
                // Steadfast's own non-secret properties echo their (bad) values by design; a user who lists one as
                // a secret has misnamed it.
                boolean steadfastSetting = name.startsWith("steadfast.") && !name.endsWith(".secret");
                if (config.containsKey(name) && !steadfastSetting) {
                    out.put(name, config.get(name));
                }
            }
        }
        return out;
    }

    private static String different(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = (char) ('!' + (i * 7 + 3) % 90);
            b.append(c == value.charAt(i) ? (char) (c == '~' ? '!' : c + 1) : c);
        }
        return b.toString();
    }

    private static Path sandbox() {
        try {
            Path dir = Files.createTempDirectory("steadfast-fuzz-secrets");
            Files.writeString(dir.resolve("good"), GOOD_FILE_SECRET + "\n");
            Files.writeString(dir.resolve("empty"), "  \n");
            Files.createDirectories(dir.resolve("dir"));
            Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
            Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x41});
            Files.write(dir.resolve("huge"), new byte[SecretFiles.MAX_BYTES + 10]);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
