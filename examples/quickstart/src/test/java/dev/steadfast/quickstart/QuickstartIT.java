package dev.steadfast.quickstart;

import dev.steadfast.testsupport.Secrets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Starts the runnable jar ({@code java -jar target/steadfast-quickstart.jar}) as separate processes, the way the
 * README does, and checks what a user would see: the session survives a restart, a tampered cookie is ignored,
 * a placeholder secret stops the process with a non-zero status, and development mode keeps its key.
 */
class QuickstartIT {

    private static final Duration START_TIMEOUT = QuickstartProcess.START_TIMEOUT;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Weld Servlet's warning when it finds no beans.xml and so does not start CDI. */
    private static final String NO_BEAN_ARCHIVE = "WELD-ENV-000028";
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<QuickstartProcess> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void destroyProcesses() {
        started.forEach(QuickstartProcess::stop);
    }

    @Test
    void productionSessionSurvivesRestartIgnoresTamperingAndLogoutExpiresTheCookie() throws Exception {
        String secret = QuickstartProcess.randomSecret();
        Map<String, String> env = QuickstartProcess.production(secret);

        QuickstartProcess first = start(env);
        HttpResponse<String> one = get(first, "/count", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("count=1");
        String cookie = sessionCookie(one);
        HttpResponse<String> two = get(first, "/count", cookie);
        assertThat(two.body()).isEqualTo("count=2");
        cookie = sessionCookie(two);
        first.stop();
        assertThat(first.output()).doesNotContain(secret);
        // CDI really started (Steadfast's CDI extension runs only then): no "no bean archive found".
        assertThat(first.output()).contains("WELD-ENV-001008").doesNotContain(NO_BEAN_ARCHIVE);

        QuickstartProcess second = start(env);
        HttpResponse<String> three = get(second, "/count", cookie);
        assertThat(three.statusCode()).isEqualTo(200);
        assertThat(three.body()).as("the same cookie after a restart with the same key").isEqualTo("count=3");
        String afterRestart = sessionCookie(three);

        HttpResponse<String> tampered = get(second, "/count", tamper(afterRestart));
        assertThat(tampered.statusCode()).isEqualTo(200);
        assertThat(tampered.body()).as("a tampered cookie counts as no cookie: a fresh session").isEqualTo("count=1");

        HttpResponse<String> bye = send(second, HttpRequest.newBuilder(uri(second, "/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()), afterRestart);
        assertThat(bye.statusCode()).isEqualTo(200);
        assertThat(bye.body()).isEqualTo("bye");
        String expiry = bye.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name(afterRestart) + "=")).findFirst().orElse("");
        assertThat(expiry).as("logout expires the cookie").startsWith(name(afterRestart) + "=;").contains("Max-Age=0");
        // A client that honours the expiry has no cookie any more: a new session.
        assertThat(get(second, "/count", null).body()).isEqualTo("count=1");
        // Documented behaviour (docs/sessions.md, invalidate()): nothing on the server remembers the logout, so a copy
        // of the old cookie kept elsewhere stays valid until its idle or absolute timeout.
        assertThat(get(second, "/count", afterRestart).body()).isEqualTo("count=4");

        HttpResponse<String> home = get(second, "/", null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(home.body()).contains("curl", "/count", "/logout");
        assertThat(home.headers().allValues("Set-Cookie")).as("the home page creates no session").isEmpty();

        second.stop();
        assertThat(second.output()).doesNotContain(secret);
    }

    @Test
    void productionRefusesAPlaceholderSecretAndExitsWithoutPrintingIt() throws Exception {
        String placeholder = "changeme";
        Map<String, String> env = QuickstartProcess.production(placeholder);
        QuickstartProcess app = launch(env);
        boolean exited = app.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            fail("Still running after " + START_TIMEOUT + " with a placeholder secret; output:%n%s", app.output());
        }
        String output = app.output();
        assertThat(app.process.exitValue()).as("exit status; output:%n%s", output).isNotZero();
        assertThat(output).contains("steadfast.key.k1.secret");
        assertThat(output).as("the secret's value must never be printed").doesNotContain(placeholder);
        assertThat(output).doesNotContain("listening on").doesNotContain(NO_BEAN_ARCHIVE);
    }

    @Test
    void developmentModeKeepsItsKeyFileAcrossRestarts() throws Exception {
        Path keyFile = tmp.resolve("dev").resolve("quickstart.key");
        Map<String, String> env = Map.of("STEADFAST_DEV_KEY_FILE", keyFile.toString());

        QuickstartProcess first = start(env);
        HttpResponse<String> one = get(first, "/count", null);
        assertThat(one.body()).isEqualTo("count=1");
        HttpResponse<String> two = get(first, "/count", sessionCookie(one));
        assertThat(two.body()).isEqualTo("count=2");
        String cookie = sessionCookie(two);
        first.stop();
        assertThat(keyFile).isRegularFile();
        assertThat(first.output()).contains("STEADFAST-2001", keyFile.toString());

        QuickstartProcess second = start(env);
        assertThat(get(second, "/count", cookie).body()).isEqualTo("count=3");
        second.stop();
        assertThat(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()).isNotEmpty()
                .satisfies(key -> assertThat(second.output()).doesNotContain(key));
    }

    // --- HTTP

    private HttpResponse<String> get(QuickstartProcess app, String path, String cookie) throws Exception {
        return send(app, HttpRequest.newBuilder(uri(app, path)).GET(), cookie);
    }

    private HttpResponse<String> send(QuickstartProcess app, HttpRequest.Builder request, String cookie) throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        Secrets.assertAbsent("the response body of " + response.request().method() + " "
                + response.request().uri().getPath(), response.body());
        return response;
    }

    private static URI uri(QuickstartProcess app, String path) {
        return app.uri(path);
    }

    private QuickstartProcess start(Map<String, String> env) throws Exception {
        QuickstartProcess app = QuickstartProcess.start(env, tmp);
        started.add(app);
        return app;
    }

    private QuickstartProcess launch(Map<String, String> env) throws IOException {
        QuickstartProcess app = QuickstartProcess.launch(env, tmp, QuickstartProcess.freePort());
        started.add(app);
        return app;
    }

    /** @return {@code name=value} of the session cookie the response sets */
    private static String sessionCookie(HttpResponse<String> response) {
        List<String> set = response.headers().allValues("Set-Cookie");
        assertThat(set).as("Set-Cookie headers").hasSize(1);
        String pair = set.get(0).split(";", 2)[0].strip();
        assertThat(pair).as("session cookie").matches("[^=]+=[^.]+\\.[^.]+\\.[^.]+");
        return pair;
    }

    private static String name(String cookie) {
        return cookie.substring(0, cookie.indexOf('='));
    }

    /** Changes one character in the middle of the signature: the value stays well-formed but no longer verifies. */
    private static String tamper(String cookie) {
        int signature = cookie.lastIndexOf('.') + 1;
        int at = signature + (cookie.length() - signature) / 2;
        char c = cookie.charAt(at);
        char other = BASE64URL.charAt((BASE64URL.indexOf(c) + 1) % BASE64URL.length());
        return cookie.substring(0, at) + other + cookie.substring(at + 1);
    }
}
