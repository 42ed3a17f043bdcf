package dev.steadfast.impl.session;

import jakarta.servlet.http.Cookie;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splitting a session over several cookies ({@code name}, {@code nameC1}, {@code nameC2}...) and joining it back.
 * Browsers keep each cookie under about 4 KB, so a larger session needs several.
 */
final class CookieChunks {

    /** Characters per cookie value: one cookie stays under browsers' 4096-byte limit with its attributes. */
    static final int CHUNK_SIZE = 3800;

    private CookieChunks() {
    }

    /**
     * @param base  the session cookie's name
     * @param index 0 for the first chunk
     * @return the cookie name of that chunk
     */
    static String name(String base, int index) {
        return index == 0 ? base : base + "C" + index;
    }

    /**
     * What the request carried under the session's name.
     *
     * @param candidates values to try in order; the first that verifies wins
     * @param chunks     how many chunk cookies ({@code nameC1}...) came, so stale ones can be expired
     */
    record Incoming(List<String> candidates, int chunks) {
    }

    /**
     * @param cookies  the request's cookies, or null
     * @param base     the session cookie's name
     * @param chunking whether sessions may span several cookies
     * @return the candidate values
     */
    static Incoming read(Cookie[] cookies, String base, boolean chunking) {
        List<String> candidates = new ArrayList<>(1);
        if (cookies == null) {
            return new Incoming(candidates, 0);
        }
        if (!chunking) {
            for (Cookie c : cookies) {
                if (base.equals(c.getName())) {
                    candidates.add(unquoted(c.getValue()));
                }
            }
            return new Incoming(candidates, 0);
        }
        // With chunks, duplicates cannot be paired reliably: the first cookie of each name counts.
        Map<String, String> first = new HashMap<>();
        for (Cookie c : cookies) {
            if (c.getName().startsWith(base)) {
                first.putIfAbsent(c.getName(), unquoted(c.getValue()));
            }
        }
        int chunks = 0;
        while (first.containsKey(name(base, chunks + 1))) {
            chunks++;
        }
        String head = first.get(base);
        if (head != null) {
            StringBuilder joined = new StringBuilder(head);
            for (int i = 1; i <= chunks; i++) {
                joined.append(first.get(name(base, i)));
            }
            candidates.add(joined.toString());
        }
        return new Incoming(candidates, chunks);
    }

    /**
     * A value a client sent in RFC 6265 quotes ({@code name="value"}), without them. Tomcat 10.1 removes the quotes
     * before the application sees the value; Tomcat 11 (Servlet 6.1) keeps them as part of it. Steadfast never
     * quotes its cookies (COOKIE-6), so the quotes can only come from a client or proxy, and a session must not
     * depend on which container parsed them. The MAC still covers everything between the quotes.
     */
    static String unquoted(String value) {
        return value != null && value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"'
                ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * @param value an encoded session
     * @return its chunks, in order; one when it fits a single cookie
     */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>(value.length() / CHUNK_SIZE + 1);
        for (int i = 0; i < value.length(); i += CHUNK_SIZE) {
            parts.add(value.substring(i, Math.min(value.length(), i + CHUNK_SIZE)));
        }
        return parts;
    }
}
