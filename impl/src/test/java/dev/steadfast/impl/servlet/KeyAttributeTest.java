package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * A cryptographic key set on the session lives for the request only: a signed cookie is readable by whoever holds it,
 * so the key never reaches it, and setting one is not an error (Mojarra sets its client-state key on every page).
 */
class KeyAttributeTest {

    @Test
    void shouldKeepKeyForTheRequestOnlyAndNeverWriteIt_whenAKeyIsSetOnTheSession() throws Exception {
        try (SteadfastTomcat app = SteadfastTomcat.builder()
                .servlet("/set", (request, response) -> {
                    var session = request.getSession();
                    session.setAttribute("user", "ann");
                    session.setAttribute("faces.key", new SecretKeySpec(new byte[32], "AES"));
                    response.getWriter().print("key=" + (session.getAttribute("faces.key") != null)
                            + " names=" + Collections.list(session.getAttributeNames()).stream().sorted().toList());
                })
                .servlet("/get", (request, response) -> {
                    var session = request.getSession();
                    response.getWriter().print("user=" + session.getAttribute("user")
                            + " key=" + session.getAttribute("faces.key"));
                })
                .build()) {
            app.start();

            SteadfastTomcat.Reply set = app.get("/set");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("key=true names=[faces.key, user]");
            String cookie = set.sessionValue();
            String payload = new String(Base64.getUrlDecoder().decode(cookie.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"user\"").doesNotContain("faces.key");

            SteadfastTomcat.Reply next = app.get("/get", SteadfastTomcat.COOKIE + "=" + cookie);
            assertThat(next.body()).isEqualTo("user=ann key=null");
        }
    }
}
