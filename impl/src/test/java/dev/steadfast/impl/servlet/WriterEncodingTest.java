package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import java.io.PrintWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The response writer Steadfast hands out (so that it can commit the session before the container commits) encodes
 * characters as the container's own writer would: a character split over two writes arrives whole, unmappable and
 * lone surrogates become '?', and a reset forgets half a character.
 */
class WriterEncodingTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/split", (req, res) -> {
                req.getSession().setAttribute("path", "split");
                res.setContentType("text/plain;charset=UTF-8");
                PrintWriter w = res.getWriter();
                w.print("a\uD83D");
                w.write("\uDE00b".toCharArray());
                w.print('c');
                w.write("-xyz-", 1, 3);
            })
            .servlet("/lone", (req, res) -> {
                res.setContentType("text/plain;charset=UTF-8");
                PrintWriter w = res.getWriter();
                w.print("x\uD83D");
                w.print("y\uDE00z");
            })
            .servlet("/latin1", (req, res) -> {
                res.setCharacterEncoding("ISO-8859-1");
                res.getWriter().print("caf\u00e9 \u4e2d");
            })
            .servlet("/reset", (req, res) -> {
                res.setContentType("text/plain;charset=UTF-8");
                PrintWriter w = res.getWriter();
                w.print("gone\uD83D");
                res.resetBuffer();
                w.print("\uDE00kept");
            })
            .build();

    @Test
    void shouldJoinASurrogatePairSplitOverTwoWrites() {
        Reply reply = APP.get("/split");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("a\uD83D\uDE00bcxyz");
        assertThat(reply.setCookies()).singleElement().satisfies(c -> assertThat(c).startsWith("steadfast="));
    }

    @Test
    void shouldReplaceLoneSurrogates() {
        assertThat(APP.get("/lone").body()).isEqualTo("x?y?z");
    }

    @Test
    void shouldReplaceWhatTheCharsetCannotHold() {
        // The reply is read as UTF-8: Latin-1's single byte for é is not UTF-8, the unmappable character is '?'.
        assertThat(APP.get("/latin1").body()).isEqualTo("caf\uFFFD ?");
    }

    @Test
    void shouldForgetHalfACharacterOnReset() {
        assertThat(APP.get("/reset").body()).isEqualTo("?kept");
    }
}
