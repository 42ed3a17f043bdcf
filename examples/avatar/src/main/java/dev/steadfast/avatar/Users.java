package dev.steadfast.avatar;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users who may sign in, from MicroProfile Config: {@code avatar.users=alice,bob} and, for each,
 * {@code avatar.user.<name>.password-hash} (see {@link PasswordHash}). Environment variables override them
 * ({@code AVATAR_USERS}, {@code AVATAR_USER_ALICE_PASSWORD_HASH}). Read at each sign-in, so nothing is cached.
 */
final class Users {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    /** Checked when the user is unknown, so that an unknown name takes as long as a wrong password. */
    private static final String DUMMY = PasswordHash.hash("not a password".toCharArray());

    private Users() {
    }

    /** @return the user's name if {@code password} is theirs, else empty */
    static Optional<String> authenticate(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        Config config = ConfigProvider.getConfig(Users.class.getClassLoader());
        List<String> users = config.getOptionalValues("avatar.users", String.class).orElse(List.of());
        Optional<String> stored = NAME.matcher(name).matches() && users.contains(name)
                ? config.getOptionalValue("avatar.user." + name + ".password-hash", String.class)
                : Optional.empty();
        boolean ok = PasswordHash.matches(password, stored.orElse(DUMMY)) && stored.isPresent();
        return ok ? Optional.of(name) : Optional.empty();
    }
}
