package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import dev.steadfast.Mode;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.impl.session.LateChanges;
import dev.steadfast.impl.session.RequestSessionState;
import dev.steadfast.impl.session.UnstorableAttributes;

/**
 * The committed seed corpus is what {@link FuzzSeeds} generates, and each seed is what its name says: a valid
 * session, or one rejection kind each, every kind covered.
 */
class FuzzSeedsTest {

    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final JwsSessionCodec CODEC = FuzzSeeds.codec();

    @Test
    void cookieHeaderSeeds_areCommittedAndEachIsWhatItsNameSays() throws IOException {
        Path dir = FuzzSeeds.inputs(RESOURCES, CookieHeaderFuzzTest.class, "cookieHeader");
        assertCommitted(dir, FuzzSeeds.cookieHeaders());
        Set<String> outcomes = new TreeSet<>();
        for (Map.Entry<String, String> seed : FuzzSeeds.cookieHeaders().entrySet()) {
            String expected = seed.getKey().substring(0, seed.getKey().indexOf('-'));
            outcomes.add(expected);
            Cookie[] cookies = CookieHeaderFuzzTest.parse(seed.getValue().getBytes(StandardCharsets.ISO_8859_1));
            boolean verified = new RequestSessionState(runtime(), new LateChanges(Fixtures.AUDIENCE, Mode.PRODUCTION),
                    new UnstorableAttributes(Fixtures.AUDIENCE),
                    List.of(seed.getValue())).verified();
            if (expected.equals("VALID")) {
                assertThat(verified).as(seed.getKey()).isTrue();
            } else {
                assertThat(verified).as(seed.getKey()).isFalse();
                assertThat(cookies).as(seed.getKey()).hasSize(1);
                assertThat(CODEC.decodeUnguarded(cookies[0].getValue())).as(seed.getKey())
                        .isEqualTo(new DecodeResult.Rejected(Rejection.valueOf(expected)));
            }
        }
        assertThat(outcomes).as("one seed per rejection kind, and valid ones")
                .containsAll(Arrays.stream(Rejection.values()).map(Enum::name).toList()).contains("VALID");
    }

    @Test
    void payloadSeeds_areCommittedAndEachIsWhatItsNameSays() throws IOException {
        Path dir = FuzzSeeds.inputs(RESOURCES, SignedClaimsFuzzTest.class, "signedClaims");
        assertCommitted(dir, FuzzSeeds.payloads());
        for (Map.Entry<String, String> seed : FuzzSeeds.payloads().entrySet()) {
            String expected = seed.getKey().substring(0, seed.getKey().indexOf('-'));
            String token = Fixtures.forge(Fixtures.fromB64(FuzzSeeds.headerSegment()), seed.getValue(),
                    Fixtures.K1);
            DecodeResult result = CODEC.decodeUnguarded(token);
            if (expected.equals("VALID")) {
                assertThat(result).as(seed.getKey()).isInstanceOf(DecodeResult.Valid.class);
            } else {
                assertThat(result).as(seed.getKey()).isEqualTo(new DecodeResult.Rejected(Rejection.valueOf(expected)));
            }
        }
    }

    private static dev.steadfast.impl.session.SessionRuntime runtime() {
        return CookieHeaderFuzzTest.RUNTIME;
    }

    private static void assertCommitted(Path dir, Map<String, String> seeds) throws IOException {
        List<String> missing = seeds.keySet().stream().filter(name -> !Files.isRegularFile(dir.resolve(name)))
                .collect(Collectors.toList());
        assertThat(missing).as("seed files missing under %s; regenerate with FuzzSeeds.main", dir).isEmpty();
        for (Map.Entry<String, String> seed : seeds.entrySet()) {
            assertThat(Files.readString(dir.resolve(seed.getKey()), StandardCharsets.UTF_8)).as(seed.getKey())
                    .isEqualTo(seed.getValue());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("files in %s (regression inputs from fuzzing are allowed beyond the seeds)",
                    dir).isGreaterThanOrEqualTo(seeds.size());
        }
    }
}
