package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.tck.support.MiniJson;

/**
 * Fuzz target (e): the encrypted format's decoder ({@link JweSessionCodec}), four ways, chosen by the input's first
 * byte ({@link JweFuzzSeeds}):
 * <ul>
 * <li>a whole cookie value: accepted only if it is one this test minted (anything else would be a forgery);
 * <li>a protected header, which the target seals over valid claims under k1, so it is authentic and only the header
 *     rules can refuse it: accepted only if the kit's own JSON reader sees exactly {@code alg} A256KW, {@code enc}
 *     A256GCM, {@code kid} k1 and {@code typ} steadfast-session+jwe (a differential check of the header parser);
 * <li>claims, sealed under k1's own header, so every input reaches the claims parser behind the tag: whatever is
 *     accepted survives a round trip, as in {@link SignedClaimsFuzzTest};
 * <li>a segment of a valid cookie replaced by fuzzed bytes: accepted only if nothing changed.
 * </ul>
 * In every mode nothing throws (the codec's last-resort catch is bypassed).
 *
 * <p>Regression inputs:
 * {@code src/test/resources/dev/steadfast/impl/codec/EncryptedCookieFuzzTestInputs/encryptedCookie/}. Fuzzing: see
 * docs/security.md.
 */
class EncryptedCookieFuzzTest {

    private static final JweSessionCodec CODEC = JweFuzzSeeds.codec();
    private static final byte[] CLAIMS = JweFuzzSeeds.CLAIMS.getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEADER = JweFuzzSeeds.HEADER_K1.getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "3h", maxExecutions = 10_000_000)
    void encryptedCookie(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        switch ((input[0] & 0xFF) % 4) {
            case 0 -> cookie(new String(data, StandardCharsets.ISO_8859_1));
            case 1 -> header(data);
            case 2 -> claims(data);
            default -> segment(data);
        }
    }

    private static void cookie(String value) {
        DecodeResult result = CODEC.decodeUnguarded(value);
        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Valid) {
            assertThat(JweFuzzSeeds.MINTED).as("accepted a value this test did not mint").contains(value);
        }
    }

    private static void header(byte[] header) {
        DecodeResult result = CODEC.decodeUnguarded(JweFuzzSeeds.seal(header, CLAIMS, Fixtures.K1, "header"));
        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Valid valid) {
            assertThat(valid.keyId()).isEqualTo("k1");
            Map<String, Object> parsed = MiniJson.parseObject(new String(header, StandardCharsets.UTF_8));
            assertThat(parsed).as("accepted header").isEqualTo(Map.of("alg", "A256KW", "enc", "A256GCM", "kid", "k1",
                    "typ", "steadfast-session+jwe"));
        }
    }

    private static void claims(byte[] claims) {
        DecodeResult result = CODEC.decodeUnguarded(JweFuzzSeeds.seal(HEADER, claims, Fixtures.K1, "claims"));
        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Valid valid) {
            SessionData session = valid.session();
            String again;
            try {
                again = CODEC.encode(session);
            } catch (SessionTooLargeException e) {
                throw new AssertionError("an accepted session does not fit again: " + e.getMessage(), e);
            }
            DecodeResult second = CODEC.decodeUnguarded(again);
            assertThat(second).as("re-encoded %s", new String(claims, StandardCharsets.UTF_8))
                    .isInstanceOf(DecodeResult.Valid.class);
            SessionData back = ((DecodeResult.Valid) second).session();
            assertThat(back.id()).isEqualTo(session.id());
            assertThat(back.creationTime()).isEqualTo(session.creationTime());
            assertThat(back.lastAccessedTime()).isEqualTo(session.lastAccessedTime());
            assertThat(back.maxInactiveInterval()).isEqualTo(session.maxInactiveInterval());
            assertThat(back.attributes()).isEqualTo(session.attributes());
        }
    }

    private static void segment(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String[] s = JweFuzzSeeds.VALID_K1.split("\\.", -1);
        s[JweFuzzSeeds.segmentIndex(data[0])] = Fixtures.b64(Arrays.copyOfRange(data, 1, data.length));
        String value = String.join(".", s);
        DecodeResult result = CODEC.decodeUnguarded(value);
        assertThat(result).isNotNull();
        if (!value.equals(JweFuzzSeeds.VALID_K1)) {
            assertThat(result).as("a changed segment was accepted").isInstanceOf(DecodeResult.Rejected.class);
        }
    }
}
