package dev.steadfast.impl.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads cookie-pairs ({@code name=value}) out of raw {@code Cookie} request headers, by the grammar of RFC 6265
 * section 4.2.1, keeping every pair in header order.
 *
 * <p>Steadfast does not use {@code HttpServletRequest.getCookies()} for its own cookies: Undertow (WildFly) keeps one
 * cookie per name there, so a stale or forged cookie sent before the real one hid the session. Parsing the header
 * here gives the same answer on every container.
 *
 * <p>Strict per pair, tolerant per header: a pair whose name is not a token or whose value holds anything but
 * cookie-octets (optionally inside one pair of double quotes, which are removed) is skipped, and the pairs around it
 * still count, because other applications on the same host may set cookies that do not follow the RFC. Whitespace
 * (SP, HTAB) is allowed around pairs only, not inside them or around {@code =}.
 *
 * <p>Bounded: one pass over at most {@value #MAX_PAIRS} pairs in all headers together, at most {@value #MAX_MATCHES}
 * pairs returned, no regular expressions and no exceptions for any input.
 */
public final class CookieHeader {

    /** Pairs examined per request, counting empty and malformed ones; the rest of the headers is ignored. */
    public static final int MAX_PAIRS = 200;

    /** Matching pairs returned per request: each may cost a signature check. */
    public static final int MAX_MATCHES = 16;

    /**
     * A cookie-pair as the client sent it.
     *
     * @param name  the cookie name
     * @param value the value, without surrounding double quotes
     */
    public record Pair(String name, String value) {

        /** Never shows the value: a session cookie value is a bearer credential. */
        @Override
        public String toString() {
            return "Pair[" + name + ", " + value.length() + " characters]";
        }
    }

    private CookieHeader() {
    }

    /**
     * @param headers the values of every {@code Cookie} header of the request, in order; null elements are skipped
     * @param wanted  which cookie names to keep
     * @return the well-formed pairs with a wanted name, in the order they were sent; never null
     */
    public static List<Pair> parse(Iterable<String> headers, Predicate<String> wanted) {
        if (headers == null) {
            return Collections.emptyList();
        }
        List<Pair> out = new ArrayList<>(2);
        int[] budget = {MAX_PAIRS};
        for (String header : headers) {
            if (header != null && !scan(header, wanted, out, budget)) {
                break;
            }
        }
        return out;
    }

    /** @return false once the pair budget or the match limit is used up */
    private static boolean scan(String header, Predicate<String> wanted, List<Pair> out, int[] budget) {
        int length = header.length();
        int start = 0;
        while (start <= length) {
            if (budget[0]-- <= 0) {
                return false;
            }
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            Pair pair = pair(header, start, end, wanted);
            if (pair != null) {
                out.add(pair);
                if (out.size() >= MAX_MATCHES) {
                    return false;
                }
            }
            start = end + 1;
        }
        return true;
    }

    /** @return the pair in {@code header[from, to)}, or null when it is empty, malformed or not wanted */
    private static Pair pair(String header, int from, int to, Predicate<String> wanted) {
        while (from < to && isWhitespace(header.charAt(from))) {
            from++;
        }
        while (to > from && isWhitespace(header.charAt(to - 1))) {
            to--;
        }
        // The name ends at the first '='; any other separator before it makes the pair malformed.
        int equals = from;
        while (equals < to && isTokenChar(header.charAt(equals))) {
            equals++;
        }
        if (equals == from || equals == to || header.charAt(equals) != '=') {
            return null;
        }
        String name = header.substring(from, equals);
        if (!wanted.test(name)) {
            return null;
        }
        int valueFrom = equals + 1;
        int valueTo = to;
        if (valueTo - valueFrom >= 2 && header.charAt(valueFrom) == '"' && header.charAt(valueTo - 1) == '"') {
            valueFrom++;
            valueTo--;
        }
        for (int i = valueFrom; i < valueTo; i++) {
            if (!isCookieOctet(header.charAt(i))) {
                return null;
            }
        }
        return new Pair(name, header.substring(valueFrom, valueTo));
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    // RFC 6265 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E (no CTLs, whitespace, DQUOTE, comma,
    // semicolon or backslash; nothing outside US-ASCII). A table: every character of every session cookie passes here.
    private static final boolean[] COOKIE_OCTETS = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            COOKIE_OCTETS[c] = c == 0x21 || c >= 0x23 && c <= 0x2B || c >= 0x2D && c <= 0x3A || c >= 0x3C && c <= 0x5B
                    || c >= 0x5D && c <= 0x7E;
        }
    }

    static boolean isCookieOctet(char c) {
        return c < 0x80 && COOKIE_OCTETS[c];
    }

    // RFC 2616 token: any CHAR except CTLs or separators.
    static boolean isTokenChar(char c) {
        if (c <= 0x20 || c >= 0x7F) {
            return false;
        }
        switch (c) {
            case '(', ')', '<', '>', '@', ',', ';', ':', '\\', '"', '/', '[', ']', '?', '=', '{', '}':
                return false;
            default:
                return true;
        }
    }
}
