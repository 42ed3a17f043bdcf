package dev.steadfast.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The secrets the tests of this JVM generated or use as keys. {@link SecretLeakGuard} fails every test whose log or
 * console output contains one; tests also pass HTTP bodies and child-process output through
 * {@link #assertAbsent(String, String)}.
 *
 * <p>Only values of at least {@value #MIN_LENGTH} characters are registered: shorter ones (placeholders such as
 * {@code changeme} that tests feed on purpose) occur in ordinary text and would make the guard cry wolf.
 */
public final class Secrets {

    /** Shortest value worth registering. */
    public static final int MIN_LENGTH = 16;

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
    /** Length of the prefix secrets are indexed by, so a scan costs one lookup per text position, not per secret. */
    private static final int PREFIX = 8;
    private static final Map<String, Set<String>> BY_PREFIX = new ConcurrentHashMap<>();
    private static final AtomicLong SCANS = new AtomicLong();
    private static final AtomicLong HITS = new AtomicLong();

    private Secrets() {
    }

    /**
     * @param secret a secret value a test generated or configures
     * @return the same value, so that generators can {@code return Secrets.register(...)}
     * @throws IllegalArgumentException when shorter than {@value #MIN_LENGTH} characters
     */
    public static String register(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("Only secrets of at least " + MIN_LENGTH + " characters are registered");
        }
        if (REGISTERED.add(secret)) {
            BY_PREFIX.computeIfAbsent(secret.substring(0, PREFIX), k -> ConcurrentHashMap.newKeySet()).add(secret);
        }
        return secret;
    }

    /** @return how many distinct secrets are registered */
    public static int registered() {
        return REGISTERED.size();
    }

    /** @return how many texts were scanned so far */
    public static long scans() {
        return SCANS.get();
    }

    /** @return how many times a registered secret was found (each failing a test) */
    public static long hits() {
        return HITS.get();
    }

    /**
     * @param text any text
     * @return a description (fingerprint, never the value) of each registered secret the text contains
     */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        Set<String> hits = new java.util.LinkedHashSet<>();
        for (int i = 0; i + MIN_LENGTH <= text.length(); i++) {
            Set<String> candidates = BY_PREFIX.get(text.substring(i, i + PREFIX));
            if (candidates != null) {
                for (String secret : candidates) {
                    if (text.startsWith(secret, i)) {
                        hits.add(secret);
                    }
                }
            }
        }
        for (String secret : hits) {
            found.add("secret " + fingerprint(secret) + " (" + secret.length() + " chars)");
        }
        return found;
    }

    /**
     * Fails when {@code text} contains a registered secret, counting the hit.
     *
     * @param where what the text is, for the failure message (e.g. "response body of GET /count")
     * @param text  the text
     * @throws AssertionError naming the secret's fingerprint, never its value
     */
    public static void assertAbsent(String where, String text) {
        SCANS.incrementAndGet();
        List<String> found = find(text);
        if (!found.isEmpty()) {
            HITS.addAndGet(found.size());
            SecretLeakGuard.writeSummary();
            throw new AssertionError("A registered test secret leaked into " + where + ": " + found);
        }
    }

    /** The guard's own test provokes hits on purpose; they do not count toward a suite's total. */
    static void forgetProvokedHit() {
        HITS.decrementAndGet();
    }

    /** @return the first 12 hex digits of the SHA-256 of the value, to tell secrets apart without showing one */
    static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
