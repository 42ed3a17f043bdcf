package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.SteadfastTomcat.Reply;

import jakarta.servlet.http.HttpSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JSP and a servlet share the session through Steadfast's cookie and get the same types back: an Integer, a List
 * and a Map stored by one are read as Integer, ArrayList and LinkedHashMap, with the same values, by the other on
 * the next request. The JSPs are compiled by Jasper on the embedded Tomcat, as in a WAR.
 */
class JspSessionTypesTest {

    /** Stores the three attributes with a scriptlet, as an old JSP page would. */
    private static final String STORE_JSP = """
            <%@ page contentType="text/plain;charset=UTF-8" trimDirectiveWhitespaces="true"
                     import="java.util.ArrayList,java.util.LinkedHashMap,java.util.List,java.util.Map" %>
            <%
                session.setAttribute("count", Integer.valueOf(41));
                List<Object> list = new ArrayList<>();
                list.add("a");
                list.add(Integer.valueOf(2));
                list.add(Boolean.TRUE);
                session.setAttribute("list", list);
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("x", Integer.valueOf(1));
                map.put("y", "z");
                session.setAttribute("map", map);
            %>
            stored by JSP
            """;

    /** Reads the attributes a servlet stored, with EL only, and prints their classes and values. */
    private static final String READ_JSP = """
            <%@ page contentType="text/plain;charset=UTF-8" trimDirectiveWhitespaces="true" %>
            count=${sessionScope.count.getClass().name}(${sessionScope.count}) plus one=${sessionScope.count + 1}
            list=${sessionScope.list.getClass().name}${sessionScope.list} first=${sessionScope.list[0]} size=${sessionScope.list.size()}
            map=${sessionScope.map.getClass().name}${sessionScope.map} x=${sessionScope.map.x} x class=${sessionScope.map.x.getClass().name}
            """;

    @RegisterExtension
    static final SteadfastTomcat APP = SteadfastTomcat.builder()
            .jsp("/store.jsp", STORE_JSP)
            .jsp("/read.jsp", READ_JSP)
            .servlet("/store", (req, res) -> {
                HttpSession session = req.getSession();
                session.setAttribute("count", 41);
                session.setAttribute("list", new ArrayList<>(List.of("a", 2, true)));
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("x", 1);
                map.put("y", "z");
                session.setAttribute("map", map);
                res.setContentType("text/plain;charset=UTF-8");
                res.getWriter().print("stored by servlet");
            })
            .servlet("/read", (req, res) -> {
                HttpSession session = req.getSession(false);
                res.setContentType("text/plain;charset=UTF-8");
                if (session == null) {
                    res.getWriter().print("no session");
                    return;
                }
                StringBuilder out = new StringBuilder();
                for (String name : List.of("count", "list", "map")) {
                    Object value = session.getAttribute(name);
                    out.append(name).append('=').append(value == null ? "null" : value.getClass().getName())
                            .append(value).append('\n');
                }
                Map<?, ?> map = (Map<?, ?>) session.getAttribute("map");
                out.append("x class=").append(map.get("x").getClass().getName()).append('\n');
                out.append("list[1] class=").append(((List<?>) session.getAttribute("list")).get(1).getClass()
                        .getName()).append('\n');
                res.getWriter().print(out);
            })
            .build();

    @Test
    void shouldReadJspAttributesInServlet_withTheSameTypesAndValues() {
        Reply stored = APP.get("/store.jsp");
        assertOnlySteadfastCookie(stored);
        assertThat(stored.body().strip()).isEqualTo("stored by JSP");

        Reply read = APP.get("/read", stored.sessionCookie());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("""
                count=java.lang.Integer41
                list=java.util.ArrayList[a, 2, true]
                map=java.util.LinkedHashMap{x=1, y=z}
                x class=java.lang.Integer
                list[1] class=java.lang.Integer
                """);
        assertThat(APP.containerSessions()).as("the container never holds a session").isZero();
    }

    @Test
    void shouldReadServletAttributesInJspWithEl_withTheSameTypesAndValues() {
        Reply stored = APP.get("/store");
        assertOnlySteadfastCookie(stored);
        assertThat(stored.body()).isEqualTo("stored by servlet");

        Reply read = APP.get("/read.jsp", stored.sessionCookie());

        assertThat(read.status()).as("body: %s", read.body()).isEqualTo(200);
        assertThat(read.body().strip()).isEqualTo("""
                count=java.lang.Integer(41) plus one=42
                list=java.util.ArrayList[a, 2, true] first=a size=3
                map=java.util.LinkedHashMap{x=1, y=z} x=1 x class=java.lang.Integer""");
        assertThat(APP.containerSessions()).as("the container never holds a session").isZero();
    }

    @Test
    void shouldSeeNoSessionInServlet_whenJspCookieIsNotSentBack() {
        APP.get("/store.jsp");

        assertThat(APP.get("/read").body()).as("the session is the cookie, nothing on the server")
                .isEqualTo("no session");
    }

    /** One Set-Cookie, Steadfast's; no JSESSIONID. The next request then sends that cookie and nothing else. */
    private static void assertOnlySteadfastCookie(Reply reply) {
        assertThat(reply.status()).as("body: %s", reply.body()).isEqualTo(200);
        assertThat(reply.setCookies()).hasSize(1).allMatch(c -> c.startsWith(SteadfastTomcat.COOKIE + "="));
        assertThat(reply.sessionSetCookie()).hasValueSatisfying(c -> assertThat(c).contains("; HttpOnly"));
    }
}
