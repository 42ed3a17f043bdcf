package dev.steadfast.impl.session;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids: 128 random bits, base64url. Ids only tell sessions apart (the signature protects the cookie), but
 * unpredictable ids keep them useless as tokens if an application logs or exposes them.
 */
final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    /** @return a fresh id of 22 characters */
    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
