package dev.steadfast.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final SecretBytes SECRET = SecretBytes.fromUtf8("signingkey-canary-0b51d2e8");

    @Test
    void refusesIdsOutsideThePattern() {
        for (String bad : new String[] {"Upper", "-leading", "has space", "a".repeat(33), "", "dots.in.id"}) {
            assertThatThrownBy(() -> SigningKey.of(bad, Algorithm.HS256, SECRET))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid key id '" + bad + "'; must match [a-z0-9][a-z0-9-]{0,31}");
        }
    }

    @Test
    void acceptsIdsInThePattern() {
        for (String good : new String[] {"2026-11", "a", "k1", "a".repeat(32), "0-"}) {
            assertThat(SigningKey.of(good, Algorithm.HS256, SECRET).id()).isEqualTo(good);
        }
    }

    @Test
    void fingerprint_isStableHexAndDiffersPerSecret() {
        SigningKey a = SigningKey.of("a", Algorithm.HS256, SECRET);
        SigningKey b = SigningKey.of("b", Algorithm.HS512, SECRET);
        SigningKey c = SigningKey.of("a", Algorithm.HS256, SecretBytes.fromUtf8("another-secret"));

        assertThat(a.fingerprint()).matches("[0-9a-f]{16}").isEqualTo(b.fingerprint());
        assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void toString_namesKeyButNotSecret() {
        SigningKey key = SigningKey.of("2026-11", Algorithm.HS384, SECRET, Instant.parse("2026-11-01T00:00:00Z"),
                null);

        assertThat(key.toString())
                .isEqualTo("SigningKey[id=2026-11, algorithm=HS384, fingerprint=" + key.fingerprint()
                        + ", createdAt=2026-11-01T00:00:00Z]")
                .doesNotContain("signingkey-canary-0b51d2e8");
    }

    @Test
    void isRetiredAt_fromRetireInstantOn() {
        Instant retire = Instant.parse("2026-12-01T00:00:00Z");
        SigningKey key = SigningKey.of("k", Algorithm.HS256, SECRET, null, retire);

        assertThat(key.isRetiredAt(retire.minusSeconds(1))).isFalse();
        assertThat(key.isRetiredAt(retire)).isTrue();
        assertThat(SigningKey.of("k", Algorithm.HS256, SECRET).isRetiredAt(Instant.MAX)).isFalse();
    }
}
