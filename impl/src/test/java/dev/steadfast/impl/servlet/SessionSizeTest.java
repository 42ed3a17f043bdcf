package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;
import dev.steadfast.impl.support.LogCapture;

import jakarta.servlet.http.HttpSession;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The encoded session stays under steadfast.session.max-size (default 3800 characters). */
class SessionSizeTest {

    private static final String SECRET_LOOKING_VALUE = "v-9f3a";

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/big", (req, res) -> {
                HttpSession session = req.getSession();
                try {
                    session.setAttribute("big", "x".repeat(5 * 1024));
                    res.getWriter().print("stored");
                } catch (IllegalStateException e) {
                    res.getWriter().print(e.getMessage() + "|present=" + (session.getAttribute("big") != null));
                }
            })
            .servlet("/grow", (req, res) -> {
                HttpSession session = req.getSession();
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) session.getAttribute("list");
                if (list == null) {
                    list = new ArrayList<>();
                    session.setAttribute("list", list);
                }
                int n = Integer.parseInt(req.getParameter("n"));
                for (int i = 0; i < n; i++) {
                    list.add(SECRET_LOOKING_VALUE + "-".repeat(94));
                }
                res.getWriter().print("size=" + list.size());
            })
            .servlet("/count", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.getWriter().print("size=" + ((List<?>) session.getAttribute("list")).size());
            })
            .build();

    @Test
    void shouldRefuseAttributeNamingItAndSizes_whenSessionWouldExceedMaxSize() {
        Reply reply = APP.get("/big");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).matches("Session attribute 'big' would make the session \\d{4,} characters; "
                + "the limit is 3800 \\(steadfast.session.max-size\\)\\..*\\|present=false");
    }

    @Test
    void shouldFailRequestAndKeepPreviousCookie_whenListGrowsInPlaceBeyondMaxSize() {
        Reply small = APP.get("/grow?n=5");
        try (LogCapture log = LogCapture.steadfast()) {
            Reply grown = APP.get("/grow?n=50", small.sessionCookie());

            assertThat(grown.status()).isEqualTo(500);
            assertThat(grown.body()).doesNotContain("size=");
            assertThat(grown.setCookies()).isEmpty();
            assertThat(log.messages(Level.WARNING)).singleElement().satisfies(m -> assertThat(m)
                    .startsWith("STEADFAST-3003: a session of /app grew to ").contains("over the limit of 3800")
                    .contains("[list]").doesNotContain(SECRET_LOOKING_VALUE));
        }
        Reply next = APP.get("/count", small.sessionCookie());

        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("size=5");
    }
}
