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
 * {@code HttpSession} under the implementation, over real HTTP: identity, attributes and their types, timeouts and
 * renewal, invalidation, exceptions, and every way a response commits. Each test starts from no cookie and carries
 * the cookie itself, as a browser would.
 */
@SteadfastContainerTest
@RunAsClient
class SessionSemanticsIT {

    static final String KEY = TestKeys.secret();
    private static final String PROBE = "probe";

    @ArquillianResource
    @OperateOnDeployment(PROBE)
    private URL url;

    @Deployment(name = PROBE, testable = false)
    static WebArchive probe() {
        return Wars.named(PROBE).classes(ProbeServlet.class, CountServlet.class).config(TestKeys.ring("k1", KEY))
                .build();
    }

    private String newSession() {
        return SessionCookies.issued(Http.get(url, "probe/create")).orElseThrow();
    }

    /** GET with the cookie; returns the response and keeps the newest cookie in {@code jar[0]}. */
    private Http.Response get(String path, String[] jar) {
        Http.Response r = Http.get(url, path, jar[0]);
        SessionCookies.issued(r).ifPresent(c -> jar[0] = c);
        return r;
    }

    private static String field(String info, String name) {
        for (String part : info.split("; ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " in " + info);
    }

    @Test
    @Clause("SESSION-1")
    @Clause("COOKIE-2")
    @Clause("SESSION-15")
    void cookieCarriesTheSessionAndIsTheOnlySessionCookie() {
        Http.Response first = Http.get(url, "count");
        String cookie = SessionCookies.issued(first).orElseThrow();
        Http.Response second = Http.get(url, "count", cookie);
        Http.Response third = Http.get(url, "count", SessionCookies.issued(second).orElse(cookie));

        assertThat(first.body()).isEqualTo("count=1");
        assertThat(second.body()).isEqualTo("count=2");
        assertThat(third.body()).isEqualTo("count=3");
        assertThat(first.setCookies()).noneMatch(h -> h.startsWith("JSESSIONID"));
        assertThat(SessionCookies.header(first, "steadfast")).get().asString()
                .contains("; Path=/" + PROBE).containsIgnoringCase("; HttpOnly").contains("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure").doesNotContainIgnoringCase("Domain=");
        assertThat(Http.get(url, "probe/encode", cookie).body()).isEqualTo("next|next");
    }

    @Test
    @Clause("SESSION-2")
    @Clause("SESSION-3")
    @Clause("SESSION-5")
    @Clause("SESSION-12")
    void identityNewnessAndRequestedId() {
        Http.Response none = Http.get(url, "probe/info");
        Http.Response created = Http.get(url, "probe/create");
        String cookie = SessionCookies.issued(created).orElseThrow();
        Http.Response again = Http.get(url, "probe/info", cookie);
        String other = field(Http.get(url, "probe/create").body(), "id");

        assertThat(none.body()).isEqualTo("none; requested=null");
        assertThat(SessionCookies.issued(none)).isEmpty();
        String id = field(created.body(), "id");
        assertThat(field(created.body(), "new")).isEqualTo("true");
        assertThat(field(created.body(), "requested")).isEqualTo("null");
        assertThat(field(again.body(), "id")).isEqualTo(id);
        assertThat(field(again.body(), "new")).isEqualTo("false");
        assertThat(field(again.body(), "requested")).isEqualTo(id);
        assertThat(other).isNotEqualTo(id);
        assertThat(id.length()).as("id of at least 128 bits").isGreaterThanOrEqualTo(22);
        assertThat(Long.parseLong(field(again.body(), "created")) % 1000).isZero();
        assertThat(Long.parseLong(field(again.body(), "accessed")) % 1000).isZero();
    }

    @Test
    @Clause("SESSION-4")
    void changeSessionId_issuesNewIdKeepingAttributes() {
        String[] jar = {newSession()};
        get("probe/set?name=user&type=string&value=ada", jar);
        String old = field(get("probe/info", jar).body(), "id");

        String changed = get("probe/change-id", jar).body();
        String after = get("probe/info", jar).body();

        assertThat(changed).startsWith(old + "->");
        String newId = changed.substring(changed.indexOf("->") + 2, changed.indexOf('='));
        assertThat(newId).isNotEqualTo(old);
        assertThat(changed).endsWith("=" + newId);
        assertThat(field(after, "id")).isEqualTo(newId);
        assertThat(field(after, "attributes")).isEqualTo("{user=ada}");
    }

    @Test
    @Clause("SESSION-6")
    void attributesKeepTheirJavaTypesAcrossRequests() {
        String[] jar = {newSession()};
        get("probe/set?name=s&type=string&value=text", jar);
        get("probe/set?name=i&type=int&value=42", jar);
        get("probe/set?name=l&type=long&value=9007199254740993", jar);
        get("probe/set?name=d&type=double&value=2.0", jar);
        get("probe/set?name=bd&type=decimal&value=1.50", jar);
        get("probe/set?name=b&type=bool&value=true", jar);
        get("probe/set?name=list&type=list&value=a,b", jar);
        get("probe/set?name=map&type=map&value=k:v", jar);

        assertThat(get("probe/types", jar).body()).isEqualTo("{b=Boolean:true, bd=BigDecimal:1.50, d=Double:2.0, "
                + "i=Integer:42, l=Long:9007199254740993, list=ArrayList:[a, b], map=LinkedHashMap:{k=v}, "
                + "s=String:text}");
    }

    @Test
    @Clause("SESSION-7")
    void unsupportedAttributeType_failsAtSetAttributeNamingAttributeAndType() {
        String body = Http.get(url, "probe/unsupported").body();

        assertThat(body).startsWith("IAE: ").contains("cart").contains("java.lang.StringBuilder")
                .doesNotContain("unsupported-value-never-shown");
    }

    @Test
    @Clause("SESSION-8")
    void listChangedInPlace_isSaved() {
        String[] jar = {newSession()};
        get("probe/set?name=list&type=list&value=a", jar);

        get("probe/append?name=list&value=b", jar);

        assertThat(get("probe/types", jar).body()).isEqualTo("{list=ArrayList:[a, b]}");
    }

    @Test
    @Clause("SESSION-9")
    void attributeBeyondMaxSize_failsAtSetAttributeAndLeavesSessionIntact() {
        String[] jar = {newSession()};
        get("probe/set?name=keep&type=string&value=me", jar);

        String body = get("probe/big?size=5000", jar).body();

        assertThat(body).startsWith("ISE: ").contains("big");
        assertThat(get("probe/types", jar).body()).isEqualTo("{keep=String:me}");
    }

    @Test
    @Clause("SESSION-10")
    void invalidate_expiresTheCookie() {
        String cookie = newSession();

        Http.Response bye = Http.get(url, "probe/invalidate", cookie);

        assertThat(bye.body()).isEqualTo("bye");
        assertThat(SessionCookies.header(bye, "steadfast")).get().asString().startsWith("steadfast=;")
                .contains("Max-Age=0");
    }

    @Test
    @Clause("SESSION-11")
    void maxInactiveInterval_defaultsTo30MinutesAndIsKept() {
        String[] jar = {newSession()};
        String before = get("probe/info", jar).body();

        get("probe/max?seconds=120", jar);

        assertThat(field(before, "max")).isEqualTo("1800");
        assertThat(field(get("probe/info", jar).body(), "max")).isEqualTo("120");
        assertThat(Jws.parse(SessionCookies.value(jar[0])).payloadJson().get("mii"))
                .hasToString("120");
    }

    @Test
    @Clause("SESSION-13")
    void requestEndingInException_leavesTheCookieAsItWas() {
        String[] jar = {newSession()};

        Http.Response failed = get("probe/throw", jar);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(SessionCookies.issued(failed)).isEmpty();
        assertThat(get("probe/types", jar).body()).isEqualTo("{}");
    }

    @Test
    @Clause("SESSION-20")
    void valueAddedAfterSetAttributeThatCannotBeStored_failsCleanlyAndKeepsTheCookie() {
        String[] jar = {newSession()};
        get("probe/set?name=keep&type=string&value=me", jar);
        String before = jar[0];

        Http.Response failed = get("probe/unstorable", jar);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.setCookies()).noneMatch(h -> h.startsWith("steadfast="));
        assertThat(failed.body()).doesNotContain("rendered").doesNotContain("view-state-never-shown")
                .doesNotContain("Exception").doesNotContain("dev.steadfast");
        assertThat(jar[0]).isEqualTo(before);
        assertThat(get("probe/types", jar).body()).isEqualTo("{keep=String:me}");
    }

    @Test
    @Clause("SESSION-14")
    @Clause("SESSION-17")
    void unchangedFreshSession_isNotReissued() {
        String cookie = newSession();

        Http.Response read = Http.get(url, "probe/info", cookie);

        assertThat(read.setCookies()).noneMatch(h -> h.startsWith("steadfast="));
    }

    @Test
    @Clause("SESSION-17")
    void unchangedSessionOlderThanRenewAfter_isReissuedWithNewIssueTime() {
        long now = System.currentTimeMillis() / 1000;
        // Default idle timeout 30 min, so default renew-after is 3 min: a cookie issued 10 min ago is renewed.
        String old = "steadfast=" + Jws.forge("k1", KEY, "/" + PROBE, now - 600, now - 600, 1800,
                "{\"who\":\"ada\"}");

        Http.Response read = Http.get(url, "probe/types", old);

        assertThat(read.body()).isEqualTo("{who=String:ada}");
        String renewed = SessionCookies.issued(read).orElseThrow();
        long iat = ((Number) Jws.parse(SessionCookies.value(renewed)).payloadJson().get("iat")).longValue();
        assertThat(iat).isGreaterThanOrEqualTo(now);
    }

    @Test
    @Clause("SESSION-18")
    @Clause("SESSION-19")
    void idleOrAbsolutelyExpiredCookie_startsNoSession() {
        long now = System.currentTimeMillis() / 1000;
        String idle = "steadfast=" + Jws.forge("k1", KEY, "/" + PROBE, now - 3600, now - 3600, 1800, "{}");
        String absolute = "steadfast=" + Jws.sign("HmacSHA256", KEY, Jws.header("HS256", "k1"),
                Jws.claims("/" + PROBE, "sid-absolute", now - 60, now + 600, now - 13 * 3600, 0, "{}"));

        assertThat(Http.get(url, "probe/info", idle).body()).isEqualTo("none; requested=null");
        assertThat(Http.get(url, "probe/info", absolute).body()).isEqualTo("none; requested=null");
    }

    @Test
    @Clause("COMMIT-1")
    @Clause("COMMIT-2")
    @Clause("COMMIT-3")
    @Clause("COMMIT-4")
    @Clause("COMMIT-6")
    void cookieIsWrittenHoweverTheResponseCommits() {
        Map<String, String> reached = new LinkedHashMap<>();
        for (String path : new String[] {"flush", "buffer", "length", "redirect", "error", "reset", "async"}) {
            Http.Response r = Http.get(url, "probe/commit/" + path);
            String cookie = SessionCookies.issued(r).orElse(null);
            reached.put(path, cookie == null ? "no cookie (status " + r.status() + ")"
                    : Http.get(url, "probe/types", cookie).body());
        }

        assertThat(reached).containsExactly(
                Map.entry("flush", "{path=String:flush}"),
                Map.entry("buffer", "{path=String:buffer}"),
                Map.entry("length", "{path=String:length}"),
                Map.entry("redirect", "{path=String:redirect}"),
                Map.entry("error", "{path=String:error}"),
                Map.entry("reset", "{path=String:reset}"),
                Map.entry("async", "{path=String:async}"));
    }

    @Test
    @Clause("COMMIT-5")
    void changeAfterCommitInProduction_doesNotFailTheRequestAndIsLogged() {
        var log = ServerLog.current();
        var mark = log.map(ServerLog::mark);

        Http.Response r = Http.get(url, "probe/late");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("committed late-accepted");
        String cookie = SessionCookies.issued(r).orElseThrow();
        assertThat(Http.get(url, "probe/types", cookie).body()).doesNotContain("late");
        log.ifPresent(l -> assertThat(l.awaitSince(mark.get(), "STEADFAST-3002")).contains("STEADFAST-3002")
                .doesNotContain("too-late"));
    }
}
