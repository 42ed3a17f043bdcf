package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.testsupport.Secrets;

import jakarta.servlet.http.HttpSession;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * A session the request left as the cookie brought it is not written back (renew-after has not passed); any change
 * that alters its encoding is, including lists and maps changed in place after getAttribute handed them out.
 */
class ChangeDetectionTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.of("k1", Algorithm.HS256,
            SecretBytes.fromUtf8(Secrets.register("Hq3vT2xK9pLr4WsN8cYd3FhJ6gZa1uEb5oRi0VnXp9c")));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwsSessionCodec codec = new JwsSessionCodec(KeyRing.of(KEY),
            CodecOptions.builder("/app").clock(clock).build());

    @Test
    void shouldNotWrite_whenTheRequestLeavesTheSessionAsItCame() {
        assertThat(writes(s -> { })).isFalse();
        assertThat(writes(s -> s.getAttribute("cart"))).isFalse();
        assertThat(writes(s -> ((List<?>) s.getAttribute("cart")).size())).isFalse();
        assertThat(writes(s -> s.setAttribute("count", 7))).isFalse();
        assertThat(writes(s -> s.setAttribute("cart", List.of(line("SKU-1", 2))))).isFalse();
        assertThat(writes(s -> {
            Object user = s.getAttribute("user");
            s.removeAttribute("user");
            s.setAttribute("user", user);
        })).isFalse();
        assertThat(writes(s -> {
            s.setAttribute("extra", "x");
            s.removeAttribute("extra");
        })).isFalse();
    }

    @Test
    void shouldWrite_whenTheEncodingChanges() {
        assertThat(writes(s -> s.setAttribute("count", 8))).isTrue();
        assertThat(writes(s -> s.setAttribute("count", 7L))).isTrue();
        assertThat(writes(s -> s.removeAttribute("user"))).isTrue();
        assertThat(writes(s -> s.setAttribute("extra", "x"))).isTrue();
        assertThat(writes(s -> cart(s).add("more"))).isTrue();
        assertThat(writes(s -> line(s).put("qty", 3))).isTrue();
        assertThat(writes(s -> line(s).put("price", new BigDecimal("19.9")))).isTrue();
        assertThat(writes(s -> {
            List<Object> cart = cart(s);
            cart.clear();
            s.setAttribute("cart", cart);
        })).isTrue();
        assertThat(writes(s -> {
            List<Object> cart = cart(s);
            s.removeAttribute("cart");
            s.setAttribute("copy", cart);
            cart.add("changed after it was handed out");
        })).isTrue();
        assertThat(writes(s -> s.setMaxInactiveInterval(60))).isTrue();
    }

    /** @return whether the request that ran {@code action} on the loaded session wrote a cookie */
    private boolean writes(Consumer<HttpSession> action) {
        SessionRuntime runtime = SessionFixtures.runtime(codec, clock, Duration.ofMinutes(5), 3800);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("user", "alice");
        attributes.put("count", 7);
        attributes.put("cart", List.of(line("SKU-1", 2)));
        String cookie = codec.encode(SessionData.builder().id("sid-change-000000000000").creationTime(NOW)
                .lastAccessedTime(NOW).maxInactiveInterval(Duration.ofMinutes(30)).attributes(attributes).build());

        RequestSessionState request = SessionFixtures.request(runtime, "steadfast=" + cookie);
        action.accept(request.get(false));
        return !SessionFixtures.commit(request).isEmpty();
    }

    private static Map<String, Object> line(String sku, int qty) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("qty", qty);
        line.put("price", new BigDecimal("19.90"));
        return line;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> cart(HttpSession session) {
        return (List<Object>) session.getAttribute("cart");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(HttpSession session) {
        return (Map<String, Object>) cart(session).get(0);
    }
}
