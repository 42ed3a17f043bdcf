package dev.steadfast.keys;

import java.util.Locale;

/**
 * The HMAC algorithms a key may use, named as in JSON Web Algorithms (RFC 7518 §3.2).
 *
 * <p>The algorithm belongs to the key. An incoming token's {@code alg} header must equal its key's algorithm; it
 * never chooses one.
 */
public enum Algorithm {
    /** HMAC with SHA-256. */
    HS256("HmacSHA256", 256),
    /** HMAC with SHA-384. */
    HS384("HmacSHA384", 384),
    /** HMAC with SHA-512. */
    HS512("HmacSHA512", 512);

    private final String jcaName;
    private final int macBits;

    Algorithm(String jcaName, int macBits) {
        this.jcaName = jcaName;
        this.macBits = macBits;
    }

    /**
     * @return the {@link javax.crypto.Mac} algorithm name, e.g. {@code HmacSHA256}
     */
    public String jcaName() {
        return jcaName;
    }

    /**
     * @return the MAC size in bits, which is also the minimum secret strength the policy requires
     */
    public int macBits() {
        return macBits;
    }

    /**
     * Parses a configured algorithm name, case-insensitively.
     *
     * @param value {@code HS256}, {@code HS384} or {@code HS512}
     * @return the algorithm
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static Algorithm parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (Algorithm a : values()) {
            if (a.name().equals(v)) {
                return a;
            }
        }
        // The value is not quoted: a caller may log the message, and a value put in the wrong property may be a
        // secret.
        throw new IllegalArgumentException("Unknown algorithm; expected HS256, HS384 or HS512");
    }
}
