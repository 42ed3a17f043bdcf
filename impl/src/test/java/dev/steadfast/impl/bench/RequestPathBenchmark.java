package dev.steadfast.impl.bench;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.impl.session.CookieSettings;
import dev.steadfast.impl.session.LateChanges;
import dev.steadfast.impl.session.RejectionLog;
import dev.steadfast.impl.session.RequestSessionState;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.impl.session.SessionSettings;
import dev.steadfast.impl.session.UnstorableAttributes;

/**
 * Steadfast's share of one request of the end-to-end benchmark's servlet, without HTTP: the cookie in, the session
 * read, two attributes set (a counter and a timestamp), the new cookie out. The session is the codec benchmark's
 * (about 1 KB of attributes), and each operation carries the previous one's cookie, as a user's next request would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestPathBenchmark {

    private static final String SECRET = "4e1b7c0a9d3f6e2b5a8c1d4f7e0b3a6c9f2e5d8b1a4c7f0e3d6b9a2c5f8e1d4b";
    private static final String COOKIE = "steadfast";

    private SessionRuntime runtime;
    private LateChanges late;
    private UnstorableAttributes unstorable;
    private HttpServletResponse response;
    private String setCookie;
    private String cookie;

    @Setup
    public void setUp() {
        SigningKey key = SigningKey.of("k1", Algorithm.HS256,
                SecretBytes.copyOf(SECRET.getBytes(StandardCharsets.UTF_8)));
        Clock clock = Clock.fixed(CodecBenchmark.NOW, ZoneOffset.UTC);
        JwsSessionCodec codec = new JwsSessionCodec(KeyRing.of(key),
                CodecOptions.builder("/shop").clock(clock).build());
        SessionSettings settings = new SessionSettings("/shop", Duration.ofMinutes(30), Duration.ofHours(12),
                Duration.ofSeconds(30), Duration.ofMinutes(3), 3800, false,
                new CookieSettings(COOKIE, "/shop", null, false, true, "Lax", -1));
        runtime = new SessionRuntime(settings, codec, dev.steadfast.Mode.PRODUCTION, clock,
                new RejectionLog("/shop", clock), null);
        late = new LateChanges("/shop", dev.steadfast.Mode.PRODUCTION);
        unstorable = new UnstorableAttributes("/shop");
        // Only addHeader is called on the response by a commit.
        response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addHeader")) {
                        setCookie = (String) args[1];
                    }
                    return null;
                });
        cookie = codec.encode(CodecBenchmark.session());
    }

    @Benchmark
    public String request() {
        RequestSessionState request = new RequestSessionState(runtime, late, unstorable, List.of(COOKIE + "=" + cookie));
        HttpSession session = request.get(true);
        int items = ((List<?>) session.getAttribute("cart")).size();
        Integer count = (Integer) session.getAttribute("count");
        session.setAttribute("count", count == null ? items : count + 1);
        session.setAttribute("lastSeen", CodecBenchmark.NOW.toEpochMilli() + items);
        setCookie = null;
        request.commit(response);
        cookie = setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
        return cookie;
    }
}
