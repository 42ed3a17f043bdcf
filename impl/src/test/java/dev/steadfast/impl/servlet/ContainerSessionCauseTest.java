package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.servlet.ContainerSessionWatch.Cause;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * STEADFAST-3004 names what created a container session from synthetic stacks of each platform, innermost frame
 * first: the application's frame past the platform's, or Faces or CDI when they did it, never a worker thread.
 */
class ContainerSessionCauseTest {

    private static final String[] CREATED = {
        "java.lang.Thread.getStackTrace",
        "dev.steadfast.impl.servlet.ContainerSessionWatch.sessionCreated",
    };
    private static final String[] UNDERTOW_GET_SESSION = {
        "io.undertow.servlet.core.ApplicationListeners.sessionCreated",
        "io.undertow.server.session.InMemorySessionManager.createSession",
        "org.wildfly.clustering.web.undertow.session.DistributableSessionManager.createSession",
        "io.undertow.servlet.spec.HttpServletRequestImpl.getSession",
    };
    private static final String[] WILDFLY_WORKER = {
        "jakarta.faces.webapp.FacesServlet.service",
        "io.undertow.servlet.handlers.ServletHandler.handleRequest",
        "dev.steadfast.impl.servlet.SessionFilter.doFilter",
        "io.undertow.servlet.core.ManagedFilter.doFilter",
        "org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run",
        "org.xnio.XnioWorker$WorkerThreadFactory$1$1.run",
        "java.lang.Thread.run",
    };

    private static StackTraceElement[] stack(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).map(frame -> {
            int dot = frame.lastIndexOf('.');
            return new StackTraceElement(frame.substring(0, dot), frame.substring(dot + 1), null, -1);
        }).toArray(StackTraceElement[]::new);
    }

    @Test
    void shouldNameFacesWithItsFix_whenMojarraCreatedTheSessionOnWildFly() {
        Cause cause = ContainerSessionWatch.cause(stack(CREATED, UNDERTOW_GET_SESSION,
                new String[] {"com.sun.faces.context.ExternalContextImpl.getSession",
                    "com.sun.faces.renderkit.ServerSideStateHelper.writeState",
                    "com.sun.faces.application.view.FaceletViewHandlingStrategy.renderView"},
                WILDFLY_WORKER));

        assertThat(cause.text()).isEqualTo("com.sun.faces.context.ExternalContextImpl.getSession: created by Jakarta "
                + "Faces for its view state");
        assertThat(cause.fix()).contains("jakarta.faces.STATE_SAVING_METHOD to client");
    }

    @Test
    void shouldNameFaces_whenMyFacesCreatedTheSessionOnOpenLiberty() {
        Cause cause = ContainerSessionWatch.cause(stack(CREATED,
                new String[] {"com.ibm.ws.session.SessionManager.createSession",
                    "com.ibm.ws.webcontainer.srt.SRTServletRequest.getSession",
                    "org.apache.myfaces.renderkit.ServerSideStateCacheImpl.saveSerializedView",
                    "jakarta.faces.webapp.FacesServlet.service",
                    "io.openliberty.webcontainer.servlet.internal.ServletWrapper.service",
                    "java.lang.Thread.run"}));

        assertThat(cause.text()).endsWith(": created by Jakarta Faces for its view state")
                .startsWith("org.apache.myfaces.renderkit.ServerSideStateCacheImpl.saveSerializedView");
    }

    @Test
    void shouldNameCdiWithItsFix_whenWeldStoresASessionScopedBean() {
        Cause cause = ContainerSessionWatch.cause(stack(CREATED, UNDERTOW_GET_SESSION,
                new String[] {"org.jboss.weld.module.web.context.beanstore.http.LazySessionBeanStore.getSession",
                    "org.jboss.weld.contexts.AbstractContext.get",
                    "org.jboss.weld.bean.proxy.ContextBeanInstance.getInstance",
                    "com.example.shop.Cart$Proxy$_$$_WeldClientProxy.add",
                    "com.example.shop.CartServlet.doPost"},
                WILDFLY_WORKER));

        assertThat(cause.text()).isEqualTo("org.jboss.weld.module.web.context.beanstore.http.LazySessionBeanStore"
                + ".getSession: created by CDI for a @SessionScoped bean");
        assertThat(cause.fix()).contains("@SessionScoped").contains("@RequestScoped").contains("STEADFAST-2008");
    }

    @Test
    void shouldNameApplicationFrame_whenItReachesContainerRequestThroughAnotherBeansProxy() {
        Cause cause = ContainerSessionWatch.cause(stack(CREATED, UNDERTOW_GET_SESSION,
                new String[] {"org.jboss.weldx.jakarta.servlet.http.HttpServletRequest$$Proxy$_$$_WeldClientProxy"
                    + ".getSession",
                    "org.jboss.weld.bean.proxy.AbstractBeanInstance.invoke",
                    "com.example.auth.LegacyLogin.login",
                    "com.example.auth.LoginServlet.doPost"},
                WILDFLY_WORKER));

        assertThat(cause.text()).isEqualTo("com.example.auth.LegacyLogin.login");
    }

    @Test
    void shouldSayNoApplicationCode_whenOnlyPlatformFramesAreOnTheStack() {
        Cause cause = ContainerSessionWatch.cause(stack(CREATED, UNDERTOW_GET_SESSION, WILDFLY_WORKER));

        assertThat(cause.text()).isEqualTo("the container or a framework (no application code on the stack)")
                .doesNotContain("org.xnio");
    }

    @Test
    void shouldSkipEveryContainersFrames_whenApplicationCodeIsOutsideThem() {
        String[] payara = {"org.apache.catalina.session.StandardManager.createSession",
            "org.apache.catalina.connector.Request.doGetSession",
            "org.apache.coyote.Request.action",
            "org.apache.tomcat.util.net.SocketProcessorBase.run",
            "com.sun.enterprise.web.PESessionLocker.lock",
            "org.glassfish.grizzly.http.server.Request.getSession",
            "fish.payara.nucleus.requesttracing.RequestTracingService.trace",
            "jdk.internal.reflect.DirectMethodHandleAccessor.invoke",
            "sun.reflect.misc.Trampoline.invoke",
            "dev.steadfast.impl.session.RequestSessionState.get",
            "com.example.report.ExportServlet.doGet"};

        Cause cause = ContainerSessionWatch.cause(stack(CREATED, payara, WILDFLY_WORKER));

        assertThat(cause.text()).isEqualTo("com.example.report.ExportServlet.doGet");
        assertThat(ContainerSessionWatch.message("/shop", cause)).isEqualTo("STEADFAST-3004: /shop created a "
                + "container HttpSession (first seen from com.example.report.ExportServlet.doGet). Its state lives "
                + "in this server's memory only, outside Steadfast's cookie: a restart or another instance loses it. "
                + "Keep session state in HttpSession attributes reached through the request, or set "
                + "steadfast.session.container-sessions=allow if this is intended. Logged once per cause.");
    }
}
