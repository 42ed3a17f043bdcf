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
import dev.steadfast.impl.session.CookieHeader;
import dev.steadfast.impl.session.CookieSettings;
import dev.steadfast.impl.session.LateChanges;
import dev.steadfast.impl.session.RejectionLog;
import dev.steadfast.impl.session.RequestSessionState;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.impl.session.SessionSettings;
import dev.steadfast.impl.session.UnstorableAttributes;

/**
 * Fuzz target (a): a whole {@code Cookie} request header as the session filter receives it
 * ({@code request.getHeaders("Cookie")}), parsed by Steadfast's own {@link CookieHeader} inside
 * {@link RequestSessionState}, and its pairs handed to the codec. Invariants: nothing throws (the codec's last-resort catch is bypassed), a session is accepted only from a
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
    private static final UnstorableAttributes UNSTORABLE = new UnstorableAttributes(Fixtures.AUDIENCE);
    private static final Rfc6265CookieProcessor PROCESSOR = new Rfc6265CookieProcessor();

    @FuzzTest(maxDuration = "3h", maxExecutions = 10_000_000)
    void cookieHeader(byte[] header) {
        // Tomcat and Undertow hand header bytes to getHeaders() as ISO-8859-1 characters.
        List<String> headers = List.of(new String(header, StandardCharsets.ISO_8859_1));
        List<CookieHeader.Pair> pairs = CookieHeader.parse(headers, name -> true);
        assertThat(pairs.size()).isLessThanOrEqualTo(CookieHeader.MAX_MATCHES);
        boolean anyValid = false;
        for (CookieHeader.Pair pair : pairs) {
            DecodeResult result = CODEC.decodeUnguarded(pair.value());
            assertThat(result).isNotNull();
            if (result instanceof DecodeResult.Valid) {
                assertThat(FuzzSeeds.MINTED).as("a session accepted from a value this test did not sign")
                        .contains(pair.value());
                anyValid |= pair.name().equals(FuzzSeeds.COOKIE);
            }
        }
        RequestSessionState session = new RequestSessionState(RUNTIME, LATE, UNSTORABLE, headers);
        boolean verified = session.verified();
        if (verified) {
            assertThat(session.get(false)).isNotNull();
            // Within the first MAX_MATCHES pairs of any name, a verified session must be one of them.
            if (pairs.size() < CookieHeader.MAX_MATCHES) {
                assertThat(anyValid).as("verified without a valid pair of the session's name").isTrue();
            }
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
     * the header holds more than the connector's {@code maxCookieCount} (200) cookies, which Tomcat refuses. The
     * seeds' own check compares it with what Steadfast's parser finds.
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
