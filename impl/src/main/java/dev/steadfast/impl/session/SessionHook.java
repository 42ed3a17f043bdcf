package dev.steadfast.impl.session;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;

/**
 * What sees every session a request brings and every session it writes. Server-side revocation (a revoked id, a
 * caller's not-before) and the bridge that carries a login across restarts hang here; today only
 * {@link #NONE} exists, which admits every verified session and ignores commits.
 */
public interface SessionHook {

    /** Admits every verified session; ignores commits. */
    SessionHook NONE = new SessionHook() {
    };

    /**
     * Called once per request that brought a session whose MAC and claims verified, before the application sees it.
     *
     * @param verified the verified session and the key that verified it
     * @return whether it stands; false makes it no session, exactly like a rejected cookie
     */
    default boolean admit(DecodeResult.Valid verified) {
        return true;
    }

    /**
     * Called when a request writes or ends its session, before the {@code Set-Cookie} header is added.
     *
     * @param incomingId the id of the session the request brought, or null when it brought none
     * @param written    the session being written, or null when the session ended ({@code invalidate()}); an id
     *                   different from {@code incomingId} means the id changed
     */
    default void committing(String incomingId, SessionData written) {
    }
}
