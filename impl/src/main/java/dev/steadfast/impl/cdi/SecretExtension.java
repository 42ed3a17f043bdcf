package dev.steadfast.impl.cdi;

import dev.steadfast.Secret;
import dev.steadfast.impl.boot.Bootstrap;
import dev.steadfast.impl.boot.CdiFindings;
import dev.steadfast.impl.boot.InjectedSecret;
import dev.steadfast.impl.message.Message;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.interceptor.Interceptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What only CDI can see at deployment: every injection point marked {@link Secret}, the application's
 * {@code @SessionScoped} beans, and misplaced {@code @Secret} annotations. It hands them to {@link Bootstrap}, whose
 * one check judges them with Steadfast's keys, so reuse between the two is caught and one report lists everything.
 *
 * <p>Injection points CDI never sees (servlets injected by Weld Servlet at runtime, for example) are not found
 * here; list those properties in {@code steadfast.validate}.
 */
public class SecretExtension implements Extension {

    private final Map<String, InjectedSecret> secrets = new LinkedHashMap<>();
    private final List<String> sessionScoped = new ArrayList<>();
    private final List<String> misplaced = new ArrayList<>();
    private final List<String> weakBounds = new ArrayList<>();

    private static final int MIN_BITS = 64;

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        if (ip.getAnnotated() == null || !ip.getAnnotated().isAnnotationPresent(Secret.class)) {
            return;
        }
        Optional<InjectedSecret> point = SecretInjectionPoint.of(ip);
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
        List<String> problems = new ArrayList<>();
        for (String point : weakBounds) {
            problems.add(Message.MIN_BITS_TOO_LOW.format(point, MIN_BITS));
        }
        for (String member : misplaced) {
            problems.add(Message.NOT_CONFIG.format(member));
        }
        CdiFindings found = new CdiFindings(List.copyOf(secrets.values()), sessionScoped, problems);
        for (String problem : Bootstrap.cdiFound(Thread.currentThread().getContextClassLoader(), found)) {
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
