package dev.steadfast.tck.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.app.CountServlet;
import dev.steadfast.tck.app.ProbeServlet;
import dev.steadfast.tck.support.Http;
import dev.steadfast.tck.support.Jws;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.SessionCookies;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A cookie the implementation must refuse gets exactly the response no cookie gets: same status, same body, a fresh
 * session. Cookies are forged by the kit with the deployment's own key, so only the property under test is wrong.
 */
@SteadfastContainerTest
@RunAsClient
class RejectedCookieIT {

    private static final String KEY = TestKeys.secret();
    private static final String STRANGER = TestKeys.secret();
    private static final String APP = "rejecting";

    @ArquillianResource
    @OperateOnDeployment(APP)
    private URL url;

    @Deployment(name = APP, testable = false)
    static WebArchive app() {
        return Wars.named(APP).classes(CountServlet.class, ProbeServlet.class).config(TestKeys.ring("k1", KEY))
                .build();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private Map<String, String> refusedCookies() {
        long t = now();
        String aud = "/" + APP;
        String good = Jws.forge("k1", KEY, aud, t, t, 1800, "{\"count\":41}");
        Map<String, String> cookies = new LinkedHashMap<>();
        cookies.put("tampered", Jws.tamperPayload(good));
        cookies.put("expired", Jws.forge("k1", KEY, aud, t - 7200, t - 7200, 1800, "{\"count\":41}"));
        cookies.put("foreign audience", Jws.forge("k1", KEY, "/elsewhere", t, t, 1800, "{\"count\":41}"));
        cookies.put("foreign key", Jws.forge("k1", STRANGER, aud, t, t, 1800, "{\"count\":41}"));
        cookies.put("unknown kid", Jws.forge("k7", KEY, aud, t, t, 1800, "{\"count\":41}"));
        cookies.put("alg none", Jws.b64(Jws.header("none", "k1")) + "." + Jws.b64(Jws.parse(good).payload()) + ".");
        cookies.put("malformed", "not-a-session");
        return cookies;
    }

    @Test
    @Clause("SESSION-16")
    @Clause("RESTART-2")
    void refusedCookie_getsExactlyTheNoCookieResponse() {
        Http.Response none = Http.get(url, "count");

        refusedCookies().forEach((what, value) -> {
            Http.Response r = Http.get(url, "count", "steadfast=" + value);
            assertThat(r.status()).as(what).isEqualTo(none.status()).isEqualTo(200);
            assertThat(r.body()).as(what).isEqualTo(none.body()).isEqualTo("count=1");
            assertThat(SessionCookies.issued(r)).as(what).isPresent();
        });
    }

    @Test
    @Clause("MSG-5")
    void refusedCookie_isNeverLogged() {
        var log = ServerLog.current();
        var mark = log.map(ServerLog::mark);
        Map<String, String> cookies = refusedCookies();

        cookies.values().forEach(v -> Http.get(url, "count", "steadfast=" + v));

        log.ifPresent(l -> {
            // Nothing to await: the point is what is absent, so give asynchronous logs a moment and read.
            String text = l.awaitSince(mark.get(), t -> false, java.time.Duration.ofSeconds(1));
            cookies.values().forEach(v -> assertThat(text).doesNotContain(v));
        });
    }

    @Test
    @Clause("COOKIE-8")
    @Clause("SESSION-16")
    void firstOfSeveralCookiesWithTheSessionsNameThatVerifies_isUsed() {
        long t = now();
        String aud = "/" + APP;
        String a = Jws.forge("k1", KEY, aud, t, t, 1800, "{\"count\":41}");
        String b = Jws.forge("k1", KEY, aud, t, t, 1800, "{\"count\":7}");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("garbage first", "steadfast=garbage; steadfast=" + a);
        headers.put("valid first", "steadfast=" + a + "; steadfast=garbage");
        headers.put("two valid, first wins", "steadfast=" + a + "; steadfast=" + b);
        headers.put("tampered first", "steadfast=" + Jws.tamperPayload(b) + "; steadfast=" + a);
        headers.put("expired first", "steadfast=" + Jws.forge("k1", KEY, aud, t - 7200, t - 7200, 1800,
                "{\"count\":1}") + "; steadfast=" + a);
        headers.put("other cookies around", "JSESSIONID=x1; steadfast=garbage; theme=dark; steadfast=" + a + "; z=1");
        headers.put("no space after ;", "steadfast=garbage;steadfast=" + a);
        headers.put("quoted value", "steadfast=\"" + a + "\"");
        headers.put("malformed neighbours", "=x; steadfast; other=\"open; steadfast=a b; steadfast=a,b; Steadfast="
                + b + "; steadfast=" + a);

        headers.forEach((what, header) -> {
            Http.Response r = Http.get(url, "count", header);
            assertThat(r.status()).as(what).isEqualTo(200);
            assertThat(r.body()).as(what).isEqualTo("count=42");
        });
        // Several Cookie header fields are read in order, as one list.
        Http.Response fields = Http.getWithCookieFields(url, "count", java.util.List.of("steadfast=garbage",
                "theme=dark; steadfast=" + a, "steadfast=" + b));
        assertThat(fields.status()).isEqualTo(200);
        assertThat(fields.body()).isEqualTo("count=42");
    }

    @Test
    @Clause("COOKIE-8")
    @Clause("SESSION-16")
    void malformedCookieHeader_isNoCookie() {
        Http.Response none = Http.get(url, "count");
        String good = Jws.forge("k1", KEY, "/" + APP, now(), now(), 1800, "{\"count\":41}");

        for (String header : new String[] {";", ";;; ;", "=", "steadfast", "steadfast=", "steadfast=\"",
            "steadfast=\"\"", "steadfast=a b", "steadfast=\"" + good, "steadfast =" + good, "steadfast= " + good,
            "STEADFAST=" + good, "steadfast=" + good + "\\", "steadfast=" + good + ",x=1", "\"steadfast\"=" + good}) {
            Http.Response r = Http.get(url, "count", header);
            // A report names the case, not the cookie: a valid session value is a bearer credential.
            String what = header.replace(good, "<valid session>");
            assertThat(r.status()).as(what).isEqualTo(none.status()).isEqualTo(200);
            assertThat(r.body()).as(what).isEqualTo(none.body()).isEqualTo("count=1");
        }
    }

    @Test
    @Clause("ROTATE-3")
    void unknownKidCookie_isNotDeletedWhenTheApplicationCreatesNoSession() {
        long t = now();
        String fromNewerInstance = "steadfast=" + Jws.forge("k7", KEY, "/" + APP, t, t, 1800, "{}");

        Http.Response r = Http.get(url, "probe/info", fromNewerInstance);

        assertThat(r.body()).isEqualTo("none; requested=null");
        assertThat(r.setCookies()).noneMatch(h -> h.startsWith("steadfast="));
    }
}
