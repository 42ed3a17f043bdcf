package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.apache.tomcat.util.http.ServerCookie;
import org.apache.tomcat.util.http.ServerCookies;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.steadfast.Mode;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.impl.session.CookieSettings;
import dev.steadfast.impl.session.LateChanges;
import dev.steadfast.impl.session.RejectionLog;
import dev.steadfast.impl.session.RequestSession;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.impl.session.SessionSettings;

/**
 * Fuzz target (a): a whole {@code Cookie} request header, parsed by Tomcat's RFC 6265 cookie processor the way the
 * session filter receives it ({@code request.getCookies()}), then handed to {@link RequestSession} and to the
 * codec. Invariants: nothing throws (the codec's last-resort catch is bypassed), a session is accepted only from a
 * value this test minted itself (anything else would be a forgery), and a request without an accepted session
 * writes no cookie.
 *
 * <p>Regression inputs: {@code src/test/resources/dev/steadfast/impl/codec/CookieHeaderFuzzTestInputs/cookieHeader/}.
 * Fuzzing: see docs/security.md.
 */
class CookieHeaderFuzzTest {

    private static final JwsSessionCodec CODEC = FuzzSeeds.codec();
    static final SessionRuntime RUNTIME = new SessionRuntime(
            new SessionSettings(Fixtures.AUDIENCE, Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(30),
                    Duration.ofMinutes(3), 3800, false,
                    new CookieSettings(FuzzSeeds.COOKIE, Fixtures.AUDIENCE, null, false, true, "Lax", -1)),
            CODEC, Mode.PRODUCTION, Fixtures.CLOCK, new RejectionLog(Fixtures.AUDIENCE, Fixtures.CLOCK), null);
    private static final LateChanges LATE = new LateChanges(Fixtures.AUDIENCE, Mode.PRODUCTION);
    private static final Rfc6265CookieProcessor PROCESSOR = new Rfc6265CookieProcessor();

    @FuzzTest(maxDuration = "15m", maxExecutions = 10_000_000)
    void cookieHeader(byte[] header) {
        Cookie[] cookies = parse(header);
        if (cookies == null) {
            // More cookies than the container allows: Tomcat refuses the request before any application code.
            return;
        }
        for (Cookie cookie : cookies) {
            DecodeResult result = CODEC.decodeUnguarded(cookie.getValue());
            assertThat(result).isNotNull();
            if (result instanceof DecodeResult.Valid) {
                assertThat(FuzzSeeds.MINTED).as("a session accepted from a value this test did not sign")
                        .contains(cookie.getValue());
            }
        }
        RequestSession session = new RequestSession(RUNTIME, LATE, cookies);
        boolean verified = session.verified();
        if (verified) {
            assertThat(session.get(false)).isNotNull();
        } else {
            assertThat(session.get(false)).isNull();
        }
        List<String> setCookies = new ArrayList<>();
        assertThat(session.commit(response(setCookies))).isTrue();
        if (!verified) {
            assertThat(setCookies).as("a request without an accepted session must not get a cookie").isEmpty();
        }
    }

    /**
     * What Tomcat's {@code Request.getCookies()} returns for this header: parsed, invalid names dropped; null when
     * the header holds more than the connector's {@code maxCookieCount} (200) cookies, which Tomcat refuses.
     */
    static Cookie[] parse(byte[] header) {
        MimeHeaders headers = new MimeHeaders();
        headers.addValue("Cookie").setBytes(header, 0, header.length);
        ServerCookies parsed = new ServerCookies(4);
        parsed.setLimit(200);
        try {
            PROCESSOR.parseCookieHeader(headers, parsed);
        } catch (IllegalArgumentException tooMany) {
            return null;
        }
        List<Cookie> cookies = new ArrayList<>();
        for (int i = 0; i < parsed.getCookieCount(); i++) {
            ServerCookie sc = parsed.getCookie(i);
            try {
                Cookie cookie = new Cookie(sc.getName().toString(), null);
                sc.getValue().getByteChunk().setCharset(StandardCharsets.UTF_8);
                cookie.setValue(sc.getValue().toString());
                cookies.add(cookie);
            } catch (IllegalArgumentException e) {
                // Tomcat ignores a cookie whose name the Servlet API refuses.
            }
        }
        return cookies.toArray(new Cookie[0]);
    }

    static HttpServletResponse response(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(CookieHeaderFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                    }
                    return method.getReturnType() == boolean.class ? false : null;
                });
    }
}
