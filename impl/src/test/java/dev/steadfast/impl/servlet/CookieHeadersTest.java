package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where the session filter takes the Cookie header fields from. */
class CookieHeadersTest {

    private static HttpServletRequest request(List<String> fields, Cookie[] cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(CookieHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> "Cookie".equals(args[0]) && fields != null
                            ? Collections.enumeration(fields) : null;
                    case "getCookies" -> cookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void shouldTakeEveryCookieField_inOrder() {
        assertThat(SessionFilter.cookieHeaders(request(List.of("a=1; steadfast=x", "steadfast=y"), null)))
                .containsExactly("a=1; steadfast=x", "steadfast=y");
    }

    @Test
    void shouldFallBackToParsedCookies_whenTheContainerHidesHeaders() {
        Cookie[] cookies = {new Cookie("a", "1"), new Cookie("steadfast", "x")};

        assertThat(SessionFilter.cookieHeaders(request(null, cookies))).containsExactly("a=1; steadfast=x");
        assertThat(SessionFilter.cookieHeaders(request(null, null))).isEmpty();
    }
}
