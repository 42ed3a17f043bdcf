package dev.steadfast.impl.faces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.testsupport.Secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FacesCheckTest {

    static final String KEY = Secrets.register(base64(32));

    private final Map<String, String> params = new HashMap<>();
    private final Map<String, Object> jndi = new HashMap<>();

    static String base64(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private FacesReport judge(boolean mapped, boolean myFaces) {
        return FacesCheck.judge(new FacesEnvironment(mapped, myFaces, params::get,
                name -> Optional.ofNullable(jndi.get(name))));
    }

    @Test
    void shouldReportNothing_whenNoFacesServletIsMapped() {
        assertThat(judge(false, false)).isEqualTo(FacesReport.NONE);
    }

    @Test
    void shouldNameServerStateSavingAndTheFix_whenTheStateSavingMethodIsNotSet() {
        assertThat(judge(true, false).problems()).containsExactly("STEADFAST-2013: Jakarta Faces keeps view state "
                + "in the session (jakarta.faces.STATE_SAVING_METHOD is not set, so server): its server-side state "
                + "saving stores a map of views in HttpSession and fills it after setAttribute, which Steadfast's "
                + "cookie session cannot store, so every Faces page would fail. Fix: set the context parameter "
                + "jakarta.faces.STATE_SAVING_METHOD to client in web.xml and set the client-state key "
                + "(docs/migration.md#jakarta-faces)");
    }

    @Test
    void shouldReportServerStateSaving_whenItIsChosenExplicitly() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "server");
        assertThat(judge(true, false).problems()).singleElement().asString()
                .startsWith("STEADFAST-2013: Jakarta Faces keeps view state in the session "
                        + "(jakarta.faces.STATE_SAVING_METHOD is 'server'): ");
    }

    @Test
    void shouldNameTheOldParameterButNotObeyIt_whenOnlyTheJavaxNameIsSet() {
        params.put(FacesCheck.JAVAX_STATE_SAVING_METHOD, "client");
        jndi.put(FacesCheck.MOJARRA_KEY, KEY);
        assertThat(judge(true, false).problems()).singleElement().asString()
                .contains("(jakarta.faces.STATE_SAVING_METHOD is not set, so server; "
                        + "javax.faces.STATE_SAVING_METHOD is 'client', a name Jakarta Faces no longer reads)");
    }

    @Test
    void shouldTakeClientStateInAnyCase_whenTheJakartaNameSaysSo() {
        params.put(FacesCheck.STATE_SAVING_METHOD, " Client ");
        jndi.put(FacesCheck.MOJARRA_KEY, KEY);
        assertThat(judge(true, false).problems()).isEmpty();
    }

    @Test
    void shouldNotEchoTheStateSavingMethod_whenASecretWasPutThere() {
        params.put(FacesCheck.STATE_SAVING_METHOD, KEY);
        assertThat(judge(true, false).problems()).singleElement().asString().doesNotContain(KEY)
                .contains("not shown as it may be a secret");
    }

    @Test
    void shouldNameTheEntryAndHowToSetIt_whenMojarrasKeyIsMissing() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        FacesReport report = judge(true, false);
        assertThat(report.candidates()).isEmpty();
        assertThat(report.problems()).containsExactly("STEADFAST-2014: java:comp/env/faces/ClientSideSecretKey "
                + "(JNDI environment entry) is not set, so Mojarra encrypts and signs client view state with a "
                + "random key made at every start: after a restart, a redeploy or on another instance every form "
                + "post fails with ViewExpiredException. Fix: set it to `openssl rand -base64 32` (standard base64 "
                + "of 32 random bytes; Steadfast's keygen prints base64url, which Faces cannot decode) in a web.xml "
                + "<env-entry> (env-entry-name faces/ClientSideSecretKey, env-entry-type java.lang.String) or as "
                + "that name in the server's naming configuration (docs/migration.md#jakarta-faces)");
    }

    @Test
    void shouldHandTheKeyToThePolicy_whenMojarrasKeyIsSet() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        jndi.put(FacesCheck.MOJARRA_KEY, KEY);
        FacesReport report = judge(true, false);
        assertThat(report.problems()).isEmpty();
        assertThat(report.candidates()).singleElement().satisfies(c -> {
            assertThat(c.property()).isEqualTo("java:comp/env/faces/ClientSideSecretKey");
            assertThat(c.source()).isEqualTo("JNDI environment entry");
            assertThat(c.requiredBits()).isEqualTo(256);
            assertThat(c.value()).isPresent();
        });
    }

    @Test
    void shouldDescribeWithoutEchoing_whenMojarrasKeyIsNotStandardBase64() {
        String urlSafe = Secrets.register(KEY.replace('+', '-').replace('/', '_') + "-_");
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        jndi.put(FacesCheck.MOJARRA_KEY, urlSafe);
        assertThat(judge(true, false).problems()).singleElement().asString()
                .startsWith("STEADFAST-2014: java:comp/env/faces/ClientSideSecretKey (JNDI environment entry) is a "
                        + "value of " + urlSafe.length() + " characters")
                .contains("not standard base64, so Mojarra has no key and client view state fails")
                .endsWith("(docs/migration.md#jakarta-faces)")
                .doesNotContain(urlSafe);
    }

    @Test
    void shouldReportTheLength_whenMojarrasKeyIsNoAesKeySize() {
        String twenty = Secrets.register(base64(20));
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        jndi.put(FacesCheck.MOJARRA_KEY, twenty);
        assertThat(judge(true, false).problems()).singleElement().asString()
                .contains("that decodes to 20 bytes, not the 16, 24 or 32 of an AES key").doesNotContain(twenty);
    }

    @Test
    void shouldSayItCannotBeRead_whenMojarrasKeyIsNotAString() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        jndi.put(FacesCheck.MOJARRA_KEY, 42);
        assertThat(judge(true, false).problems()).singleElement().asString()
                .contains("is a java.lang.Integer, not a String, so Mojarra cannot read it");
    }

    @Test
    void shouldRequireBothKeys_whenTheImplementationIsMyFaces() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        FacesReport report = judge(true, true);
        assertThat(report.problems()).hasSize(2);
        assertThat(report.problems().get(0)).startsWith("STEADFAST-2014: org.apache.myfaces.SECRET (context "
                + "parameter) is not set, so MyFaces encrypts client view state with a random key");
        assertThat(report.problems().get(1)).startsWith("STEADFAST-2014: org.apache.myfaces.MAC_SECRET (context "
                + "parameter) is not set, so MyFaces signs client view state with a random key");
    }

    @Test
    void shouldJudgeBothMyFacesKeys_whenTheyAreSet() {
        String mac = Secrets.register(base64(32));
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        params.put(FacesCheck.MYFACES_SECRET, KEY);
        params.put(FacesCheck.MYFACES_MAC_SECRET, mac);
        FacesReport report = judge(true, true);
        assertThat(report.problems()).isEmpty();
        assertThat(report.candidates()).extracting(c -> c.property())
                .containsExactly("org.apache.myfaces.SECRET", "org.apache.myfaces.MAC_SECRET");
    }

    @Test
    void shouldAcceptAnyMacKeyLength_whenOnlyTheCipherNeedsAnAesSize() {
        String mac = Secrets.register(base64(64));
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        params.put(FacesCheck.MYFACES_SECRET, KEY);
        params.put(FacesCheck.MYFACES_MAC_SECRET, mac);
        assertThat(judge(true, true).problems()).isEmpty();

        params.put(FacesCheck.MYFACES_SECRET, mac);
        assertThat(judge(true, true).problems()).singleElement().asString()
                .contains("org.apache.myfaces.SECRET").contains("decodes to 64 bytes");
    }

    @Test
    void shouldRefuseUnprotectedState_whenMojarrasEncryptionIsTurnedOff() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        params.put(FacesCheck.MOJARRA_DISABLE_ENCRYPTION, "TRUE");
        jndi.put(FacesCheck.MOJARRA_KEY, KEY);
        FacesReport report = judge(true, false);
        assertThat(report.candidates()).isEmpty();
        assertThat(report.problems()).containsExactly("STEADFAST-2014: com.sun.faces.disableClientStateEncryption "
                + "(context parameter) is 'TRUE', so Mojarra sends client view state neither encrypted nor signed: a "
                + "client can read and forge it, and Faces deserializes what comes back. Fix: remove that parameter "
                + "and set the client-state key (docs/migration.md#jakarta-faces)");
    }

    @Test
    void shouldRefuseUnprotectedState_whenMyFacesEncryptionIsTurnedOff() {
        params.put(FacesCheck.STATE_SAVING_METHOD, "client");
        params.put(FacesCheck.MYFACES_USE_ENCRYPTION, "false");
        assertThat(judge(true, true).problems()).singleElement().asString()
                .startsWith("STEADFAST-2014: org.apache.myfaces.USE_ENCRYPTION (context parameter) is 'false', so "
                        + "MyFaces sends client view state neither encrypted nor signed");

        params.put(FacesCheck.MYFACES_USE_ENCRYPTION, "FALSE");
        assertThat(judge(true, true).problems()).allSatisfy(p -> assertThat(p).doesNotContain("USE_ENCRYPTION"));
    }
}
