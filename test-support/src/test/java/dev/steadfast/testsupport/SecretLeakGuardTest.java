package dev.steadfast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** The guard can fail: a registered secret in a log record or on the console is found, and never shown. */
class SecretLeakGuardTest {

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Secrets.register(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Test
    void findsASecretPrintedToSystemOut() {
        String secret = secret();
        SecretLeakGuard.verifyNow("before");
        System.out.println("oops " + secret);
        assertThatThrownBy(() -> SecretLeakGuard.verifyNow("self-test"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("secret " + Secrets.fingerprint(secret))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }

    @Test
    void findsASecretInALogRecordParameterOrMessage() {
        String secret = secret();
        Logger.getLogger("dev.steadfast.test").warning(() -> "leaking " + secret.substring(0, 20)
                + secret.substring(20));
        assertThatThrownBy(() -> SecretLeakGuard.verifyNow("self-test")).isInstanceOf(AssertionError.class);
        Logger.getLogger("dev.steadfast.test").log(java.util.logging.Level.INFO, "value {0}", secret);
        assertThatThrownBy(() -> SecretLeakGuard.verifyNow("self-test")).isInstanceOf(AssertionError.class);
    }

    @Test
    void findsASecretInAResponseBodyAndCountsTheHit() {
        String secret = secret();
        long before = Secrets.hits();
        assertThatThrownBy(() -> Secrets.assertAbsent("a body", "<p>" + secret + "</p>"))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        assertThat(Secrets.hits()).isEqualTo(before + 1);
        Secrets.forgetProvokedHit();
        Secrets.assertAbsent("a clean body", "count=1");
    }

    @Test
    void refusesShortValues() {
        assertThatThrownBy(() -> Secrets.register("changeme")).isInstanceOf(IllegalArgumentException.class);
    }
}
