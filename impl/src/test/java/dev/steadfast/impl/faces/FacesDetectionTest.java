package dev.steadfast.impl.faces;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FacesDetectionTest {

    private static ServletRegistration registration(String className) {
        return (ServletRegistration) Proxy.newProxyInstance(FacesDetectionTest.class.getClassLoader(),
                new Class<?>[] {ServletRegistration.class}, (p, m, a) -> m.getName().equals("getClassName")
                        ? className : null);
    }

    // A context whose servlets are the given classes, or, with null, one that refuses to list them as a listener
    // added by an initializer may be refused; faces-config.xml present or not.
    private static ServletContext context(Map<String, String> servlets, boolean facesConfig) {
        return context(servlets, facesConfig, FacesDetectionTest.class.getClassLoader());
    }

    private static ServletContext context(Map<String, String> servlets, boolean facesConfig, ClassLoader loader) {
        return (ServletContext) Proxy.newProxyInstance(FacesDetectionTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getServletRegistrations":
                            if (servlets == null) {
                                throw new UnsupportedOperationException("not from this listener");
                            }
                            Map<String, ServletRegistration> out = new LinkedHashMap<>();
                            servlets.forEach((name, cls) -> out.put(name, registration(cls)));
                            return out;
                        case "getClassLoader":
                            return loader;
                        case "getResource":
                            return facesConfig && "/WEB-INF/faces-config.xml".equals(a[0])
                                    ? new URL("file:/WEB-INF/faces-config.xml") : null;
                        default:
                            return null;
                    }
                });
    }

    @Test
    void shouldFindFaces_whenAFacesServletIsRegistered() {
        ServletContext ctx = context(Map.of("Faces Servlet", FacesDetection.FACES_SERVLET), false);
        assertThat(FacesDetection.facesMapped(ctx, null, Set.of())).isTrue();
    }

    @Test
    void shouldFindFaces_whenTheOldFacesServletIsRegistered() {
        ServletContext ctx = context(Map.of("faces", FacesDetection.JAVAX_FACES_SERVLET), false);
        assertThat(FacesDetection.facesMapped(ctx, null, Set.of())).isTrue();
    }

    @Test
    void shouldNotFindFaces_whenOnlyOtherServletsAreRegistered() {
        ServletContext ctx = context(Map.of("default", "org.apache.catalina.servlets.DefaultServlet"), true);
        assertThat(FacesDetection.facesMapped(ctx, null, Set.of(FacesDetection.FACES_SERVLET))).isFalse();
    }

    @Test
    void shouldAskTheInitializersContext_whenTheListenersContextRefuses() {
        ServletContext refusing = context(null, false);
        ServletContext initializer = context(Map.of("Faces Servlet", FacesDetection.FACES_SERVLET), false);
        assertThat(FacesDetection.facesMapped(refusing, initializer, Set.of())).isTrue();
    }

    @Test
    void shouldUseTheSnapshot_whenNoContextAnswers() {
        ServletContext refusing = context(null, false);
        assertThat(FacesDetection.facesMapped(refusing, refusing, Set.of(FacesDetection.FACES_SERVLET))).isTrue();
        assertThat(FacesDetection.facesMapped(refusing, refusing, Set.of("x.Other"))).isFalse();
    }

    @Test
    void shouldGuessFromFacesConfig_whenNoContextAnswersAndFacesIsOnTheClassPath() {
        // Mojarra is on the tests' class path (FacesTomcatTest); its initializer maps the servlet for such an app.
        assertThat(FacesDetection.facesMapped(context(null, true), null, Set.of())).isTrue();
        assertThat(FacesDetection.facesMapped(context(null, false), null, Set.of())).isFalse();
    }

    @Test
    void shouldNotGuessFromFacesConfig_whenFacesIsNotOnTheClassPath() {
        ClassLoader withoutFaces = new ClassLoader(null) { };
        assertThat(FacesDetection.facesMapped(context(null, true, withoutFaces), null, Set.of())).isFalse();
    }

    @Test
    void shouldSnapshotTheRegisteredServlets_whenTheInitializerRuns() {
        ServletContext ctx = context(Map.of("a", "x.A", "b", FacesDetection.FACES_SERVLET), false);
        assertThat(FacesDetection.snapshot(ctx)).containsExactlyInAnyOrder("x.A", FacesDetection.FACES_SERVLET);
        assertThat(FacesDetection.snapshot(context(null, false))).isEmpty();
    }
}
