package dev.steadfast.impl.codec;

import java.util.Map;

import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;

/**
 * {@link SessionSizing} for a codec that is not Steadfast's (another provider's): it knows nothing of the codec's
 * format, so it measures by encoding the whole session, on every change, and has no bound.
 *
 * <p>Attributes are checked against the type table, not by encoding: the supported types are the api's contract for
 * every codec ({@code SessionData}), and the table says which element of a value is at fault. What the codec refuses
 * beyond that, its encode refuses when the session is measured.
 */
final class EncodingSizing implements SessionSizing {

    private final SessionCodec codec;

    EncodingSizing(SessionCodec codec) {
        this.codec = codec;
    }

    @Override
    public void checkAttribute(String name, Object value) {
        TypedAttributes.validate(name, value);
    }

    @Override
    public SessionSize bound(String id, Map<String, Object> attributes) {
        return Unknown.SIZE;
    }

    @Override
    public SessionSize measure(SessionData session) {
        return new Encoded(codec.encode(session).length());
    }

    @Override
    public String toString() {
        return "EncodingSizing[" + codec.getClass().getName() + "]";
    }

    /** No bound: the caller measures. */
    private enum Unknown implements SessionSize {
        SIZE;

        @Override
        public boolean isExact() {
            return false;
        }

        @Override
        public long length() {
            return Long.MAX_VALUE;
        }

        @Override
        public boolean fits() {
            return false;
        }

        @Override
        public SessionSize with(String name, Object value) {
            return this;
        }

        @Override
        public void checkLimit() {
            throw new IllegalStateException("a bound cannot refuse a session: measure it");
        }
    }

    /** What the codec encoded, so within its limit; any change is measured again. */
    private record Encoded(long length) implements SessionSize {

        @Override
        public boolean isExact() {
            return true;
        }

        @Override
        public boolean fits() {
            return true;
        }

        @Override
        public SessionSize with(String name, Object value) {
            return Unknown.SIZE;
        }

        @Override
        public void checkLimit() {
            // encode would have thrown SessionTooLargeException
        }
    }
}
