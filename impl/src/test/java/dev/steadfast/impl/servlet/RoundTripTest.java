package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.http.HttpSession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A session survives round trips through the cookie, with its attribute types. */
class RoundTripTest {

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .servlet("/count", (req, res) -> {
                HttpSession session = req.getSession();
                Object before = session.getAttribute("count");
                int next = before == null ? 1 : (Integer) before + 1;
                session.setAttribute("count", next);
                res.getWriter().print(next + ":" + (before == null ? "none" : before.getClass().getSimpleName()));
            })
            .servlet("/types/set", (req, res) -> {
                HttpSession session = req.getSession();
                session.setAttribute("int", 7);
                session.setAttribute("long", 7L);
                session.setAttribute("double", 7.0);
                session.setAttribute("decimal", new BigDecimal("7.50"));
                session.setAttribute("list", new ArrayList<>(List.of("a", 1, 2L)));
                Map<String, Object> inner = new LinkedHashMap<>();
                inner.put("price", new BigDecimal("0.10"));
                inner.put("tags", new ArrayList<>(List.of(true, 2.5)));
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put("inner", inner);
                nested.put("$odd", 1L);
                session.setAttribute("nested", nested);
                res.getWriter().print("set");
            })
            .servlet("/types/get", (req, res) -> {
                HttpSession session = req.getSession(false);
                StringBuilder out = new StringBuilder();
                for (String name : List.of("int", "long", "double", "decimal", "list", "nested")) {
                    out.append(name).append('=').append(describe(session.getAttribute(name))).append('\n');
                }
                res.getWriter().print(out);
            })
            .servlet("/list/add", (req, res) -> {
                HttpSession session = req.getSession();
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) session.getAttribute("list");
                if (list == null) {
                    list = new ArrayList<>();
                    session.setAttribute("list", list);
                }
                // In place, after setAttribute and without calling it again.
                list.add(req.getParameter("v"));
                res.getWriter().print(list);
            })
            .servlet("/unsupported", (req, res) -> {
                try {
                    req.getSession().setAttribute("when", new java.util.Date(0));
                    res.getWriter().print("stored");
                } catch (IllegalArgumentException e) {
                    res.getWriter().print("IAE: " + e.getMessage());
                }
            })
            .build();

    /** Class and value of every element, recursively, so that a Long read back as Integer shows. */
    static String describe(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("List[");
            list.forEach(v -> sb.append(describe(v)).append(','));
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("Map{");
            map.forEach((k, v) -> sb.append(k).append(':').append(describe(v)).append(','));
            return sb.append('}').toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + "(" + value + ")";
    }

    @Test
    void shouldCountAcrossRequests_whenCookieIsSentBack() {
        Reply first = APP.get("/count");
        Reply second = APP.get("/count", first.sessionCookie());
        Reply third = APP.get("/count", second.sessionCookie());

        assertThat(List.of(first.status(), second.status(), third.status())).containsOnly(200);
        assertThat(first.body()).isEqualTo("1:none");
        assertThat(second.body()).isEqualTo("2:Integer");
        assertThat(third.body()).isEqualTo("3:Integer");
    }

    @Test
    void shouldSetCookieWithPathHttpOnlyAndLax_whenSecureIsOff() {
        Reply reply = APP.get("/count");

        assertThat(reply.sessionSetCookie()).hasValueSatisfying(header -> {
            assertThat(header).startsWith("steadfast=").contains("; Path=/app").contains("; HttpOnly")
                    .contains("; SameSite=Lax").doesNotContainIgnoringCase("secure").doesNotContain("Max-Age");
        });
    }

    @Test
    void shouldNeverSetJsessionid_whenSessionsAreUsed() {
        Reply first = APP.get("/count");
        Reply second = APP.get("/count", first.sessionCookie());

        assertThat(first.setCookies()).hasSize(1).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(second.setCookies()).hasSize(1).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(APP.containerSessions()).isZero();
    }

    @Test
    void shouldKeepEachAttributeType_whenReadInNextRequest() {
        Reply set = APP.get("/types/set");
        Reply get = APP.get("/types/get", set.sessionCookie());

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("""
                int=Integer(7)
                long=Long(7)
                double=Double(7.0)
                decimal=BigDecimal(7.50)
                list=List[String(a),Integer(1),Long(2),]
                nested=Map{inner:Map{price:BigDecimal(0.10),tags:List[Boolean(true),Double(2.5),],},$odd:Long(1),}
                """);
    }

    @Test
    void shouldPersistListChangedInPlace_whenSetAttributeIsNotCalledAgain() {
        Reply first = APP.get("/list/add?v=a");
        Reply second = APP.get("/list/add?v=b", first.sessionCookie());
        Reply third = APP.get("/list/add?v=c", second.sessionCookie());

        assertThat(first.body()).isEqualTo("[a]");
        assertThat(second.body()).isEqualTo("[a, b]");
        assertThat(third.body()).isEqualTo("[a, b, c]");
    }

    @Test
    void shouldRefuseAttribute_whenTypeIsUnsupported() {
        Reply reply = APP.get("/unsupported");

        assertThat(reply.body()).startsWith("IAE: ").contains("'when'").contains("java.util.Date");
    }
}
