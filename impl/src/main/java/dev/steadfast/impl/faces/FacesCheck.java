package dev.steadfast.impl.faces;

import dev.steadfast.impl.config.RejectedValue;
import dev.steadfast.impl.message.Message;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.policy.SecretCandidate;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a Jakarta Faces application at deployment.
 *
 * <p>Server-side state saving (Faces' default) cannot work: Faces keeps a map of views in the session and fills it
 * after {@code setAttribute}, and a map of component state is nothing a cookie session can store, so every page
 * would fail. Client-side state saving works, but only with a key that outlives the process: without one, Mojarra
 * and MyFaces make a random key at every start, and every form posted after a restart or to another instance fails
 * with {@code ViewExpiredException}, the failure Steadfast exists to prevent. A configured key is a secret like
 * Steadfast's own and is handed to the same policy.
 *
 * <p>Where the keys are read, as of Mojarra 4.0 ({@code com.sun.faces.renderkit.ByteArrayGuard}) and MyFaces
 * ({@code StateUtils}): Mojarra looks up the String {@value #MOJARRA_KEY} and decodes it with the standard
 * (not URL-safe) base64 decoder into an AES key, used for AES-CBC and for HMAC-SHA256 alike; a value that does not
 * decode leaves it with no key at all. MyFaces reads the context parameters {@value #MYFACES_SECRET} (the cipher
 * key, AES by default) and {@value #MYFACES_MAC_SECRET} (the HMAC-SHA256 key), both standard base64.
 */
public final class FacesCheck {

    /** The context parameter that chooses where Faces keeps view state. */
    public static final String STATE_SAVING_METHOD = "jakarta.faces.STATE_SAVING_METHOD";

    /** Its name before Jakarta EE 9: no longer read by Faces, named in the message when it is all there is. */
    public static final String JAVAX_STATE_SAVING_METHOD = "javax.faces.STATE_SAVING_METHOD";

    /** Mojarra 4's client-state key. */
    public static final String MOJARRA_KEY = "java:comp/env/faces/ClientSideSecretKey";

    /** MyFaces' cipher key. */
    public static final String MYFACES_SECRET = "org.apache.myfaces.SECRET";

    /** MyFaces' MAC key. */
    public static final String MYFACES_MAC_SECRET = "org.apache.myfaces.MAC_SECRET";

    /** Mojarra's switch that sends client state unencrypted and unsigned. */
    public static final String MOJARRA_DISABLE_ENCRYPTION = "com.sun.faces.disableClientStateEncryption";

    /** MyFaces' switch that sends client state unencrypted and unsigned when {@code false}. */
    public static final String MYFACES_USE_ENCRYPTION = "org.apache.myfaces.USE_ENCRYPTION";

    /** MyFaces' cipher; AES when not set. */
    public static final String MYFACES_ALGORITHM = "org.apache.myfaces.ALGORITHM";

    /**
     * Strength required of a client-state key: both implementations MAC the state with HMAC-SHA256, whose key
     * should be as strong as its output, as Steadfast asks of its own HS256 keys. A 16-byte AES-128 key, which
     * Mojarra accepts, is therefore reported as too weak.
     */
    public static final int REQUIRED_BITS = 256;

    static final String GUIDE = "docs/migration.md#jakarta-faces";
    static final String GENERATE = "`openssl rand -base64 32` (standard base64 of 32 random bytes; Steadfast's "
            + "keygen prints base64url, which Faces cannot decode)";

    private FacesCheck() {
    }

    /**
     * @param env what the application shows of Faces
     * @return the problems and the keys to judge; {@link FacesReport#NONE} when Faces does not serve it
     */
    public static FacesReport judge(FacesEnvironment env) {
        if (!env.facesMapped()) {
            return FacesReport.NONE;
        }
        String method = env.initParameter().apply(STATE_SAVING_METHOD);
        if (method == null || !method.trim().toLowerCase(Locale.ROOT).equals("client")) {
            return new FacesReport(List.of(serverState(method, env.initParameter().apply(JAVAX_STATE_SAVING_METHOD))),
                    List.of());
        }
        List<String> problems = new ArrayList<>();
        List<SecretCandidate> candidates = new ArrayList<>();
        String unprotected = env.myFaces() ? MYFACES_USE_ENCRYPTION : MOJARRA_DISABLE_ENCRYPTION;
        String protection = env.initParameter().apply(unprotected);
        // Each implementation's own reading of its switch: MyFaces compares with "false" exactly, Mojarra takes
        // Boolean.valueOf.
        if (env.myFaces() ? "false".equals(protection) : "true".equalsIgnoreCase(protection)) {
            return new FacesReport(List.of(Message.FACES_STATE_UNPROTECTED.format(unprotected,
                    RejectedValue.of(protection), env.myFaces() ? "MyFaces" : "Mojarra", GUIDE)), List.of());
        }
        if (env.myFaces()) {
            String algorithm = env.initParameter().apply(MYFACES_ALGORITHM);
            boolean aes = algorithm == null || algorithm.trim().equalsIgnoreCase("AES");
            myFacesKey(env, MYFACES_SECRET, "encrypts", aes, problems, candidates);
            myFacesKey(env, MYFACES_MAC_SECRET, "signs", false, problems, candidates);
        } else {
            mojarraKey(env, problems, candidates);
        }
        return new FacesReport(problems, candidates);
    }

    // The old name is shown but never obeyed: Faces 4 reads only the jakarta name (Mojarra's WebConfiguration has
    // no javax names left), so an application renamed halfway saves state on the server whatever the old one says.
    private static String serverState(String method, String javaxMethod) {
        String setting = method == null
                ? STATE_SAVING_METHOD + " is not set, so server"
                : STATE_SAVING_METHOD + " is " + RejectedValue.of(method);
        if (method == null && javaxMethod != null) {
            setting += "; " + JAVAX_STATE_SAVING_METHOD + " is " + RejectedValue.of(javaxMethod)
                    + ", a name Jakarta Faces no longer reads";
        }
        return Message.FACES_SERVER_STATE.format(setting, STATE_SAVING_METHOD, GUIDE);
    }

    private static void mojarraKey(FacesEnvironment env, List<String> problems, List<SecretCandidate> candidates) {
        String where = MOJARRA_KEY + " (JNDI environment entry)";
        String fix = "Fix: set it to " + GENERATE + " in a web.xml <env-entry> (env-entry-name faces/"
                + "ClientSideSecretKey, env-entry-type java.lang.String) or as that name in the server's naming "
                + "configuration (" + GUIDE + ")";
        Optional<Object> bound = env.environment().apply(MOJARRA_KEY);
        if (bound.isEmpty() || bound.get() instanceof String s && s.isEmpty()) {
            problems.add(Message.FACES_KEY_NOT_SET.format(where, "Mojarra", "encrypts and signs", fix));
            return;
        }
        if (!(bound.get() instanceof String value)) {
            problems.add(Message.FACES_MOJARRA_KEY_NOT_STRING.format(where, bound.get().getClass().getName(), fix));
            return;
        }
        Optional<String> unusable = unusable(value, true);
        if (unusable.isPresent()) {
            problems.add(Message.FACES_MOJARRA_KEY_UNUSABLE.format(where, unusable.get(), fix));
            return;
        }
        candidates.add(new SecretCandidate(MOJARRA_KEY, "JNDI environment entry",
                Optional.of(SecretBytes.fromUtf8(value)), REQUIRED_BITS));
    }

    private static void myFacesKey(FacesEnvironment env, String name, String use, boolean aesKey,
                                   List<String> problems, List<SecretCandidate> candidates) {
        String where = name + " (context parameter)";
        String fix = "Fix: set the context parameter " + name + " to " + GENERATE + " in web.xml (" + GUIDE + ")";
        String value = env.initParameter().apply(name);
        if (value == null || value.isEmpty()) {
            problems.add(Message.FACES_KEY_NOT_SET.format(where, "MyFaces", use, fix));
            return;
        }
        Optional<String> unusable = unusable(value, aesKey);
        if (unusable.isPresent()) {
            problems.add(Message.FACES_MYFACES_KEY_UNUSABLE.format(where, unusable.get(), fix));
            return;
        }
        candidates.add(new SecretCandidate(name, "context parameter", Optional.of(SecretBytes.fromUtf8(value)),
                REQUIRED_BITS));
    }

    // Describes the value by its length and characters, never by its content: it is a secret.
    private static Optional<String> unusable(String value, boolean aesKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.of(RejectedValue.describe(value) + ", not standard base64");
        }
        if (key.length == 0 || aesKey && key.length != 16 && key.length != 24 && key.length != 32) {
            return Optional.of(RejectedValue.describe(value) + " that decodes to " + key.length + " bytes, not the "
                    + (aesKey ? "16, 24 or 32 of an AES key" : "bytes of a key"));
        }
        return Optional.empty();
    }
}
