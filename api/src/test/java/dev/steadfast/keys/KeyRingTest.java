package dev.steadfast.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static SigningKey key(String id) {
        return SigningKey.of(id, Algorithm.HS256, SecretBytes.fromUtf8("secret-of-" + id));
    }

    @Test
    void firstKeyIsPrimary_allKeysFoundById() {
        KeyRing ring = KeyRing.of(key("new"), key("old"));

        assertThat(ring.primary().id()).isEqualTo("new");
        assertThat(ring.find("old")).map(SigningKey::id).contains("old");
        assertThat(ring.find("gone")).isEmpty();
        assertThat(ring.keys()).extracting(SigningKey::id).containsExactly("new", "old");
    }

    @Test
    void refusesEmptyAndDuplicates() {
        assertThatThrownBy(() -> KeyRing.of(List.of())).hasMessage("A key ring needs at least one key");
        assertThatThrownBy(() -> KeyRing.of(key("a"), key("a"))).hasMessage("Duplicate key id 'a' in key ring");
    }

    @Test
    void toString_hidesSecrets() {
        assertThat(KeyRing.of(key("a")).toString()).doesNotContain("secret-of-a").contains("id=a");
    }
}
