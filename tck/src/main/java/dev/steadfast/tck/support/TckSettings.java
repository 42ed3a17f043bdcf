package dev.steadfast.tck.support;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The runner properties of the kit: system properties an implementation's build passes to the test JVM (Failsafe
 * {@code systemPropertyVariables}). Documented with their defaults in {@code tck/README.md}.
 */
public final class TckSettings {

    /** Comma-separated paths of the jars that make up the implementation under test (and the api). Required. */
    public static final String IMPLEMENTATION_JARS = "steadfast.tck.implementation.jars";
    /**
     * Comma-separated Maven coordinates added, with their dependencies, to every WAR: what a servlet-only container
     * lacks (CDI, MicroProfile Config, JSON-P). Default: none, for a full Jakarta EE + MicroProfile server.
     */
    public static final String CONTAINER_LIBRARIES = "steadfast.tck.container.libraries";
    /** The container's name in reports; default the {@code arquillian.launch} qualifier. */
    public static final String CONTAINER = "steadfast.tck.container";
    /**
     * Where the server logs: a file path, {@code in-jvm} for a server embedded in the test JVM (the kit then captures
     * java.util.logging and {@code System.err} from the start), or {@code none}. Default {@code none}, which skips
     * the assertions about log content (the behaviour itself is still checked).
     */
    public static final String SERVER_LOG = "steadfast.tck.server.log";
    /** Optional path of a properties file appended to every WAR's {@code microprofile-config.properties}. */
    public static final String DEPLOYMENT_CONFIG = "steadfast.tck.deployment.config";

    /** The {@value #SERVER_LOG} value for a server that runs in the test JVM and logs there. */
    public static final String IN_JVM = "in-jvm";

    private TckSettings() {
    }

    /** @return the implementation jars; fails naming the property when unset or a file is missing */
    public static List<File> implementationJars() {
        List<String> paths = list(IMPLEMENTATION_JARS);
        if (paths.isEmpty()) {
            throw new IllegalStateException("System property " + IMPLEMENTATION_JARS + " is not set: give the "
                    + "comma-separated paths of the implementation's jars (see tck/README.md)");
        }
        return paths.stream().map(File::new).peek(f -> {
            if (!f.isFile()) {
                throw new IllegalStateException(IMPLEMENTATION_JARS + " names a missing file: " + f
                        + " (build the implementation's jars before the integration tests)");
            }
        }).toList();
    }

    /** @return the container library coordinates; empty for a full server */
    public static List<String> containerLibraries() {
        return list(CONTAINER_LIBRARIES);
    }

    /** @return the container's name */
    public static String container() {
        return Optional.ofNullable(System.getProperty(CONTAINER)).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty("arquillian.launch"))).orElse("default");
    }

    /** @return the server log setting: a path, {@code in-jvm} or {@code none} */
    public static String serverLog() {
        String value = System.getProperty(SERVER_LOG);
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        return "none";
    }

    /** @return whether the runner said the server logs into the test JVM ({@code in-jvm}) */
    public static boolean serverLogInJvm() {
        return serverLog().equals(IN_JVM);
    }

    /** @return the extra deployment configuration file, if configured */
    public static Optional<File> deploymentConfig() {
        return Optional.ofNullable(System.getProperty(DEPLOYMENT_CONFIG)).filter(s -> !s.isBlank()).map(File::new);
    }

    private static List<String> list(String property) {
        String value = System.getProperty(property, "");
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty() && !s.equals("none"))
                .toList();
    }
}
