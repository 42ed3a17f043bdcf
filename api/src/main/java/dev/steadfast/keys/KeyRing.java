package dev.steadfast.keys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered set of keys: the first, the <em>primary</em>, signs; every key verifies tokens that name it by id.
 *
 * <p>This is what makes rotation free of logouts: add a new key last (it verifies only), move it first (it signs,
 * older cookies are re-signed as they arrive), remove the old one after the absolute session timeout.
 */
public final class KeyRing {

    private final List<SigningKey> keys;
    private final Map<String, SigningKey> byId;

    private KeyRing(List<SigningKey> keys) {
        this.keys = keys;
        this.byId = new HashMap<>();
        for (SigningKey key : keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("Duplicate key id '" + key.id() + "' in key ring");
            }
        }
    }

    /**
     * @param keys the keys, primary first
     * @return the key ring
     * @throws IllegalArgumentException when {@code keys} is empty or two keys share an id
     */
    public static KeyRing of(List<SigningKey> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A key ring needs at least one key");
        }
        return new KeyRing(List.copyOf(keys));
    }

    /**
     * @param primary the signing key
     * @param others  keys that verify only
     * @return the key ring
     */
    public static KeyRing of(SigningKey primary, SigningKey... others) {
        SigningKey[] all = new SigningKey[others.length + 1];
        all[0] = primary;
        System.arraycopy(others, 0, all, 1, others.length);
        return of(List.of(all));
    }

    /** @return the key that signs */
    public SigningKey primary() {
        return keys.get(0);
    }

    /** @return every key, primary first */
    public List<SigningKey> keys() {
        return keys;
    }

    /**
     * @param keyId a {@code kid}
     * @return the key with that id, if it is in the ring
     */
    public Optional<SigningKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** @return the keys, without secrets */
    @Override
    public String toString() {
        return "KeyRing" + keys;
    }
}
