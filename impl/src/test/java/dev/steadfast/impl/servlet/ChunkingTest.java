package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opt-in chunking: a session larger than one cookie spans several, round trips, and sheds stale chunks. */
class ChunkingTest {

    private static final String BIG = "x".repeat(3000);

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .property("steadfast.session.chunking", "true")
            .property("steadfast.session.max-size", "6000")
            .servlet("/big", (req, res) -> req.getSession().setAttribute("data", BIG))
            .servlet("/small", (req, res) -> req.getSession().setAttribute("data", "small"))
            .servlet("/read", (req, res) -> {
                Object data = req.getSession(false) == null ? null : req.getSession(false).getAttribute("data");
                res.getWriter().print(data == null ? "none" : data.toString().length());
            })
            .build();

    /** The name=value pairs a browser would keep from these Set-Cookie headers (deletions dropped). */
    private static List<String> kept(Reply reply) {
        List<String> out = new ArrayList<>();
        for (String header : reply.setCookies()) {
            if (!header.contains("Max-Age=0")) {
                out.add(header.substring(0, header.indexOf(';')));
            }
        }
        return out;
    }

    private static List<String> expired(Reply reply) {
        return reply.setCookies().stream().filter(h -> h.contains("Max-Age=0"))
                .map(h -> h.substring(0, h.indexOf('='))).toList();
    }

    @Test
    void shouldSpreadLargeSessionOverSeveralCookies_andReadItBack() {
        List<String> cookies = kept(APP.get("/big"));

        assertThat(cookies).extracting(c -> c.substring(0, c.indexOf('=')))
                .containsExactly("steadfast", "steadfastC1");
        assertThat(cookies).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(3811 + 1));
        assertThat(APP.get("/read", cookies.toArray(new String[0])).body()).isEqualTo("3000");
    }

    @Test
    void shouldExpireStaleChunks_whenSessionShrinks() {
        List<String> big = kept(APP.get("/big"));

        Reply shrunk = APP.get("/small", big.toArray(new String[0]));

        assertThat(kept(shrunk)).extracting(c -> c.substring(0, c.indexOf('='))).containsExactly("steadfast");
        assertThat(expired(shrunk)).containsExactly("steadfastC1");
        assertThat(APP.get("/read", kept(shrunk).toArray(new String[0])).body()).isEqualTo("5");
    }

    @Test
    void shouldTreatMissingChunkAsNoSession() {
        List<String> big = kept(APP.get("/big"));

        Reply reply = APP.get("/read", big.get(0));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("none");
    }

    @Test
    void shouldExpireEveryStaleChunkTheRequestCarried_evenAfterAGap() {
        List<String> sent = new ArrayList<>(kept(APP.get("/big")));
        sent.add("steadfastC3=left-over");

        Reply shrunk = APP.get("/small", sent.toArray(new String[0]));

        assertThat(expired(shrunk)).containsExactly("steadfastC1", "steadfastC3");
    }

    @Test
    void shouldJoinTheFirstCookieOfEachName_ignoringLaterDuplicates() {
        List<String> big = kept(APP.get("/big"));

        assertThat(APP.get("/read", big.get(0), big.get(1), "steadfastC1=AAAA", "steadfast=BBBB").body())
                .isEqualTo("3000");
        assertThat(APP.get("/read", "steadfast=BBBB", big.get(0), big.get(1)).body()).isEqualTo("none");
    }

    @Test
    void shouldNotTakeLookalikeNamesForChunks() {
        List<String> big = kept(APP.get("/big"));
        String chunk = big.get(1).substring(big.get(1).indexOf('=') + 1);

        assertThat(APP.get("/read", big.get(0), "steadfastC01=" + chunk).body()).isEqualTo("none");
        assertThat(APP.get("/read", big.get(0), "steadfastc1=" + chunk).body()).isEqualTo("none");
        assertThat(APP.get("/read", big.get(0), "steadfastC1=" + chunk).body()).isEqualTo("3000");
    }
}
