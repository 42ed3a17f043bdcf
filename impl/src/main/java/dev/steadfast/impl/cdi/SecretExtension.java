package dev.steadfast.impl.cdi;

import dev.steadfast.Mode;
import dev.steadfast.Secret;
import dev.steadfast.impl.config.ApplicationProperties;
import dev.steadfast.impl.config.ContainerSessionPolicy;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.policy.DefaultSecretPolicy;
import dev.steadfast.impl.validation.Applications;
import dev.steadfast.impl.validation.CdiSecrets;
import dev.steadfast.impl.validation.ConfigurationCheck;
import dev.steadfast.impl.validation.PublicInputs;
import dev.steadfast.impl.validation.ValidationReport;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.SecretCandidate;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.interceptor.Interceptor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI path of deploy-time validation: finds every injection point marked {@link Secret} and judges its value
 * together with Steadfast's keys. In production each finding becomes one deployment problem, so the container
 * refuses the deployment and shows them all; in development the servlet-side check reports them as warnings.
 *
 * <p>Injection points CDI never sees (servlets injected by Weld Servlet at runtime, for example) are not found
 * here; list those properties in {@code steadfast.validate}.
 */
public class SecretExtension implements Extension {

    /** Id of the problem raised for {@code @Secret} without {@code @ConfigProperty}. */
    public static final String NOT_CONFIG = "STEADFAST-2006";

    private static final Logger LOG = Logger.getLogger("dev.steadfast");

    /** Id of the finding for a {@code @SessionScoped} bean. */
    public static final String SESSION_SCOPED = "STEADFAST-2008";

    private final Map<String, SecretInjectionPoint> secrets = new LinkedHashMap<>();
    private final List<String> sessionScoped = new ArrayList<>();
    private final List<String> misplaced = new ArrayList<>();
    private final List<String> weakBounds = new ArrayList<>();

    /** Id of the problem raised for {@code @Secret(minBits)} below {@value #MIN_BITS}. */
    public static final String MIN_BITS_TOO_LOW = "STEADFAST-2010";
    private static final int MIN_BITS = 64;

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        if (ip.getAnnotated() == null || !ip.getAnnotated().isAnnotationPresent(Secret.class)) {
            return;
        }
        Optional<SecretInjectionPoint> point = SecretInjectionPoint.of(ip);
        if (point.isPresent() && point.get().requiredBits() < MIN_BITS) {
            weakBounds.add(point.get().location() + " (minBits = " + point.get().requiredBits() + ")");
        } else if (point.isPresent()) {
            secrets.putIfAbsent(point.get().property(), point.get());
        } else {
            misplaced.add(String.valueOf(ip.getMember()));
        }
    }

    // Weld keeps @SessionScoped instances in the container's HttpSession, which Steadfast does not replace.
    void beans(@Observes ProcessBean<?> event) {
        Class<?> type = event.getBean().getBeanClass();
        // Only the application's own beans: Payara's (Faces, Soteria, its OAuth2 and OpenID clients) are session
        // scoped too, and reporting what the application cannot change made container-sessions=fail refuse every
        // CDI deployment there. The application's classes come from the web application's class loader, as does
        // this jar; Weld's own HttpSession bean (Weld Servlet sits in WEB-INF/lib) holds no application state.
        ClassLoader loader = type.getClassLoader();
        boolean application = loader != null && (loader == SecretExtension.class.getClassLoader()
                || loader == Thread.currentThread().getContextClassLoader());
        if (event.getBean().getScope() == SessionScoped.class && application && !framework(type.getName())) {
            sessionScoped.add(type.getName());
        }
    }

    // Frameworks bundled in WEB-INF/lib load with the application's classes: Weld's own HttpSession bean holds no
    // application state, and Faces' session-scoped beans (Mojarra's push channel manager) are used only by
    // features the application turns on, which the Faces check and the runtime warning cover.
    private static boolean framework(String className) {
        return className.startsWith("org.jboss.weld.") || className.startsWith("com.sun.faces.")
                || className.startsWith("org.apache.myfaces.");
    }

    // Late priority: SmallRye's own config checks report first, and ours then stand together.
    void validate(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 500) AfterDeploymentValidation adv) {
        ClassLoader app = Thread.currentThread().getContextClassLoader();
        PropertyLookup config = ApplicationProperties.withFallback(PropertyLookup.of(ConfigProvider.getConfig(app)),
                app, "the application");
        List<SecretCandidate> candidates = secrets.values().stream()
                .map(s -> s.candidate(config)).collect(Collectors.toList());
        CdiSecrets.record(app, candidates);

        ValidationReport report = new ConfigurationCheck(new DefaultSecretPolicy()).run(config, candidates,
                PublicInputs.ofThisHost(Applications.name(config, null)), Instant.now());
        List<String> problems = new ArrayList<>();
        ContainerSessionPolicy containerSessions = ContainerSessionPolicy.resolve(config, new ArrayList<>());
        for (String bean : sessionScoped) {
            String message = SESSION_SCOPED + ": @SessionScoped bean " + bean + " keeps its state in the container's "
                    + "HttpSession, not in Steadfast's cookie, so a restart or another instance loses it. Fix: keep "
                    + "that state in HttpSession attributes (or a @RequestScoped bean reading them), or set "
                    + "steadfast.session.container-sessions=allow (docs/migration.md)";
            if (containerSessions == ContainerSessionPolicy.FAIL) {
                problems.add(message);
            } else if (containerSessions == ContainerSessionPolicy.WARN) {
                LOG.warning(message);
            }
        }
        for (String point : weakBounds) {
            problems.add(MIN_BITS_TOO_LOW + ": @Secret on " + point + " asks for less than " + MIN_BITS
                    + " bits, which any attacker can guess. Fix: use at least 128, or the default 256 for MAC keys");
        }
        for (String member : misplaced) {
            problems.add(NOT_CONFIG + ": @Secret on " + member + " has no @ConfigProperty, so Steadfast cannot tell "
                    + "which property to validate. Fix: add @ConfigProperty(name = \"...\"), or list the property in "
                    + "steadfast.validate");
        }
        if (report.mode() != Mode.PRODUCTION) {
            // Development findings are reported once, by the servlet-side check, as warnings; an explicit
            // container-sessions=fail still refuses.
            for (java.util.Iterator<String> it = problems.iterator(); it.hasNext();) {
                String problem = it.next();
                if (!problem.startsWith(SESSION_SCOPED)) {
                    LOG.warning(problem);
                    it.remove();
                }
            }
        } else {
            report.findings().stream().map(Finding::message).forEach(problems::add);
        }
        if (problems.isEmpty()) {
            return;
        }
        LOG.severe(() -> "Steadfast refused the deployment (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):"
                + problems.stream().map(p -> System.lineSeparator() + "  " + p).collect(Collectors.joining()));
        for (String problem : problems) {
            adv.addDeploymentProblem(new SecretDeploymentProblem(problem));
        }
    }

    /** A deployment problem whose message is complete in itself; its stack trace would only add noise. */
    static final class SecretDeploymentProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretDeploymentProblem(String message) {
            super(message, null, false, false);
        }
    }
}
