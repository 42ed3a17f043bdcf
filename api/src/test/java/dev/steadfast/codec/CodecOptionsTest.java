package dev.steadfast.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodecOptionsTest {

    @Test
    void formatDefaultsToJws() {
        CodecOptions options = CodecOptions.builder("/app").build();

        assertThat(options.format()).isEqualTo(CodecOptions.FORMAT_JWS).isEqualTo(CodecOptions.DEFAULT_FORMAT);
        assertThat(options.toString()).contains("format=jws");
    }

    @Test
    void formatAcceptsJweAndJwsInAnyCase() {
        assertThat(CodecOptions.builder("/app").format("jwe").build().format()).isEqualTo("jwe");
        assertThat(CodecOptions.builder("/app").format(" JWE ").build().format()).isEqualTo("jwe");
        assertThat(CodecOptions.builder("/app").format("Jws").build().format()).isEqualTo("jws");
        assertThat(CodecOptions.builder("/app").format("jwe").build().toString()).contains("format=jwe");
    }

    @Test
    void formatRefusesAnythingElseWithoutRepeatingIt() {
        String misplacedSecret = "c2VjcmV0LXZhbHVlLW5ldmVyLXNob3du";

        assertThatThrownBy(() -> CodecOptions.builder("/app").format(misplacedSecret))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("format must be jws or jwe");
        assertThatThrownBy(() -> CodecOptions.builder("/app").format("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodecOptions.builder("/app").format("jwt"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodecOptions.builder("/app").format(null)).isInstanceOf(NullPointerException.class);
    }
}
