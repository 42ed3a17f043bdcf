package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.support.LogCapture;

import example.app.LegacyCode;

import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A container session created behind Steadfast's back is reported once per cause, unless allowed. */
class ContainerSessionWatchTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/behind-our-back", (req, res) -> {
                LegacyCode.createContainerSession(req);
                res.getWriter().print("done");
            })
            .build();

    @RegisterExtension
    static final SteadfastTomcat ALLOWED = SteadfastTomcat.builder()
            .property("steadfast.session.container-sessions", "allow")
            .servlet("/behind-our-back", (req, res) -> {
                LegacyCode.createContainerSession(req);
                res.getWriter().print("done");
            })
            .build();

    @Test
    void shouldWarnOncePerCause_whenContainerSessionIsCreated() {
        try (LogCapture log = LogCapture.steadfast()) {
            APP.get("/behind-our-back");
            APP.get("/behind-our-back");

            assertThat(log.messages(Level.WARNING)).singleElement().asString()
                    .startsWith("STEADFAST-3004: /app created a container HttpSession (first seen from "
                            + LegacyCode.class.getName() + ".createContainerSession)");
        }
    }

    @Test
    void shouldStaySilent_whenContainerSessionsAreAllowed() {
        try (LogCapture log = LogCapture.steadfast()) {
            ALLOWED.get("/behind-our-back");

            assertThat(log.messages(Level.WARNING)).isEmpty();
        }
    }
}
