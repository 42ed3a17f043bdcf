package dev.steadfast.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.steadfast.SteadfastProperties;

/**
 * One key of a {@link KeyRing}: an id (the JWS {@code kid}), the algorithm it is pinned to, its secret and optional
 * lifecycle dates.
 *
 * <p>The dates are metadata beside the key, not part of it: {@code createdAt} feeds age warnings, {@code retireAt}
 * is the instant after which the key no longer verifies.
 */
public final class SigningKey {

    private static final Pattern KEY_ID = Pattern.compile(SteadfastProperties.KEY_ID_PATTERN);
    private static final byte[] FINGERPRINT_LABEL = "steadfast key fingerprint v1".getBytes(StandardCharsets.UTF_8);

    private final String id;
    private final Algorithm algorithm;
    private final SecretBytes secret;
    private final Instant createdAt;
    private final Instant retireAt;
    private final String fingerprint;

    private SigningKey(String id, Algorithm algorithm, SecretBytes secret, Instant createdAt, Instant retireAt) {
        this.id = id;
        this.algorithm = algorithm;
        this.secret = secret;
        this.createdAt = createdAt;
        this.retireAt = retireAt;
        this.fingerprint = fingerprintOf(secret);
    }

    /**
     * @param id        the key id, matching {@link SteadfastProperties#KEY_ID_PATTERN}
     * @param algorithm the algorithm this key signs and verifies with
     * @param secret    the key material
     * @return a key without lifecycle dates
     * @throws IllegalArgumentException when the id does not match the pattern
     */
    public static SigningKey of(String id, Algorithm algorithm, SecretBytes secret) {
        return of(id, algorithm, secret, null, null);
    }

    /**
     * @param id        the key id, matching {@link SteadfastProperties#KEY_ID_PATTERN}
     * @param algorithm the algorithm this key signs and verifies with
     * @param secret    the key material
     * @param createdAt when the key was generated, or {@code null}
     * @param retireAt  when the key stops verifying, or {@code null}
     * @return the key
     * @throws IllegalArgumentException when the id does not match the pattern
     */
    public static SigningKey of(String id, Algorithm algorithm, SecretBytes secret, Instant createdAt,
                                Instant retireAt) {
        Objects.requireNonNull(id, "id");
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid key id '" + id + "'; must match "
                    + SteadfastProperties.KEY_ID_PATTERN);
        }
        return new SigningKey(id, Objects.requireNonNull(algorithm, "algorithm"),
                Objects.requireNonNull(secret, "secret"), createdAt, retireAt);
    }

    /** @return the key id, written as the JWS {@code kid} header */
    public String id() {
        return id;
    }

    /** @return the algorithm this key is pinned to */
    public Algorithm algorithm() {
        return algorithm;
    }

    /** @return the key material */
    public SecretBytes secret() {
        return secret;
    }

    /** @return when the key was generated, if configured */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /** @return when the key stops verifying, if configured */
    public Optional<Instant> retireAt() {
        return Optional.ofNullable(retireAt);
    }

    /**
     * @param now the current time
     * @return whether {@code retireAt} is set and not after {@code now}
     */
    public boolean isRetiredAt(Instant now) {
        return retireAt != null && !retireAt.isAfter(now);
    }

    /**
     * A non-reversible identifier of the key material, safe for logs: the first 8 bytes, in hex, of an HMAC-SHA256
     * keyed with the secret over a fixed label. Two instances with equal fingerprints hold the same secret.
     *
     * @return 16 lower-case hex digits
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * @return id, algorithm, fingerprint and dates; never the secret
     */
    @Override
    public String toString() {
        return "SigningKey[id=" + id + ", algorithm=" + algorithm + ", fingerprint=" + fingerprint
                + (createdAt != null ? ", createdAt=" + createdAt : "")
                + (retireAt != null ? ", retireAt=" + retireAt : "") + "]";
    }

    private static String fingerprintOf(SecretBytes secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = secret.toByteArray();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            java.util.Arrays.fill(key, (byte) 0);
            byte[] tag = mac.doFinal(FINGERPRINT_LABEL);
            return HexFormat.of().formatHex(tag, 0, 8);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory on every Java platform.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
