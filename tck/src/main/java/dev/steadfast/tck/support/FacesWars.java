package dev.steadfast.tck.support;

import dev.steadfast.tck.app.PingServlet;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds the kit's Jakarta Faces applications: one page ({@value #PAGE}) with a form whose field is kept in the
 * session ({@code #{sessionScope.note}}), the {@code FacesServlet} declared in {@code web.xml} and mapped to
 * {@code *.xhtml}, the context parameters and environment entries a test asks for, and the runner's Faces
 * libraries ({@value #FACES_LIBRARIES}). The page uses no bean and the WAR no Faces class, so the kit compiles
 * without a Faces API and runs on any Faces implementation.
 *
 * <p>The runner property {@value #FACES_LIBRARIES} tells the kit where Faces comes from:
 * <ul>
 * <li>unset or empty: the container provides Jakarta Faces (a full Jakarta EE server: WildFly, Payara);</li>
 * <li>comma-separated Maven coordinates: they are resolved, with their dependencies, and added to every Faces WAR
 * (a servlet container: Steadfast's runner gives Mojarra and the WebSocket API on Tomcat);</li>
 * <li>{@value #UNAVAILABLE}: the runner has no Faces for this container; every Faces test is then <em>skipped</em>
 * through a JUnit assumption that names this property, so the reports count it as skipped, never as passed.</li>
 * </ul>
 * Faces tests also carry the tag {@value dev.steadfast.tck.Tags#FACES}, so a runner can leave them out with
 * {@code <excludedGroups>} instead (then they do not run at all, and the report shows fewer tests).
 */
public final class FacesWars {

    /** Runner property: where Faces comes from (see the class comment). */
    public static final String FACES_LIBRARIES = "steadfast.tck.faces.libraries";

    /**
     * Runner property: Maven coordinates of Apache MyFaces (resolved without their dependencies) for the WARs built
     * {@link Builder#myFaces()}, which bundle it in place of the container's Faces; unset or {@value #UNAVAILABLE}
     * skips the MyFaces tests through an assumption naming this property.
     */
    public static final String MYFACES_LIBRARIES = "steadfast.tck.myfaces.libraries";

    /** The value of {@value #FACES_LIBRARIES} that skips the Faces tests. */
    public static final String UNAVAILABLE = "unavailable";

    /** The Faces page of every Faces WAR. */
    public static final String PAGE = "index.xhtml";

    /** Text the page always renders. */
    public static final String RENDERED = "page rendered";

    /** The Faces 4 context parameter that selects where view state is kept. */
    public static final String STATE_SAVING_METHOD = "jakarta.faces.STATE_SAVING_METHOD";

    /** Mojarra's client-state key, an environment entry under {@code java:comp/env}. */
    public static final String MOJARRA_KEY_ENTRY = "faces/ClientSideSecretKey";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static List<File> facesLibs;
    private static List<File> myFacesLibs;

    private static final String PAGE_TEXT = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html">
            <h:head><title>steadfast kit</title></h:head>
            <h:body>
                <h:form id="f">
                    <h:inputText id="note" value="#{sessionScope.note}"/>
                    <h:commandButton id="save" value="Save"/>
                </h:form>
                <p>note=[#{sessionScope.note}]</p>
                <p>%s</p>
            </h:body>
            </html>
            """.formatted(RENDERED);

    private FacesWars() {
    }

    /** Starts a Faces WAR named {@code name + ".war"}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Skips the calling test, visibly, when the runner says this container has no Faces ({@value #FACES_LIBRARIES}
     * = {@value #UNAVAILABLE}). Call it first in every Faces test.
     */
    public static void assumeFaces() {
        Assumptions.assumeFalse(UNAVAILABLE.equals(setting()), () -> "Jakarta Faces test skipped: the runner set "
                + FACES_LIBRARIES + "=" + UNAVAILABLE + " for " + TckSettings.container()
                + " (no Faces implementation to deploy with)");
    }

    /**
     * Skips the calling test, visibly, unless the runner names MyFaces' jars ({@value #MYFACES_LIBRARIES}); implies
     * {@link #assumeFaces()}.
     */
    public static void assumeMyFaces() {
        assumeFaces();
        String setting = System.getProperty(MYFACES_LIBRARIES, "").trim();
        Assumptions.assumeFalse(setting.isEmpty() || setting.equals("none") || setting.equals(UNAVAILABLE),
                () -> "Apache MyFaces test skipped: the runner gives no " + MYFACES_LIBRARIES + " for "
                        + TckSettings.container());
    }

    /** @return a new client-state key as Mojarra reads it: standard base64 of 32 random bytes */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** @return the form post of the page's form, with a note and the view state the page rendered */
    public static String form(String note, String viewState) {
        return "f=f&f%3Anote=" + URLEncoder.encode(note, StandardCharsets.UTF_8)
                + "&f%3Asave=Save&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
    }

    /** @return the value of the page's {@code jakarta.faces.ViewState} field; fails when the page has none */
    public static String viewState(String body) {
        Matcher m = Pattern.compile(
                "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            m = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"jakarta.faces.ViewState\"")
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("no jakarta.faces.ViewState field in the page: " + body);
            }
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    private static String setting() {
        return System.getProperty(FACES_LIBRARIES, "").trim();
    }

    private static synchronized List<File> facesLibraries() {
        String setting = setting();
        if (setting.isEmpty() || setting.equals("none") || setting.equals(UNAVAILABLE)) {
            return List.of();
        }
        if (facesLibs == null) {
            String[] coordinates = Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toArray(String[]::new);
            facesLibs = List.of(Maven.resolver().resolve(coordinates).withTransitivity().asFile());
        }
        return facesLibs;
    }

    // Arquillian calls every @Deployment method of a class before its tests, unmanaged ones too, so a runner without
    // MyFaces must still get a WAR here; its tests are skipped (assumeMyFaces).
    private static synchronized List<File> myFacesLibraries() {
        String setting = System.getProperty(MYFACES_LIBRARIES, "").trim();
        if (setting.isEmpty() || setting.equals("none") || setting.equals(UNAVAILABLE)) {
            return List.of();
        }
        if (myFacesLibs == null) {
            String[] coordinates = Arrays.stream(setting.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
            myFacesLibs = List.of(Maven.resolver().resolve(coordinates).withoutTransitivity().asFile());
        }
        return myFacesLibs;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One Faces WAR. */
    public static final class Builder {
        private final Wars.Builder war;
        private final Map<String, String> contextParameters = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean myFaces;

        private Builder(String name) {
            // A servlet for embedded Tomcat's deployment URL (containers.md G7) and a bean archive so that Weld
            // Servlet boots where the runner adds it (Faces 4 needs CDI).
            this.war = Wars.named(name).classes(PingServlet.class).beansXml("all");
            // As docs/migration.md advises: Mojarra takes an application for a distributable one when any
            // META-INF/web-fragment.xml its class loader sees says <distributable/> (Tomcat's own jasper.jar does),
            // and then puts its flash helper into the session on every request that has one, which no cookie
            // session can store.
            contextParameters.put("com.sun.faces.enableDistributable", "false");
        }

        /** Sets {@value FacesWars#STATE_SAVING_METHOD}; without it Faces saves view state on the server. */
        public Builder stateSaving(String method) {
            return contextParameter(STATE_SAVING_METHOD, method);
        }

        /** Client state saving with Mojarra's client-state key set in a {@code web.xml} environment entry. */
        public Builder clientState(String mojarraKey) {
            return stateSaving("client").environment(MOJARRA_KEY_ENTRY, mojarraKey);
        }

        /**
         * Bundles Apache MyFaces ({@value FacesWars#MYFACES_LIBRARIES}) instead of the Faces the container or
         * {@value FacesWars#FACES_LIBRARIES} gives, and tells WildFly to use the WAR's
         * ({@code org.jboss.jbossfaces.WAR_BUNDLES_JSF_IMPL}). Payara 6 cannot host it beside its own Mojarra (both
         * CDI extensions run: WELD-001414, {@code requestScope} is ambiguous; with {@code useBundledJsf} and
         * child-first loading its Faces initializer is listed but not found), so its runner leaves
         * {@value FacesWars#MYFACES_LIBRARIES} at {@value FacesWars#UNAVAILABLE}.
         */
        public Builder myFaces() {
            this.myFaces = true;
            contextParameters.remove("com.sun.faces.enableDistributable");
            contextParameters.put("org.jboss.jbossfaces.WAR_BUNDLES_JSF_IMPL", "true");
            return this;
        }

        /** Adds a {@code <context-param>} to {@code web.xml}. */
        public Builder contextParameter(String name, String value) {
            contextParameters.put(name, value);
            return this;
        }

        /** Adds a {@code java.lang.String} {@code <env-entry>} (name relative to {@code java:comp/env}). */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Adds Steadfast configuration, as {@link Wars.Builder#config(Map)}. */
        public Builder config(Map<String, String> entries) {
            war.config(entries);
            return this;
        }

        /** Adds classes to {@code WEB-INF/classes}. */
        public Builder classes(Class<?>... added) {
            war.classes(added);
            return this;
        }

        /** Assembles the WAR; the kit's Arquillian extension adds the implementation at deployment. */
        public WebArchive build() {
            StringBuilder webXml = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                             version="6.0">
                    """);
            contextParameters.forEach((name, value) -> webXml.append("""
                        <context-param>
                            <param-name>%s</param-name>
                            <param-value>%s</param-value>
                        </context-param>
                    """.formatted(xml(name), xml(value))));
            environment.forEach((name, value) -> webXml.append("""
                        <env-entry>
                            <env-entry-name>%s</env-entry-name>
                            <env-entry-type>java.lang.String</env-entry-type>
                            <env-entry-value>%s</env-entry-value>
                        </env-entry>
                    """.formatted(xml(name), xml(value))));
            webXml.append("""
                        <servlet>
                            <servlet-name>Faces Servlet</servlet-name>
                            <servlet-class>jakarta.faces.webapp.FacesServlet</servlet-class>
                            <load-on-startup>1</load-on-startup>
                        </servlet>
                        <servlet-mapping>
                            <servlet-name>Faces Servlet</servlet-name>
                            <url-pattern>*.xhtml</url-pattern>
                        </servlet-mapping>
                    </web-app>
                    """);
            WebArchive archive = war.build();
            archive.setWebXML(new StringAsset(webXml.toString()));
            archive.addAsWebInfResource(new StringAsset("""
                    <faces-config xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0"/>
                    """), "faces-config.xml");
            archive.addAsWebResource(new StringAsset(PAGE_TEXT), PAGE);
            if (myFaces) {
                archive.addAsLibraries(myFacesLibraries().toArray(new File[0]));
            } else {
                archive.addAsLibraries(facesLibraries().toArray(new File[0]));
            }
            // Faces' container initializer asks for classes by annotation, so an embedded Tomcat scans every class
            // of every jar for it, the test JVM's class path included (Arquillian, JUnit, ShrinkWrap...): seconds
            // per deployment. The WAR's own jars are still scanned. Only Tomcat reads META-INF/context.xml; other
            // containers ignore it, so the kit adds it without asking which container runs it.
            archive.addAsManifestResource(new StringAsset("""
                    <Context><JarScanner scanClassPath="false"/></Context>
                    """), "context.xml");
            return archive;
        }
    }
}
