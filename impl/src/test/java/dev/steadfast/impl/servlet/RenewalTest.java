package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.http.HttpSession;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An unchanged session is re-issued only once renew-after has passed since its cookie was issued. */
class RenewalTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .property("steadfast.session.renew-after", "1s")
            .servlet("/login", (req, res) -> req.getSession().setAttribute("user", "alice"))
            .servlet("/read", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.getWriter().print(session == null ? "none" : session.getId() + " " + session.getAttribute("user"));
            })
            .build();

    @Test
    void shouldNotRenew_whenUnchangedAndRenewAfterHasNotPassed() {
        Reply login = APP.get("/login");
        Reply read = APP.get("/read", login.sessionCookie());

        assertThat(read.body()).endsWith(" alice");
        assertThat(read.setCookies()).isEmpty();
    }

    @Test
    void shouldRenewWithSameSession_whenRenewAfterHasPassed() throws InterruptedException {
        Reply login = APP.get("/login");
        String id = ((DecodeResult.Valid) APP.codec().decode(login.sessionValue())).session().id();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Reply read = APP.get("/read", login.sessionCookie());
        while (read.setCookies().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            read = APP.get("/read", login.sessionCookie());
        }

        assertThat(read.body()).isEqualTo(id + " alice");
        assertThat(read.sessionValue()).isNotEqualTo(login.sessionValue());
        DecodeResult renewed = APP.codec().decode(read.sessionValue());
        assertThat(renewed).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.session().id()).isEqualTo(id);
            assertThat(valid.session().lastAccessedTime()).isAfter(
                    ((DecodeResult.Valid) APP.codec().decode(login.sessionValue())).session().lastAccessedTime());
        });
    }
}
