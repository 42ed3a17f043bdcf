package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;

/**
 * Fuzz target (b): the claims parser behind the MAC. The fuzzed bytes are the JWS payload; the target signs them
 * with the test key under the codec's own header, so every input reaches {@link StrictJson}, the claim checks and
 * {@link TypedAttributes}. Invariants: nothing throws (the codec's last-resort catch is bypassed), and whatever is
 * accepted survives a round trip: re-encoded and decoded again, it is the same session.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/steadfast/impl/codec/SignedClaimsFuzzTestInputs/signedClaims/}
 * (raw payload JSON). Fuzzing: see docs/security.md.
 */
class SignedClaimsFuzzTest {

    private static final JwsSessionCodec CODEC = FuzzSeeds.codec();
    private static final String HEADER = FuzzSeeds.headerSegment();

    @FuzzTest(maxDuration = "3h", maxExecutions = 10_000_000)
    void signedClaims(byte[] payload) {
        String signingInput = HEADER + "." + Fixtures.b64(payload);
        String token = signingInput + "." + Fixtures.b64(Fixtures.hmac(Fixtures.K1, signingInput));
        DecodeResult result = CODEC.decodeUnguarded(token);
        assertThat(result).isNotNull();
        if (result instanceof DecodeResult.Valid valid) {
            SessionData session = valid.session();
            String again;
            try {
                again = CODEC.encode(session);
            } catch (SessionTooLargeException e) {
                // A payload padded with unknown claims can decode into a session that re-encodes over the limit
                // only if the re-encoding is longer; say so rather than hide it.
                throw new AssertionError("an accepted session does not fit again: " + e.getMessage()
                        + "; payload " + payload.length + " bytes", e);
            }
            DecodeResult second = CODEC.decodeUnguarded(again);
            assertThat(second).as("re-encoded %s", new String(payload, StandardCharsets.UTF_8))
                    .isInstanceOf(DecodeResult.Valid.class);
            SessionData back = ((DecodeResult.Valid) second).session();
            assertThat(back.id()).isEqualTo(session.id());
            assertThat(back.creationTime()).isEqualTo(session.creationTime());
            assertThat(back.lastAccessedTime()).isEqualTo(session.lastAccessedTime());
            assertThat(back.maxInactiveInterval()).isEqualTo(session.maxInactiveInterval());
            assertThat(back.attributes()).isEqualTo(session.attributes());
        }
    }
}
