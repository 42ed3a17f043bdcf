package dev.steadfast.impl.session;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Whether {@code steadfast.session.max-size} leaves room for a session at all. The smallest accepted value (256)
 * cannot hold even an empty session signed with HS512 under a long key id, so without this check such a deployment
 * would start and then fail every request that creates a session.
 */
public final class SessionBudget {

    private SessionBudget() {
    }

    /**
     * @param codec    the application's codec (its options carry the size limit and audience)
     * @param keys     the key ring the codec signs with
     * @param settings the session settings
     * @param config   where the limit was read, for the message's source
     * @param now      the current time
     * @return a finding on {@code steadfast.session.max-size} when an empty session does not fit
     */
    public static Optional<Finding> check(SessionCodec codec, KeyRing keys, SessionSettings settings,
                                          PropertyLookup config, Instant now) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        long idle = Math.min(settings.idleTimeout().getSeconds(), Integer.MAX_VALUE);
        SessionData empty = SessionData.builder().id(SessionIds.next()).creationTime(issued).lastAccessedTime(issued)
                .maxInactiveInterval(Duration.ofSeconds(idle)).build();
        try {
            codec.encode(empty);
            return Optional.empty();
        } catch (SessionTooLargeException e) {
            return Optional.of(new Finding(Rule.INVALID_VALUE, SteadfastProperties.SESSION_MAX_SIZE,
                    config.sourceOf(SteadfastProperties.SESSION_MAX_SIZE),
                    "is " + e.limit() + ", but an empty session signed with key '" + keys.primary().id() + "' ("
                            + keys.primary().algorithm() + ") already takes " + e.size() + " characters, so every "
                            + "session would fail",
                    "raise it to at least " + e.size() + " plus room for the attributes (the default is 3800)"));
        }
    }
}
