package dev.steadfast.impl.servlet;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.impl.session.SessionRuntime;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;

import dev.steadfast.testsupport.Secrets;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.jasper.servlet.JasperInitializer;
import org.apache.jasper.servlet.JspServlet;
import org.apache.tomcat.util.descriptor.web.ContextEnvironment;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded Tomcat on a loopback ephemeral port with one context ({@value #CONTEXT_PATH}) that has Steadfast's
 * initializer, the test's servlets, filters and JSPs, and its own MicroProfile Config. Use it as a static
 * {@code @RegisterExtension} field (started before the class, stopped after), or {@link #start()} and
 * {@link #close()} by hand.
 *
 * <p>Configuration: a SmallRye config built from the builder's properties only (no system properties or
 * environment), registered for the context's class loader by an initializer that runs before the context's
 * listeners, and released when the server stops. Two random HS256 keys {@code k1} (signs) and {@code k2}
 * (verifies), unique to each instance, unless the builder replaces {@code steadfast.keys}.
 *
 * <p>HTTP: {@link java.net.http.HttpClient} with HTTP/1.1, no redirects followed and no cookie handler: tests send
 * and read cookies by hand so that they can tamper with them.
 */
final class SteadfastTomcat implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    static final String CONTEXT_PATH = "/app";
    static final String COOKIE = "steadfast";

    private static final SecureRandom RANDOM = new SecureRandom();

    // Strong references: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");
    private static final Logger TOMCAT_LOADER_LOG = Logger.getLogger("org.apache.catalina.loader");

    static {
        // Tomcat's start-up chatter and its leak-detection advice about --add-opens; errors still show.
        TOMCAT_LOG.setLevel(Level.WARNING);
        TOMCAT_LOADER_LOG.setLevel(Level.SEVERE);
    }

    /** A servlet body as a lambda. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
    }

    private final Map<String, String> properties;
    private final Map<String, Handler> servlets;
    private final Map<String, Filter> webXmlFilters;
    private final List<ConfigSource> sources;
    private final Map<String, String> jsps;
    private final Map<String, String> files;
    private final Map<String, String> contextParameters;
    private final Map<String, String> environment;
    private final List<ServletContainerInitializer> initializers;
    private final Map<String, String[]> namedServlets;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Tomcat tomcat;
    private Context context;
    private Path baseDir;
    private Config config;
    private int port;

    private SteadfastTomcat(Builder b) {
        this.properties = new LinkedHashMap<>(b.properties);
        this.servlets = new LinkedHashMap<>(b.servlets);
        this.webXmlFilters = new LinkedHashMap<>(b.filters);
        this.sources = new ArrayList<>(b.sources);
        this.jsps = new LinkedHashMap<>(b.jsps);
        this.files = new LinkedHashMap<>(b.files);
        this.contextParameters = new LinkedHashMap<>(b.contextParameters);
        this.environment = new LinkedHashMap<>(b.environment);
        this.initializers = new ArrayList<>(b.initializers);
        this.namedServlets = new LinkedHashMap<>(b.namedServlets);
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, Handler> servlets = new LinkedHashMap<>();
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final List<ConfigSource> sources = new ArrayList<>();
        private final Map<String, String> jsps = new LinkedHashMap<>();
        private final Map<String, String> files = new LinkedHashMap<>();
        private final Map<String, String> contextParameters = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<ServletContainerInitializer> initializers = new ArrayList<>();
        private final Map<String, String[]> namedServlets = new LinkedHashMap<>();

        private Builder() {
            String k1 = randomSecret();
            String k2 = randomSecret();
            properties.put("steadfast.keys", "k1,k2");
            properties.put("steadfast.key.k1.secret", k1);
            properties.put("steadfast.key.k2.secret", k2);
            properties.put("steadfast.session.cookie.secure", "false");
        }

        /** @param name a property @param value its value, or null to remove it @return this */
        Builder property(String name, String value) {
            if (value == null) {
                properties.remove(name);
            } else {
                properties.put(name, value);
            }
            return this;
        }

        /** @param pattern a URL pattern @param handler what the servlet does @return this */
        Builder servlet(String pattern, Handler handler) {
            servlets.put(pattern, handler);
            return this;
        }

        /** A filter declared like a web.xml {@code <filter>}/{@code <filter-mapping>} pair, mapped after. */
        Builder webXmlFilter(String pattern, Filter filter) {
            filters.put(pattern, filter);
            return this;
        }

        /** @param source a further MicroProfile config source (its own ordinal) @return this */
        Builder configSource(ConfigSource source) {
            sources.add(source);
            return this;
        }

        /**
         * A JSP page, written into the context's document base and compiled by Jasper on first request, as a
         * {@code .jsp} file in a WAR would be. Any JSP turns on Jasper's initializer and the {@code *.jsp} servlet.
         *
         * @param path   path inside the context, e.g. {@code /store.jsp}
         * @param source the page's source
         * @return this
         */
        Builder jsp(String path, String source) {
            jsps.put(path, source);
            return this;
        }

        /**
         * A file in the context's document base, as in a WAR (a Facelets page, {@code /WEB-INF/beans.xml}).
         *
         * @param path    path inside the context, e.g. {@code /index.xhtml}
         * @param content its text
         * @return this
         */
        Builder file(String path, String content) {
            files.put(path, content);
            return this;
        }

        /** A web.xml {@code <context-param>}. */
        Builder contextParameter(String name, String value) {
            contextParameters.put(name, value);
            return this;
        }

        /**
         * A String {@code <env-entry>} under {@code java:comp/env}; any entry turns on Tomcat's naming, which sets
         * JVM-wide system properties for the rest of the test run.
         */
        Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** A further initializer, run after Steadfast's, as a scanned jar's would be. */
        Builder initializer(ServletContainerInitializer initializer) {
            initializers.add(initializer);
            return this;
        }

        /** A servlet declared by class name, as in web.xml, so the container (and CDI) instantiates it. */
        Builder servlet(String name, String className, String... patterns) {
            String[] entry = new String[patterns.length + 1];
            entry[0] = className;
            System.arraycopy(patterns, 0, entry, 1, patterns.length);
            namedServlets.put(name, entry);
            return this;
        }

        SteadfastTomcat build() {
            return new SteadfastTomcat(this);
        }
    }

    /** @return 32 random bytes as 43 base64url characters, like keygen's output */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Secrets.register(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public void beforeAll(ExtensionContext extensionContext) throws Exception {
        start();
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("The test context did not start (state " + context.getState()
                    + "); see the log above");
        }
    }

    @Override
    public void afterAll(ExtensionContext extensionContext) {
        close();
    }

    /** Starts Tomcat; the context may still fail to start, see {@link #contextState()}. */
    void start() throws LifecycleException, IOException {
        baseDir = Files.createTempDirectory("steadfast-tomcat");
        Path docBase = Files.createDirectories(baseDir.resolve("docbase"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        if (!environment.isEmpty()) {
            tomcat.enableNaming();
        }
        context = tomcat.addContext(CONTEXT_PATH, docBase.toString());
        for (Map.Entry<String, String> e : environment.entrySet()) {
            ContextEnvironment entry = new ContextEnvironment();
            entry.setName(e.getKey());
            entry.setType(String.class.getName());
            entry.setValue(e.getValue());
            context.getNamingResources().addEnvironment(entry);
        }
        contextParameters.forEach(context::addParameter);
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = docBase.resolve(e.getKey().substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }

        config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "steadfast-test", 100))
                .withSources(sources.toArray(new ConfigSource[0]))
                .build();
        Config own = config;
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        // The context's class loader exists only once the context starts: register from an initializer, which runs
        // before any listener (and so before Steadfast's StartupListener reads the configuration).
        ServletContainerInitializer registerConfig = (classes, ctx) ->
                resolver.registerConfig(own, ctx.getClassLoader());
        context.addServletContainerInitializer(registerConfig, null);
        context.addServletContainerInitializer(new SteadfastInitializer(), null);
        for (ServletContainerInitializer initializer : initializers) {
            context.addServletContainerInitializer(initializer, null);
        }
        for (Map.Entry<String, String[]> e : namedServlets.entrySet()) {
            Wrapper wrapper = Tomcat.addServlet(context, e.getKey(), e.getValue()[0]);
            wrapper.setLoadOnStartup(1);
            for (int i = 1; i < e.getValue().length; i++) {
                context.addServletMappingDecoded(e.getValue()[i], e.getKey());
            }
        }

        int n = 0;
        for (Map.Entry<String, Handler> e : servlets.entrySet()) {
            String name = "servlet-" + n++;
            Handler handler = e.getValue();
            Wrapper wrapper = Tomcat.addServlet(context, name, new HttpServlet() {
                @Override
                protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    try {
                        handler.handle(req, resp);
                    } catch (IOException | RuntimeException ex) {
                        throw ex;
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            });
            wrapper.setAsyncSupported(true);
            context.addServletMappingDecoded(e.getKey(), name);
        }
        if (!jsps.isEmpty()) {
            for (Map.Entry<String, String> e : jsps.entrySet()) {
                Path file = docBase.resolve(e.getKey().substring(1));
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            // What Tomcat's default web.xml and a full server's scan give a WAR: Jasper's initializer (TLDs, the
            // JspFactory) and the JSP servlet on *.jsp. Jasper compiles into the context's work directory, under
            // baseDir, with the in-process Eclipse compiler.
            context.addServletContainerInitializer(new JasperInitializer(), null);
            Wrapper jsp = Tomcat.addServlet(context, "jsp", new JspServlet());
            jsp.addInitParameter("fork", "false");
            jsp.addInitParameter("xpoweredBy", "false");
            context.addServletMappingDecoded("*.jsp", "jsp");
        }
        int f = 0;
        for (Map.Entry<String, Filter> e : webXmlFilters.entrySet()) {
            FilterDef def = new FilterDef();
            def.setFilterName("webxml-filter-" + f++);
            def.setFilter(e.getValue());
            def.setAsyncSupported("true");
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName(def.getFilterName());
            map.addURLPatternDecoded(e.getKey());
            // What ContextConfig does for a <filter-mapping> in web.xml.
            context.addFilterMap(map);
        }
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    /** @return the context's lifecycle state */
    LifecycleState contextState() {
        return context.getState();
    }

    @Override
    public void close() {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        } finally {
            if (config != null) {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
            deleteQuietly(baseDir);
            tomcat = null;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is harmless.
        }
    }

    // ------------------------------------------------------------------------------------------------ keys, codecs

    /** @param id a configured key id @return that key, as the application loads it */
    SigningKey key(String id) {
        return SigningKey.of(id, Algorithm.HS256, SecretBytes.fromUtf8(properties.get("steadfast.key." + id + ".secret")));
    }

    /** @return a codec that signs like the application (primary key, its audience), at the current time */
    JwsSessionCodec codec() {
        return codec(KeyRing.of(key("k1"), key("k2")), CONTEXT_PATH, Clock.systemUTC());
    }

    static JwsSessionCodec codec(KeyRing ring, String audience, Clock clock) {
        return new JwsSessionCodec(ring, CodecOptions.builder(audience).clock(clock).build());
    }

    /** @return how many sessions the container itself holds: Steadfast never lets it create one */
    int containerSessions() {
        return context.getManager().findSessions().length;
    }

    /** @return the application's session runtime, to read rejection counters */
    SessionRuntime runtime() {
        return (SessionRuntime) context.getServletContext().getAttribute(StartupListener.RUNTIME);
    }

    // ------------------------------------------------------------------------------------------------------- HTTP

    /**
     * @param path    path inside the context, e.g. {@code /count}
     * @param cookies {@code Cookie} header pairs ({@code name=value}), sent in this order in one header
     * @return the reply
     */
    Reply get(String path, String... cookies) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CONTEXT_PATH + path))
                .timeout(Duration.ofSeconds(10)).GET(), cookies);
    }

    /**
     * @param path    path inside the context
     * @param form    an {@code application/x-www-form-urlencoded} body
     * @param cookies {@code Cookie} header pairs
     * @return the reply
     */
    Reply post(String path, String form, String... cookies) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CONTEXT_PATH + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)), cookies);
    }

    private Reply send(HttpRequest.Builder request, String... cookies) {
        if (cookies.length > 0) {
            request.header("Cookie", String.join("; ", cookies));
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param status     HTTP status
     * @param body       body as text
     * @param headers    all headers (lower-case names)
     */
    record Reply(int status, String body, Map<String, List<String>> headers) {

        /** @return every Set-Cookie header value */
        List<String> setCookies() {
            List<String> out = new ArrayList<>();
            headers.forEach((name, values) -> {
                if (name.equalsIgnoreCase("set-cookie")) {
                    out.addAll(values);
                }
            });
            return out;
        }

        /** @return the Set-Cookie header of the session cookie, if any */
        Optional<String> sessionSetCookie() {
            List<String> found = setCookies().stream().filter(c -> c.startsWith(COOKIE + "=")).toList();
            if (found.size() > 1) {
                throw new AssertionError("More than one session Set-Cookie: " + found);
            }
            return found.stream().findFirst();
        }

        /** @return the new session cookie's value; fails when there is none */
        String sessionValue() {
            String header = sessionSetCookie().orElseThrow(() ->
                    new AssertionError("No session Set-Cookie; headers: " + headers));
            int semi = header.indexOf(';');
            return header.substring(COOKIE.length() + 1, semi < 0 ? header.length() : semi);
        }

        /** @return {@code steadfast=<value>} for the next request's Cookie header */
        String sessionCookie() {
            return COOKIE + "=" + sessionValue();
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** @param value a cookie value @return the key id in its JWS header */
    static String kid(String value) {
        String header = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
                StandardCharsets.UTF_8);
        int at = header.indexOf("\"kid\":\"") + 7;
        return header.substring(at, header.indexOf('"', at));
    }

    /** @param data a session @return {@code steadfast=<value>} signed by the application's primary key */
    String mint(SessionData data) {
        return COOKIE + "=" + codec().encode(data);
    }
}
