package dev.steadfast.impl.boot;

import dev.steadfast.Mode;
import dev.steadfast.Steadfast;
import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.SteadfastProperties;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.impl.config.ApplicationProperties;
import dev.steadfast.impl.config.ContainerSessionPolicy;
import dev.steadfast.impl.config.Modes;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.config.PropertyReader;
import dev.steadfast.impl.faces.FacesCheck;
import dev.steadfast.impl.faces.FacesEnvironment;
import dev.steadfast.impl.faces.FacesReport;
import dev.steadfast.impl.keys.DevelopmentKey;
import dev.steadfast.impl.message.Message;
import dev.steadfast.impl.message.Messages;
import dev.steadfast.impl.session.SessionBudget;
import dev.steadfast.impl.session.SessionSettings;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.policy.SecretPolicy;
import dev.steadfast.spi.SteadfastProvider;

import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionCookieConfig;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * The one way Steadfast starts for an application: read the configuration once, build the key ring, judge every
 * secret together, act on the findings by mode, and hand back the deployment (settings, codec, keys). Policy and
 * codec come from the {@link SteadfastProvider} found by {@link Steadfast#provider()}, so production runs exactly
 * what the TCK certifies.
 *
 * <p>Two parts of a container see an application start. CDI, when present, finishes first (WildFly and Payara
 * deploy CDI before the web module; Weld Servlet boots in its initializer, before any listener runs) and hands what
 * only it can see to {@link #cdiFound}; the servlet side then calls {@link #start(ServletContext, int,
 * SessionCookieConfig, boolean)}, which runs the check once with both.
 */
public final class Bootstrap {

    // Keyed weakly by the application's class loader, so an undeployed application leaves nothing behind.
    private static final Map<ClassLoader, CdiFindings> FROM_CDI = new WeakHashMap<>();
    private static final Set<ClassLoader> STARTED = Collections.newSetFromMap(new WeakHashMap<>());

    private Bootstrap() {
    }

    /**
     * The servlet side: starts the application whose context is being initialized.
     *
     * @param ctx            the application's context
     * @param sessionTimeout {@code ctx.getSessionTimeout()}, read by the initializer (a listener it adds may not)
     * @param cookieConfig   {@code ctx.getSessionCookieConfig()}, likewise
     * @param facesMapped    whether a FacesServlet serves the application
     * @return the deployment
     * @throws SteadfastConfigurationException when the configuration is refused, after logging the report
     */
    public static Deployment start(ServletContext ctx, int sessionTimeout, SessionCookieConfig cookieConfig,
                                   boolean facesMapped) {
        ClassLoader loader = ctx.getClassLoader();
        String contextPath = ctx.getContextPath();
        PropertyLookup config = ApplicationProperties.of(loader, contextPath.isEmpty() ? "/" : contextPath);
        CdiFindings cdi;
        synchronized (Bootstrap.class) {
            STARTED.add(loader);
            cdi = FROM_CDI.remove(loader);
        }
        FacesReport faces = FacesCheck.judge(FacesEnvironment.of(ctx, facesMapped));
        return start(contextPath, config, sessionTimeout, cookieConfig, faces, cdi == null ? CdiFindings.NONE : cdi,
                Steadfast.provider(), Instant.now());
    }

    /**
     * The whole start, without a container.
     *
     * @param contextPath    the servlet context path ({@code ""} for the root context)
     * @param config         where to read
     * @param sessionTimeout the container's session timeout in minutes
     * @param cookieConfig   the application's session cookie configuration, or null
     * @param faces          what the Faces check found
     * @param cdi            what the CDI extension found
     * @param provider       where the policy and the codec come from
     * @param now            the current time
     * @return the deployment
     * @throws SteadfastConfigurationException when the configuration is refused, after logging the report
     */
    public static Deployment start(String contextPath, PropertyLookup config, int sessionTimeout,
                                   SessionCookieConfig cookieConfig, FacesReport faces, CdiFindings cdi,
                                   SteadfastProvider provider, Instant now) {
        PropertyReader reader = new PropertyReader(config);
        String app = Applications.name(config, contextPath);
        Mode mode = Modes.resolve(reader);
        SessionSettings settings = SessionSettings.resolve(reader, mode, app, contextPath, sessionTimeout,
                cookieConfig);
        ContainerSessionPolicy containerSessions = ContainerSessionPolicy.resolve(reader);
        ValidationReport report = check(provider.secretPolicy(), reader, mode, app, cdi, faces.candidates(), now);

        List<String> problems = new ArrayList<>(faces.problems());
        problems.addAll(cdi.problems());
        List<String> beans = sessionScoped(cdi.sessionScoped(), containerSessions);
        if (containerSessions == ContainerSessionPolicy.FAIL && !beans.isEmpty()) {
            // Asked for explicitly, so refused in development too.
            if (mode == Mode.DEVELOPMENT) {
                throw DeploymentValidator.refuse(app, new SteadfastConfigurationException(List.of(), beans));
            }
            problems.addAll(beans);
        }
        Path devKey = reader.value(SteadfastProperties.DEV_KEY_FILE).map(Path::of)
                .orElseGet(() -> DevelopmentKey.defaultPath(app));
        KeyRing keys = DeploymentValidator.accept(app, report, problems, devKey, now);
        if (settings.chunking() && settings.maxSize() > SessionSettings.CHUNKED_HEADER_WARNING) {
            Message.CHUNKED_BUDGET.log(settings.maxSize());
        }
        SessionCodec codec = provider.sessionCodec(keys, settings.codecOptions());
        // Found only now that the keys are known; acted on like every other finding, by mode.
        SessionBudget.check(codec, keys, settings, config, now)
                .ifPresent(tooSmall -> DeploymentValidator.acceptLate(app, mode, tooSmall));
        return new Deployment(app, mode, keys, settings, codec, containerSessions, report);
    }

    /**
     * The SPI's judgement of a configuration on its own: what {@code validate} and {@code keyRing} return.
     *
     * @param policy the policy
     * @param config where to read
     * @return the report
     */
    public static ValidationReport check(SecretPolicy policy, PropertyLookup config) {
        PropertyReader reader = new PropertyReader(config);
        return new ConfigurationCheck(policy).run(reader, Modes.resolve(reader), Applications.name(config, null),
                List.of(), Instant.now());
    }

    /**
     * The CDI side: records what the extension found for the servlet side's check.
     *
     * @param loader the application's class loader
     * @param found  what the extension found
     * @return problems to report to CDI now: none when the servlet side will judge them (the usual order); when
     *         the servlet side already started (a container that deploys CDI after the web module), the check runs
     *         here on what CDI found, and production's problems are returned so CDI refuses the deployment
     */
    public static List<String> cdiFound(ClassLoader loader, CdiFindings found) {
        synchronized (Bootstrap.class) {
            if (!STARTED.contains(loader)) {
                FROM_CDI.put(loader, found);
                return List.of();
            }
        }
        PropertyLookup config = ApplicationProperties.of(loader, "the application");
        PropertyReader reader = new PropertyReader(config);
        String app = Applications.name(config, null);
        Mode mode = Modes.resolve(reader);
        ContainerSessionPolicy containerSessions = ContainerSessionPolicy.resolve(reader);
        ValidationReport report = check(Steadfast.provider().secretPolicy(), reader, mode, app, found, List.of(),
                Instant.now());
        List<String> beans = sessionScoped(found.sessionScoped(), containerSessions);
        List<String> refused = new ArrayList<>(containerSessions == ContainerSessionPolicy.FAIL ? beans : List.of());
        if (mode == Mode.PRODUCTION) {
            report.findings().forEach(f -> refused.add(f.message()));
            refused.addAll(found.problems());
        } else {
            found.problems().forEach(Messages::warning);
        }
        if (!refused.isEmpty()) {
            DeploymentValidator.refuse(app, new SteadfastConfigurationException(List.of(), refused));
        }
        return refused;
    }

    // Both sides judge every secret in one check: the keys, the @Secret values CDI found (read from the same
    // configuration) and the secrets found elsewhere, so that reuse between any two is caught.
    private static ValidationReport check(SecretPolicy policy, PropertyReader reader, Mode mode, String app,
                                          CdiFindings cdi, List<SecretCandidate> more, Instant now) {
        List<SecretCandidate> extra = cdi.secrets().stream().map(s -> s.candidate(reader.lookup()))
                .collect(Collectors.toCollection(ArrayList::new));
        extra.addAll(more);
        return new ConfigurationCheck(policy).run(reader, mode, app, extra, now);
    }

    // Warned about here when the policy says warn, so the warning comes once per deployment.
    private static List<String> sessionScoped(List<String> beans, ContainerSessionPolicy policy) {
        List<String> messages = beans.stream().map(bean -> Message.SESSION_SCOPED.format(bean))
                .collect(Collectors.toList());
        if (policy == ContainerSessionPolicy.WARN) {
            beans.forEach(Message.SESSION_SCOPED::log);
        }
        return messages;
    }

}
