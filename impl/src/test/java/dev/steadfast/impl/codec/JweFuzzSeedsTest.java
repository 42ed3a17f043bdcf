package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;

/**
 * The committed seeds of the encrypted format's fuzz target are what {@link JweFuzzSeeds} generates, and each is
 * what its name says: a valid session, or one rejection each, every reason the format can give covered.
 */
class JweFuzzSeedsTest {

    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final JweSessionCodec CODEC = JweFuzzSeeds.codec();

    @Test
    void seeds_areCommittedAndEachIsWhatItsNameSays() throws IOException {
        Path dir = FuzzSeeds.inputs(RESOURCES, EncryptedCookieFuzzTest.class, "encryptedCookie");
        Set<String> outcomes = new TreeSet<>();
        for (Map.Entry<String, byte[]> seed : JweFuzzSeeds.seeds().entrySet()) {
            Path file = dir.resolve(seed.getKey());
            assertThat(file).as("seed file; regenerate with JweFuzzSeeds.main").isRegularFile();
            assertThat(Files.readAllBytes(file)).as(seed.getKey()).isEqualTo(seed.getValue());
            String expected = seed.getKey().substring(0, seed.getKey().indexOf('-'));
            outcomes.add(expected);
            DecodeResult result = CODEC.decodeUnguarded(cookieOf(seed.getValue()));
            if (expected.equals("VALID")) {
                assertThat(result).as(seed.getKey()).isInstanceOf(DecodeResult.Valid.class);
            } else {
                assertThat(result).as(seed.getKey()).isEqualTo(new DecodeResult.Rejected(Rejection.valueOf(expected)));
            }
            // And the target itself holds on every seed.
            new EncryptedCookieFuzzTest().encryptedCookie(seed.getValue());
        }
        assertThat(outcomes).as("one seed per rejection kind, and valid ones")
                .containsAll(Arrays.stream(Rejection.values()).map(Enum::name).toList()).contains("VALID");
    }

    /** The cookie the target builds from an input, as its mode says. */
    private static String cookieOf(byte[] input) {
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        switch (input[0]) {
            case JweFuzzSeeds.MODE_COOKIE:
                return new String(data, StandardCharsets.ISO_8859_1);
            case JweFuzzSeeds.MODE_HEADER:
                return JweFuzzSeeds.seal(data, JweFuzzSeeds.CLAIMS.getBytes(StandardCharsets.UTF_8), Fixtures.K1,
                        "header");
            case JweFuzzSeeds.MODE_CLAIMS:
                return JweFuzzSeeds.seal(JweFuzzSeeds.HEADER_K1.getBytes(StandardCharsets.UTF_8), data, Fixtures.K1,
                        "claims");
            default:
                String[] s = JweFuzzSeeds.VALID_K1.split("\\.", -1);
                s[JweFuzzSeeds.segmentIndex(data[0])] = Fixtures.b64(Arrays.copyOfRange(data, 1, data.length));
                return String.join(".", s);
        }
    }
}
