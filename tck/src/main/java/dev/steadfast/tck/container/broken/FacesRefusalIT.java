package dev.steadfast.tck.container.broken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steadfast.tck.Clause;
import dev.steadfast.tck.SteadfastContainerTest;
import dev.steadfast.tck.Tags;
import dev.steadfast.tck.app.PingServlet;
import dev.steadfast.tck.support.FacesWars;
import dev.steadfast.tck.support.ServerLog;
import dev.steadfast.tck.support.TestKeys;
import dev.steadfast.tck.support.Wars;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Faces applications a production deployment must refuse (DEPLOY-10 to DEPLOY-13): Faces' default
 * server-side state saving, client state without a usable key of its own, and client state with its protection
 * turned off. Where the runner exposes the server log, the refusal names the setting and never a key's value. Faces
 * comes from the container or the runner, MyFaces from the runner ({@link FacesWars}).
 */
@SteadfastContainerTest
@Tag(Tags.FACES)
@RunAsClient
class FacesRefusalIT {

    private static final String ENTRY = "java:comp/env/faces/ClientSideSecretKey";
    private static final String KEY = TestKeys.secret();
    /** Base64 but not of an AES key's length (12 bytes); unique per run, so "never the value" means something. */
    private static final String SHORT_KEY = Base64.getEncoder().encodeToString(
            UUID.randomUUID().toString().substring(0, 12).getBytes(StandardCharsets.US_ASCII));
    /**
     * One value that is both a usable Faces key and Steadfast's own key: reuse (POLICY-8), which shows that the key
     * is judged by the secret policy together with the application's other secrets.
     */
    private static final String SHARED = sharedKey();

    @ArquillianResource
    private Deployer deployer;

    @BeforeEach
    void facesAvailable() {
        FacesWars.assumeFaces();
    }

    /** Standard base64 of 32 random bytes with neither '+' nor '/', so that it is a good Steadfast key too. */
    private static String sharedKey() {
        String key;
        do {
            key = FacesWars.newKey();
        } while (key.contains("+") || key.contains("/"));
        return key;
    }

    /** Kept deployed so the container has something running between refusals. */
    @Deployment(name = "faces-refusal-anchor", testable = false)
    static WebArchive anchor() {
        return Wars.named("faces-refusal-anchor").classes(PingServlet.class)
                .config(TestKeys.ring("k1", TestKeys.secret())).build();
    }

    @Deployment(name = "faces-default", managed = false, testable = false)
    static WebArchive facesDefault() {
        // Only the pre-Jakarta name says client: Faces 4 does not read it, so state is still saved on the server.
        return FacesWars.named("faces-default").contextParameter("javax.faces.STATE_SAVING_METHOD", "client")
                .environment(FacesWars.MOJARRA_KEY_ENTRY, FacesWars.newKey()).config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "faces-no-key", managed = false, testable = false)
    static WebArchive facesNoKey() {
        return FacesWars.named("faces-no-key").stateSaving("client").config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "faces-short-key", managed = false, testable = false)
    static WebArchive facesShortKey() {
        return FacesWars.named("faces-short-key").clientState(SHORT_KEY).config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "faces-reused-key", managed = false, testable = false)
    static WebArchive facesReusedKey() {
        return FacesWars.named("faces-reused-key").clientState(SHARED).config(TestKeys.ring("k1", SHARED)).build();
    }

    @Deployment(name = "faces-unprotected", managed = false, testable = false)
    static WebArchive facesUnprotected() {
        return FacesWars.named("faces-unprotected").clientState(FacesWars.newKey())
                .contextParameter("com.sun.faces.disableClientStateEncryption", "true")
                .config(TestKeys.ring("k1", KEY)).build();
    }

    @Deployment(name = "myfaces-no-keys", managed = false, testable = false)
    static WebArchive myFacesNoKeys() {
        return FacesWars.named("myfaces-no-keys").myFaces().stateSaving("client").config(TestKeys.ring("k1", KEY))
                .build();
    }

    @Deployment(name = "myfaces-unprotected", managed = false, testable = false)
    static WebArchive myFacesUnprotected() {
        return FacesWars.named("myfaces-unprotected").myFaces().stateSaving("client")
                .contextParameter("org.apache.myfaces.SECRET", FacesWars.newKey())
                .contextParameter("org.apache.myfaces.MAC_SECRET", FacesWars.newKey())
                .contextParameter("org.apache.myfaces.USE_ENCRYPTION", "false")
                .config(TestKeys.ring("k1", KEY)).build();
    }

    @Test
    @Clause("DEPLOY-10")
    @Clause("DEPLOY-1")
    void defaultServerStateSaving_refusesDeploymentNamingTheParametersAndTheFix() {
        assertRefused("faces-default", "STEADFAST-2013: Jakarta Faces keeps view state in the session")
                .ifPresent(text -> assertThat(text).contains(FacesWars.STATE_SAVING_METHOD + " is not set")
                        .contains("javax.faces.STATE_SAVING_METHOD")
                        .contains("Fix: set the context parameter " + FacesWars.STATE_SAVING_METHOD + " to client"));
    }

    @Test
    @Clause("DEPLOY-11")
    @Clause("DEPLOY-1")
    void clientStateWithoutAKey_refusesDeploymentNamingTheEntry() {
        assertRefused("faces-no-key", "STEADFAST-2014: " + ENTRY).ifPresent(text ->
                assertThat(text).doesNotContain("STEADFAST-2013"));
    }

    @Test
    @Clause("DEPLOY-11")
    @Clause("MSG-2")
    void clientStateWithAKeyOfTheWrongLength_refusesDeploymentWithoutTheValue() {
        assertRefused("faces-short-key", "STEADFAST-2014: " + ENTRY).ifPresent(text ->
                assertThat(text).doesNotContain(SHORT_KEY));
    }

    @Test
    @Clause("DEPLOY-11")
    @Clause("DEPLOY-3")
    @Clause("POLICY-8")
    void clientStateKeyEqualToASteadfastKey_refusesDeploymentAsReuse() {
        assertRefused("faces-reused-key", "STEADFAST-1107: ").ifPresent(text -> {
            assertThat(text.lines().filter(l -> l.contains("STEADFAST-1107: ")))
                    .anyMatch(l -> l.contains(ENTRY) && l.contains("steadfast.key.k1.secret"));
            assertThat(text).doesNotContain(SHARED);
        });
    }

    @Test
    @Clause("DEPLOY-13")
    void clientStateWithProtectionTurnedOff_refusesDeployment() {
        assertRefused("faces-unprotected", "STEADFAST-2014: com.sun.faces.disableClientStateEncryption");
    }

    @Test
    @Clause("DEPLOY-12")
    @Clause("DEPLOY-3")
    void myFacesClientStateWithoutKeys_refusesDeploymentNamingBothParameters() {
        FacesWars.assumeMyFaces();
        assertRefused("myfaces-no-keys", "STEADFAST-2014: org.apache.myfaces.SECRET (context parameter) is not set")
                .ifPresent(text -> assertThat(text)
                        .contains("STEADFAST-2014: org.apache.myfaces.MAC_SECRET (context parameter) is not set")
                        .doesNotContain("java:comp/env/faces/ClientSideSecretKey"));
    }

    @Test
    @Clause("DEPLOY-13")
    void myFacesClientStateWithProtectionTurnedOff_refusesDeployment() {
        FacesWars.assumeMyFaces();
        assertRefused("myfaces-unprotected", "STEADFAST-2014: org.apache.myfaces.USE_ENCRYPTION");
    }

    /**
     * Deploys a WAR that must be refused. Returns the server log since the attempt, which contains {@code expected},
     * or empty when the runner exposes no log.
     */
    private Optional<String> assertRefused(String name, String expected) {
        Optional<ServerLog> log = ServerLog.current();
        Optional<ServerLog.Mark> mark = log.map(ServerLog::mark);
        try {
            assertThrows(Exception.class, () -> deployer.deploy(name), name + " must not deploy");
        } finally {
            deployer.undeploy(name);
        }
        return log.map(l -> {
            String text = l.awaitSince(mark.get(), expected);
            assertThat(text).contains(expected);
            return text;
        });
    }
}
