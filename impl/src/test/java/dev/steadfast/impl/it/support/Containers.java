package dev.steadfast.impl.it.support;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The container the integration tests of this JVM run against, named by the {@code arquillian.launch} system
 * property that the Maven profile sets (it also selects the qualifier in {@code arquillian.xml}).
 */
public enum Containers {
    /** Tomcat 10.1 embedded in the test JVM. */
    TOMCAT("tomcat", true),
    /** Tomcat 11 embedded in the test JVM (optional profile {@code tomcat11}). */
    TOMCAT11("tomcat11", true),
    /** WildFly managed, {@code standalone-microprofile.xml}. */
    WILDFLY("wildfly", false),
    /** Payara Server managed, {@code domain1}. */
    PAYARA("payara", false);

    private final String qualifier;
    private final boolean servletOnly;

    Containers(String qualifier, boolean servletOnly) {
        this.qualifier = qualifier;
        this.servletOnly = servletOnly;
    }

    /** The {@code arquillian.xml} qualifier and Maven profile id. */
    public String qualifier() {
        return qualifier;
    }

    /**
     * Whether this is a bare servlet container, which runs in the test JVM and has no CDI, MicroProfile Config or
     * JSON-P of its own: every WAR must then carry {@code steadfast.warLibs}.
     */
    public boolean isServletOnly() {
        return servletOnly;
    }

    /** The container selected by {@code arquillian.launch}; fails with the way to select one. */
    public static Containers current() {
        String launch = System.getProperty("arquillian.launch");
        for (Containers c : values()) {
            if (c.qualifier.equals(launch)) {
                return c;
            }
        }
        throw new IllegalStateException("arquillian.launch is " + (launch == null ? "not set" : "'" + launch + "'")
                + ", not one of " + Arrays.stream(values()).map(Containers::qualifier).collect(Collectors.joining(", "))
                + ". Run the integration tests through a container profile: mvn -B verify -pl impl -am -Ptomcat");
    }

    /** A system property set by failsafe (impl/pom.xml); fails with its name when absent or blank. */
    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name
                    + " is not set; it is passed by maven-failsafe-plugin in impl/pom.xml (run through Maven)");
        }
        return value;
    }
}
