package dev.steadfast.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBytesTest {

    @Test
    void toString_neverShowsTheSecret() {
        SecretBytes secret = SecretBytes.fromUtf8("tostring-canary-7f3a9c");

        assertThat(secret.toString()).doesNotContain("tostring-canary-7f3a9c").contains("redacted");
    }

    @Test
    void equals_comparesContent() {
        assertThat(SecretBytes.fromUtf8("abc")).isEqualTo(SecretBytes.copyOf(new byte[] {'a', 'b', 'c'}));
        assertThat(SecretBytes.fromUtf8("abc")).isNotEqualTo(SecretBytes.fromUtf8("abd"));
        assertThat(SecretBytes.fromUtf8("abc")).isNotEqualTo(SecretBytes.fromUtf8("abcd"));
    }

    @Test
    void usesUtf8Bytes() {
        assertThat(SecretBytes.fromUtf8("é").toByteArray()).containsExactly(0xc3, 0xa9);
    }

    @Test
    void copiesInAndOut() {
        byte[] input = {1, 2, 3};
        SecretBytes secret = SecretBytes.copyOf(input);
        input[0] = 9;
        secret.toByteArray()[1] = 9;

        assertThat(secret.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void refusesEmpty() {
        assertThatThrownBy(() -> SecretBytes.fromUtf8("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a secret must not be empty");
    }
}
