package dev.steadfast.impl.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steadfast.SteadfastConfigurationException;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.support.LogCapture;
import dev.steadfast.impl.boot.Deployment;
import dev.steadfast.impl.boot.Deployments;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.testsupport.Secrets;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Faces check's results acted on by the deployment, with Steadfast's own keys in the same report. */
class FacesDeploymentTest {

    private static final Instant NOW = Instant.parse("2026-12-03T00:00:00Z");
    private static final String STEADFAST_KEY = Secrets.register(FacesCheckTest.base64(32));

    @TempDir
    Path tmp;


    private static PropertyLookup production() {
        return PropertyLookup.of(Map.of("steadfast.keys", "k1", "steadfast.key.k1.secret", STEADFAST_KEY),
                "from test, ordinal 100");
    }

    private PropertyLookup development() {
        return PropertyLookup.of(Map.of("steadfast.mode", "development",
                "steadfast.dev.key-file", tmp.resolve("dev.key").toString()), "from test, ordinal 100");
    }

    private static FacesReport faces(Map<String, String> params, Object mojarraKey) {
        return FacesCheck.judge(new FacesEnvironment(true, false, params::get,
                name -> name.equals(FacesCheck.MOJARRA_KEY) ? Optional.ofNullable(mojarraKey) : Optional.empty()));
    }

    private static final Map<String, String> CLIENT = Map.of(FacesCheck.STATE_SAVING_METHOD, "client");

    private Deployment deploy(PropertyLookup config, FacesReport faces) {
        return Deployments.start("/guess", config, faces.candidates(), faces.problems(), NOW);
    }

    @Test
    void shouldRefuseWithTheStateSavingMessage_whenFacesKeepsStateOnTheServerInProduction() {
        try (LogCapture log = LogCapture.steadfast()) {
            assertThatThrownBy(() -> deploy(production(), faces(Map.of(), null)))
                    .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> {
                        assertThat(e.findings()).isEmpty();
                        assertThat(e.problems()).singleElement().asString().startsWith("STEADFAST-2013: ");
                        assertThat(e.getMessage()).startsWith("Steadfast refused the configuration (1 problem):")
                                .contains("STEADFAST-2013: Jakarta Faces keeps view state in the session");
                    });
            assertThat(log.messages(Level.SEVERE)).singleElement().asString().contains("STEADFAST-2013");
        }
    }

    @Test
    void shouldWarnWithTheSameText_whenFacesKeepsStateOnTheServerInDevelopment() {
        try (LogCapture log = LogCapture.steadfast()) {
            FacesReport faces = faces(Map.of(), null);
            deploy(development(), faces);
            assertThat(log.messages(Level.WARNING)).anySatisfy(w -> assertThat(w)
                    .startsWith("STEADFAST-2004: /guess runs in development mode; production would refuse it "
                            + "(1 problem):").endsWith(faces.problems().get(0)));
        }
    }

    @Test
    void shouldRefuse_whenClientStateHasNoKeyInProduction() {
        assertThatThrownBy(() -> deploy(production(), faces(CLIENT, null)))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith("STEADFAST-2014: java:comp/env/faces/"
                                + "ClientSideSecretKey (JNDI environment entry) is not set"));
    }

    @Test
    void shouldDeploy_whenClientStateHasAGoodKey() {
        String key = Secrets.register(FacesCheckTest.base64(32));
        try (LogCapture log = LogCapture.steadfast()) {
            Deployment d = deploy(production(), faces(CLIENT, key));
            assertThat(d.report().findings()).isEmpty();
            assertThat(log.text()).doesNotContain(key, STEADFAST_KEY);
        }
    }

    @Test
    void shouldRefuseAsReused_whenTheFacesKeyIsSteadfastsKey() {
        try (LogCapture log = LogCapture.steadfast()) {
            assertThatThrownBy(() -> deploy(production(), faces(CLIENT, STEADFAST_KEY)))
                    .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> {
                        assertThat(e.findings()).extracting(Finding::rule).containsExactly(Rule.REUSED);
                        assertThat(e.getMessage()).contains("java:comp/env/faces/ClientSideSecretKey")
                                .doesNotContain(STEADFAST_KEY);
                    });
            assertThat(log.text()).doesNotContain(STEADFAST_KEY);
        }
    }

    @Test
    void shouldRefuseAsTooWeak_whenTheFacesKeyIsAnAes128Key() {
        String short16 = Secrets.register(FacesCheckTest.base64(16));
        assertThatThrownBy(() -> deploy(production(), faces(CLIENT, short16)))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> {
                    assertThat(e.findings()).extracting(Finding::rule).containsExactly(Rule.TOO_WEAK);
                    assertThat(e.findings().get(0).message()).startsWith("STEADFAST-1101: java:comp/env/faces/"
                            + "ClientSideSecretKey (JNDI environment entry) ").doesNotContain(short16);
                });
    }

    @Test
    void shouldRefuse_whenTheFacesKeyIsAllZeroBytes() {
        String zeros = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> deploy(production(), faces(CLIENT, zeros)))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> {
                    assertThat(e.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.property())
                            .isEqualTo(FacesCheck.MOJARRA_KEY));
                    assertThat(e.getMessage()).doesNotContain(zeros);
                });
    }

    @Test
    void shouldRefuseEveryProblemAtOnce_whenSteadfastsKeyAndFacesAreBothWrong() {
        PropertyLookup bad = PropertyLookup.of(Map.of("steadfast.keys", "k1", "steadfast.key.k1.secret",
                "changeme"), "from test, ordinal 100");
        Map<String, String> none = new HashMap<>();
        assertThatThrownBy(() -> deploy(bad, faces(none, null)))
                .isInstanceOfSatisfying(SteadfastConfigurationException.class, e -> {
                    assertThat(e.findings()).extracting(Finding::rule).containsExactly(Rule.PLACEHOLDER);
                    assertThat(e.problems()).singleElement().asString().startsWith("STEADFAST-2013");
                    assertThat(e.getMessage()).startsWith("Steadfast refused the configuration (2 problems):");
                });
    }
}
