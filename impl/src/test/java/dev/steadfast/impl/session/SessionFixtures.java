package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.Mode;
import dev.steadfast.impl.codec.JwsSessionCodec;

import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The session machinery of an application at "/app", and a response that records the cookies a commit writes. */
final class SessionFixtures {

    private SessionFixtures() {
    }

    /**
     * @param codec      the codec, whose options decide audience "/app", clock and limits
     * @param clock      the application's clock
     * @param renewAfter {@code steadfast.session.renew-after}
     * @param maxSize    {@code steadfast.session.max-size}
     * @return a runtime with a 30-minute idle timeout, 12-hour absolute timeout and 30-second clock leeway
     */
    static SessionRuntime runtime(JwsSessionCodec codec, Clock clock, Duration renewAfter, int maxSize) {
        SessionSettings settings = new SessionSettings("/app", Duration.ofMinutes(30), Duration.ofHours(12),
                Duration.ofSeconds(30), renewAfter, maxSize, false,
                new CookieSettings("steadfast", "/app", null, false, true, "Lax", -1));
        return new SessionRuntime(settings, codec, Mode.PRODUCTION, clock, new RejectionLog("/app", clock), null);
    }

    /**
     * @param runtime the application's runtime
     * @param cookies the request's {@code Cookie} headers
     * @return the request's session state
     */
    static RequestSessionState request(SessionRuntime runtime, String... cookies) {
        return new RequestSessionState(runtime, new LateChanges("/app", Mode.PRODUCTION),
                new UnstorableAttributes("/app"), List.of(cookies));
    }

    /**
     * @param request a request's session state
     * @return the {@code Set-Cookie} headers its commit writes (the commit must succeed)
     */
    static List<String> commit(RequestSessionState request) {
        List<String> headers = new ArrayList<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SessionFixtures.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        headers.add((String) args[1]);
                    }
                    return null;
                });
        assertThat(request.commit(response)).isTrue();
        return headers;
    }
}
