package dev.steadfast.impl.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

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
     * @param chunks     the indexes of the chunk cookies ({@code nameC1}...) that came, so stale ones can be expired
     */
    record Incoming(List<String> candidates, SortedSet<Integer> chunks) {

        /** Never shows the values: a session cookie value is a bearer credential. */
        @Override
        public String toString() {
            return "Incoming[" + candidates.size() + " candidates, chunks " + chunks + "]";
        }
    }

    /**
     * @param cookieHeaders the values of the request's {@code Cookie} headers, in order
     * @param base          the session cookie's name
     * @param chunking      whether sessions may span several cookies
     * @return the candidate values
     */
    static Incoming read(Iterable<String> cookieHeaders, String base, boolean chunking) {
        List<String> candidates = new ArrayList<>(1);
        if (!chunking) {
            for (CookieHeader.Pair pair : CookieHeader.parse(cookieHeaders, base::equals)) {
                candidates.add(pair.value());
            }
            // Every request without chunking comes through here: no set to allocate.
            return new Incoming(candidates, Collections.emptySortedSet());
        }
        // With chunks, duplicates cannot be paired reliably: the first cookie of each name counts.
        Map<String, String> first = new HashMap<>();
        SortedSet<Integer> chunks = new TreeSet<>();
        for (CookieHeader.Pair pair : CookieHeader.parse(cookieHeaders, n -> n.equals(base) || index(n, base) > 0)) {
            if (first.putIfAbsent(pair.name(), pair.value()) == null && !pair.name().equals(base)) {
                chunks.add(index(pair.name(), base));
            }
        }
        String head = first.get(base);
        if (head != null) {
            // Up to the first missing index: a gap leaves the join short, so it fails to verify (no session).
            StringBuilder joined = new StringBuilder(head);
            for (int i = 1; first.containsKey(name(base, i)); i++) {
                joined.append(first.get(name(base, i)));
            }
            candidates.add(joined.toString());
        }
        return new Incoming(candidates, chunks);
    }

    /**
     * @param cookieName a cookie name
     * @param base       the session cookie's name
     * @return the chunk index {@code i} when the name is {@code base + "C" + i} (i from 1 to 9999, no leading zero),
     *         else -1
     */
    static int index(String cookieName, String base) {
        int digits = cookieName.length() - base.length() - 1;
        if (digits < 1 || digits > 4 || !cookieName.startsWith(base) || cookieName.charAt(base.length()) != 'C'
                || cookieName.charAt(base.length() + 1) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = base.length() + 1; i < cookieName.length(); i++) {
            char c = cookieName.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
