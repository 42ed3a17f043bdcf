package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.forge;
import static dev.steadfast.impl.codec.Fixtures.header;
import static dev.steadfast.impl.codec.Fixtures.payload;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;

/**
 * Found by SignedClaimsFuzzTest (regression input crash-lone-surrogate): a string holding half of a UTF-16
 * surrogate pair was accepted, yet has no UTF-8 form, so writing the session back replaced it with '?' and the
 * session changed silently. Now refused on both sides.
 */
class UnpairedSurrogateTest {

    private static final String HALF_AN_EMOJI = "smile \ud83d";

    @Test
    void setAttribute_refusesAHalfCharacter_namingTheAttribute() {
        assertThatThrownBy(() -> TypedAttributes.validate("comment", HALF_AN_EMOJI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Session attribute 'comment' has a String value containing an unpaired UTF-16 "
                        + "surrogate");
        assertThatThrownBy(() -> TypedAttributes.validate("tags", List.of("ok", "\ude00")))
                .hasMessageContaining("'tags[1]'");
        assertThatThrownBy(() -> TypedAttributes.validate("m", Map.of("\ud83d", 1)))
                .hasMessageContaining("map key");
        assertThatThrownBy(() -> TypedAttributes.validate("\udfff", 1)).hasMessageContaining("its name");
    }

    @Test
    void wholeCharactersStillRoundTrip() {
        JwsSessionCodec codec = codec();
        String cookie = codec.encode(session().attribute("emoji", "smile \ud83d\ude00").build());
        DecodeResult result = codec.decode(cookie);
        assertThat(result).isInstanceOf(DecodeResult.Valid.class);
        assertThat(((DecodeResult.Valid) result).session().attributes()).containsEntry("emoji", "smile \ud83d\ude00");
    }

    @Test
    void decode_rejectsASignedPayloadWithAHalfCharacter() {
        for (String att : List.of("{\"s\":\"\\ud83d\"}", "{\"s\":\"\\ude00x\"}", "{\"\\ud83d\":1}",
                "{\"l\":[\"\\ud83d\\ud83d\"]}")) {
            assertThat(codec().decode(forge(header("HS256", "k1"), payload(att), K1))).as(att)
                    .isEqualTo(new DecodeResult.Rejected(Rejection.BAD_CLAIMS));
        }
    }
}
