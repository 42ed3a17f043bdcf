package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CountServlet;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.app.ProbeServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Opt-in chunking over real HTTP: a session larger than one cookie goes out as {@code steadfast},
 * {@code steadfastC1}..., comes back when the client returns them all, and is no session when one is missing or
 * altered; stale chunks are expired. The budget (6000) stays under the 8 KB request-header limit of Tomcat and
 * Grizzly with room for the request line and the other headers.
 */
@SteadfastContainerTest
@RunAsClient
class ChunkingIT {

    private static final String KEY = TestKeys.secret();
    private static final String APP = "chunked";
    /** An attribute this long makes an encoded session of about 5500 characters: two cookies. */
    private static final int BIG = 4000;

    @ArquillianResource
    @OperateOnDeployment(APP)
    private URL url;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = APP, testable = false)
    static WebArchive chunked() {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", KEY));
        config.put("steadfast.session.chunking", "true");
        config.put("steadfast.session.max-size", "6000");
        return Wars.named(APP).classes(ProbeServlet.class, CountServlet.class).config(config).build();
    }

    @Deployment(name = "chunked-wide", managed = false, testable = false)
    static WebArchive wide() {
        Map<String, String> config = new LinkedHashMap<>(TestKeys.ring("k1", TestKeys.secret()));
        config.put("steadfast.session.chunking", "TRUE");
        config.put("steadfast.session.max-size", "7001");
        return Wars.named("chunked-wide").classes(PingServlet.class).config(config).build();
    }

    /** The cookies a browser keeps from a response, by name, in order (deletions dropped). */
    private static Map<String, String> kept(Http.Response r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : r.setCookies()) {
            if (!h.contains("Max-Age=0")) {
                String pair = h.indexOf(';') < 0 ? h : h.substring(0, h.indexOf(';'));
                out.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return out;
    }

    /** The names a response expires. */
    private static List<String> expired(Http.Response r) {
        return r.setCookies().stream().filter(h -> h.contains("Max-Age=0")).map(h -> h.substring(0, h.indexOf('=')))
                .toList();
    }

    private static String header(Map<String, String> cookies) {
        List<String> pairs = new ArrayList<>();
        cookies.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("; ", pairs);
    }

    private Map<String, String> bigSession() {
        Http.Response r = Http.get(url, "probe/big?size=" + BIG);
        assertThat(r.body()).isEqualTo("accepted");
        return kept(r);
    }

    private static String bigTypes() {
        return "{big=String:" + "x".repeat(BIG) + "}";
    }

    @Test
    @Clause("CHUNK-2")
    @Clause("CHUNK-3")
    void sessionLargerThanOneCookie_isSpreadOverChunksAndRoundTrips() {
        Http.Response created = Http.get(url, "probe/big?size=" + BIG);
        Map<String, String> cookies = kept(created);

        assertThat(cookies.keySet()).containsExactly("steadfast", "steadfastC1");
        assertThat(cookies.values()).allSatisfy(v -> assertThat(v.length()).isBetween(1, 3800));
        assertThat(cookies.get("steadfast")).hasSize(3800);
        assertThat(created.setCookies()).allSatisfy(h -> assertThat(h).contains("; Path=/" + APP)
                .containsIgnoringCase("; HttpOnly").contains("SameSite=Lax"));
        // The values in order are the encoded session: a JWS signed with the deployment's key.
        Jws.Parts parts = Jws.parse(cookies.get("steadfast") + cookies.get("steadfastC1"));
        assertThat(parts.signature()).isEqualTo(Jws.hmac("HmacSHA256", KEY, parts.signingInput()));
        assertThat(parts.headerJson()).containsEntry("kid", "k1");

        Http.Response read = Http.get(url, "probe/types", header(cookies));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(bigTypes());
        // Chunks sent in separate Cookie header fields join the same way.
        assertThat(Http.getWithCookieFields(url, "probe/types", List.of("steadfast=" + cookies.get("steadfast"),
                "steadfastC1=" + cookies.get("steadfastC1"))).body()).isEqualTo(bigTypes());
    }

    @Test
    @Clause("CHUNK-2")
    void sessionThatFitsOneCookie_isOneCookieWithoutChunkSuffix() {
        Http.Response r = Http.get(url, "count");

        assertThat(kept(r).keySet()).containsExactly("steadfast");
        assertThat(expired(r)).isEmpty();
        assertThat(Http.get(url, "count", header(kept(r))).body()).isEqualTo("count=2");
    }

    @Test
    @Clause("CHUNK-2")
    @Clause("SESSION-9")
    void attributeBeyondTheWholeBudget_failsAtSetAttribute() {
        Map<String, String> cookies = bigSession();

        Http.Response r = Http.get(url, "probe/big?size=7000", header(cookies));

        assertThat(r.body()).startsWith("ISE: ").contains("big");
        assertThat(Http.get(url, "probe/types", header(cookies)).body()).isEqualTo(bigTypes());
    }

    @Test
    @Clause("CHUNK-3")
    @Clause("SESSION-16")
    void missingOrAlteredChunk_isNoSession() {
        Map<String, String> cookies = bigSession();
        Http.Response none = Http.get(url, "count");
        String head = "steadfast=" + cookies.get("steadfast");
        String chunk = cookies.get("steadfastC1");
        String altered = (chunk.charAt(5) == 'A' ? "B" : "A");
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("chunk missing", head);
        broken.put("head missing", "steadfastC1=" + chunk);
        broken.put("chunk altered", head + "; steadfastC1=" + chunk.substring(0, 5) + altered + chunk.substring(6));
        broken.put("chunk of another session", head + "; steadfastC1=" + bigSession().get("steadfastC1"));
        broken.put("chunk index skipped", head + "; steadfastC2=" + chunk);

        broken.forEach((what, header) -> {
            assertThat(Http.get(url, "probe/info", header).body()).as(what).isEqualTo("none; requested=null");
            Http.Response r = Http.get(url, "count", header);
            assertThat(r.status()).as(what).isEqualTo(none.status());
            assertThat(r.body()).as(what).isEqualTo(none.body());
        });
    }

    @Test
    @Clause("CHUNK-3")
    void firstCookieOfEachChunkNameCounts() {
        Map<String, String> cookies = bigSession();
        String head = "steadfast=" + cookies.get("steadfast");
        String chunk = "steadfastC1=" + cookies.get("steadfastC1");

        assertThat(Http.get(url, "probe/types", head + "; " + chunk + "; steadfastC1=AAAA; steadfast=BBBB").body())
                .isEqualTo(bigTypes());
        assertThat(Http.get(url, "probe/types", chunk + "; theme=dark; " + head).body())
                .as("the names give the order, not the header").isEqualTo(bigTypes());
        assertThat(Http.get(url, "probe/types", head + "; " + chunk + "; steadfastC2=CCCC").body())
                .as("every index up to the first missing one is joined").isEqualTo("none");
        assertThat(Http.get(url, "probe/types", "steadfast=BBBB; " + head + "; " + chunk).body())
                .as("a second head is ignored, not tried").isEqualTo("none");
    }

    @Test
    @Clause("CHUNK-4")
    void staleChunks_areExpiredWhenTheSessionShrinks() {
        Map<String, String> cookies = bigSession();
        // A leftover third chunk of some older, larger session, after a gap.
        String sent = header(cookies) + "; steadfastC3=AAAA";

        Http.Response shrunk = Http.get(url, "probe/set?name=big&type=string&value=small", sent);

        assertThat(kept(shrunk).keySet()).containsExactly("steadfast");
        assertThat(expired(shrunk)).containsExactlyInAnyOrder("steadfastC1", "steadfastC3");
        assertThat(shrunk.setCookies()).filteredOn(h -> h.contains("Max-Age=0"))
                .allSatisfy(h -> assertThat(h).contains("; Path=/" + APP).matches("steadfastC[13]=;.*"));
        assertThat(Http.get(url, "probe/types", header(kept(shrunk))).body()).isEqualTo("{big=String:small}");
    }

    @Test
    @Clause("CHUNK-4")
    @Clause("SESSION-10")
    void invalidate_expiresEveryChunk() {
        Map<String, String> cookies = bigSession();

        Http.Response bye = Http.get(url, "probe/invalidate", header(cookies));

        assertThat(bye.body()).isEqualTo("bye");
        assertThat(kept(bye)).isEmpty();
        assertThat(expired(bye)).containsExactlyInAnyOrder("steadfast", "steadfastC1");
    }

    @Test
    @Clause("CHUNK-5")
    @Clause("CHUNK-1")
    void budgetAbove7000WithChunking_deploysWithAWarning() {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        deployer.deploy("chunked-wide");
        try {
            assertThat(Http.get(Wars.url(url, "chunked-wide"), "ping").status()).isEqualTo(200);
            log.ifPresent(l -> assertThat(l.awaitSince(mark.get(), "STEADFAST-2009"))
                    .containsPattern("STEADFAST-2009: [^\\n]*steadfast\\.session\\.max-size"));
        } finally {
            deployer.undeploy("chunked-wide");
        }
    }
}
