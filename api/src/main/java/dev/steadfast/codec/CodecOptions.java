package dev.steadfast.codec;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings a {@link SessionCodec} applies to every session, usually read from configuration
 * ({@code steadfast.session.*}).
 */
public final class CodecOptions {

    /** Default absolute timeout: 12 hours. */
    public static final Duration DEFAULT_ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** Default clock leeway: 30 seconds. */
    public static final Duration DEFAULT_CLOCK_LEEWAY = Duration.ofSeconds(30);
    /** Default maximum encoded size: 3800 characters, one cookie under browsers' 4096-byte limit. */
    public static final int DEFAULT_MAX_SIZE = 3800;
    /** Smallest accepted maximum size. */
    public static final int MIN_MAX_SIZE = 256;
    /** The signed format: a JWS compact serialization (docs/spec.md, CODEC); the default. */
    public static final String FORMAT_JWS = "jws";
    /** The encrypted format: a JWE compact serialization (docs/spec.md, ENC). */
    public static final String FORMAT_JWE = "jwe";
    /** Default format: {@value}. */
    public static final String DEFAULT_FORMAT = FORMAT_JWS;

    private final String audience;
    private final Duration absoluteTimeout;
    private final Duration clockLeeway;
    private final int maxSize;
    private final Clock clock;
    private final String format;

    private CodecOptions(Builder b) {
        this.audience = b.audience;
        this.absoluteTimeout = b.absoluteTimeout;
        this.clockLeeway = b.clockLeeway;
        this.maxSize = b.maxSize;
        this.clock = b.clock;
        this.format = b.format;
    }

    /**
     * @param audience the audience sessions are issued for and must carry, e.g. the context path
     * @return a builder with the defaults above
     */
    public static Builder builder(String audience) {
        return new Builder(audience);
    }

    /** @return the audience ({@code aud}) written and required */
    public String audience() {
        return audience;
    }

    /** @return the longest a session may live from its creation */
    public Duration absoluteTimeout() {
        return absoluteTimeout;
    }

    /** @return leeway applied to every time comparison */
    public Duration clockLeeway() {
        return clockLeeway;
    }

    /** @return maximum encoded size in characters, for both encoding and decoding */
    public int maxSize() {
        return maxSize;
    }

    /** @return the clock used for every time check */
    public Clock clock() {
        return clock;
    }

    /**
     * The format a codec writes. A codec reads both formats, so that switching logs nobody out: a cookie of the other
     * format that verifies under a listed key is accepted and reported for re-issue
     * ({@link DecodeResult.Valid#needsResign()}).
     *
     * @return {@value #FORMAT_JWS} (signed, the default) or {@value #FORMAT_JWE} (encrypted)
     */
    public String format() {
        return format;
    }

    @Override
    public String toString() {
        return "CodecOptions[audience=" + audience + ", absoluteTimeout=" + absoluteTimeout + ", clockLeeway="
                + clockLeeway + ", maxSize=" + maxSize + ", format=" + format + "]";
    }

    /**
     * Builds {@link CodecOptions}; each setter checks its argument and names the bound it breaks.
     */
    public static final class Builder {
        private final String audience;
        private Duration absoluteTimeout = DEFAULT_ABSOLUTE_TIMEOUT;
        private Duration clockLeeway = DEFAULT_CLOCK_LEEWAY;
        private int maxSize = DEFAULT_MAX_SIZE;
        private Clock clock = Clock.systemUTC();
        private String format = DEFAULT_FORMAT;

        private Builder(String audience) {
            Objects.requireNonNull(audience, "audience");
            if (audience.isEmpty()) {
                throw new IllegalArgumentException("audience is empty");
            }
            this.audience = audience;
        }

        /** @param timeout positive @return this */
        public Builder absoluteTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("absolute timeout must be positive: " + timeout);
            }
            this.absoluteTimeout = timeout;
            return this;
        }

        /** @param leeway zero or positive @return this */
        public Builder clockLeeway(Duration leeway) {
            if (leeway.isNegative()) {
                throw new IllegalArgumentException("clock leeway is negative: " + leeway);
            }
            this.clockLeeway = leeway;
            return this;
        }

        /** @param maxSize at least {@value #MIN_MAX_SIZE} characters @return this */
        public Builder maxSize(int maxSize) {
            if (maxSize < MIN_MAX_SIZE) {
                throw new IllegalArgumentException("max size must be at least " + MIN_MAX_SIZE + ": " + maxSize);
            }
            this.maxSize = maxSize;
            return this;
        }

        /** @param clock the time source @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param format {@value #FORMAT_JWS} or {@value #FORMAT_JWE}, in any case
         * @return this
         * @throws IllegalArgumentException for any other value (which the message does not repeat: a value put in
         *                                  the wrong property may be a secret)
         */
        public Builder format(String format) {
            Objects.requireNonNull(format, "format");
            String name = format.trim().toLowerCase(Locale.ROOT);
            if (!name.equals(FORMAT_JWS) && !name.equals(FORMAT_JWE)) {
                throw new IllegalArgumentException("format must be " + FORMAT_JWS + " or " + FORMAT_JWE);
            }
            this.format = name;
            return this;
        }

        /** @return the options */
        public CodecOptions build() {
            return new CodecOptions(this);
        }
    }
}
