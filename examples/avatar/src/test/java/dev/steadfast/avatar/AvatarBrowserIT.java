package dev.steadfast.avatar;

import dev.steadfast.testsupport.Secrets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The failure report, replayed the way the user lived it, in headless Chromium against the runnable jar started as a
 * separate process in production mode with keys in environment variables: sign in, pick an avatar, restart the
 * server, rotate the key, drop the old key, tamper with the cookie, and try a placeholder secret. Each step asserts
 * what the user sees and saves a screenshot under {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; {@code .ci/run} installs them). Without them the test fails, it does not skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AvatarBrowserIT {

    private static final Path JAR = Path.of(System.getProperty("avatar.jar", "target/steadfast-avatar.jar"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("avatar.screenshots", "target/screenshots"));
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);
    /** Steadfast's cookie name over plain HTTP (no Secure flag, so no __Host- prefix). */
    private static final String COOKIE = "steadfast";
    private static final String OLD_KEY = "2026-05";
    private static final String NEW_KEY = "2026-11";
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]*)\"");
    /** What an error page or a leaked stack trace would show. */
    private static final List<String> ERROR_SIGNS = List.of("HTTP Status", "Exception", "Internal Server Error",
            "\tat ", "at dev.steadfast", "at org.apache", "java.lang.");

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "destroy-avatar-processes"));
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<App> started = new ArrayList<>();
    private final String oldSecret = randomSecret();
    private final String newSecret = randomSecret();

    private Path work;
    private ChromeDriverService service;
    private WebDriver driver;
    /** One port for every restart, so that the browser really reloads the page it shows. */
    private int port;
    private App app;

    // Carried from step to step, as in the user's browser.
    private String signedInSince;
    private String firstServer;
    private Cookie cookieSignedByOldKey;
    private Cookie cookieSignedByNewKey;

    @BeforeAll
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Headless Chromium is needed for this test and was not found: %s %s, %s %s. Install Debian's "
                    + "packages with `apt-get update && apt-get install -y chromium chromium-driver` (.ci/run does "
                    + "this), or point -Dchromium.binary and -Dchromedriver at them.",
                    CHROMIUM, Files.isExecutable(CHROMIUM) ? "found" : "MISSING",
                    CHROMEDRIVER, Files.isExecutable(CHROMEDRIVER) ? "found" : "MISSING");
        }
        assertThat(JAR).as("the runnable jar; run `mvn verify`, which packages it first").isRegularFile();
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        work = Files.createTempDirectory("avatar-it-");
        port = freePort();

        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(work.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1000,720",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_TIMEOUT);
    }

    @AfterAll
    void stopEverything() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            // Every process is stopped before any check on its output may fail.
            AssertionError leak = null;
            for (App a : started) {
                try {
                    a.stop();
                } catch (AssertionError e) {
                    leak = leak == null ? e : leak;
                }
            }
            if (work != null) {
                Path log = work.resolve("chromedriver.log");
                if (Files.exists(log)) {
                    Files.copy(log, SCREENSHOTS.resolveSibling("chromedriver.log"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            if (leak != null) {
                throw leak;
            }
        }
    }

    @Test
    @Order(1)
    void step1_signInPickAnAvatarAndSeeItOnTheProfile() throws Exception {
        app = start(keys(OLD_KEY));
        driver.get(url("/profile"));
        assertSignInPage("a stranger is sent to the sign-in form");

        signIn("alice", "not her password");
        assertThat(driver.findElement(By.id("error")).getText()).isEqualTo("Unknown user name or wrong password.");
        assertThat(driver.manage().getCookieNamed(COOKIE)).as("a wrong password creates no session").isNull();
        screenshot("01-wrong-password", "Step 1: wrong password: an error on the form, no session cookie.");

        signIn("alice", "wonderland");
        waitForPath("/avatar");
        screenshot("02-pick-avatar", "Step 1: signed in as alice; the avatar page.");
        driver.findElement(By.id("pick-owl")).click();
        waitForPath("/profile");

        assertProfile("alice", "owl");
        signedInSince = driver.findElement(By.id("since")).getText();
        firstServer = driver.findElement(By.id("server")).getText();
        assertThat(kid(driver.manage().getCookieNamed(COOKIE))).isEqualTo(OLD_KEY);
        screenshot("03-profile", "Step 1: owl picked. Server keys: " + OLD_KEY + ". Cookie signed by kid "
                + kid(driver.manage().getCookieNamed(COOKIE)) + ".");
    }

    @Test
    @Order(2)
    void step2_restartWithTheSameKeysAndReload_stillSignedInWithTheSameAvatar() throws Exception {
        app.stop();
        app = start(keys(OLD_KEY));
        driver.navigate().refresh();

        assertProfile("alice", "owl");
        assertThat(driver.findElement(By.id("since")).getText()).as("the same session").isEqualTo(signedInSince);
        assertThat(driver.findElement(By.id("server")).getText()).as("served by a new process")
                .isNotEqualTo(firstServer);
        cookieSignedByOldKey = driver.manage().getCookieNamed(COOKIE);
        assertThat(kid(cookieSignedByOldKey)).isEqualTo(OLD_KEY);
        screenshot("04-after-restart", "Step 2: server process stopped, a new one started with the same key ("
                + OLD_KEY + "), page reloaded: same session, new process.");
    }

    @Test
    @Order(3)
    void step3_rotateNewKeyFirstOldKeySecondAndReload_stillSignedInAndReSignedWithTheNewKey() throws Exception {
        app.stop();
        app = start(keys(NEW_KEY, OLD_KEY));
        driver.navigate().refresh();

        assertProfile("alice", "owl");
        assertThat(driver.findElement(By.id("since")).getText()).isEqualTo(signedInSince);
        cookieSignedByNewKey = driver.manage().getCookieNamed(COOKIE);
        assertThat(kid(cookieSignedByNewKey)).as("the cookie's kid after the reload").isEqualTo(NEW_KEY);
        screenshot("05-after-rotation", "Step 3: restarted with keys " + NEW_KEY + "," + OLD_KEY
                + " (new first), page reloaded: cookie re-signed, kid now " + kid(cookieSignedByNewKey) + ".");
    }

    @Test
    @Order(4)
    void step4_onlyTheNewKeyLeft_anOldCookieGivesTheSignInPageNotAnError() throws Exception {
        app.stop();
        app = start(keys(NEW_KEY));
        driver.navigate().refresh();
        assertProfile("alice", "owl");

        putCookie(cookieSignedByOldKey.getValue());
        driver.get(url("/profile"));
        assertSignInPage("a cookie signed by a removed key counts as no session");
        screenshot("06-old-key-removed", "Step 4: restarted with only " + NEW_KEY + "; a saved cookie signed by "
                + OLD_KEY + " put back: the sign-in form, no error.");
    }

    @Test
    @Order(5)
    void step5_aTamperedCookieGivesTheSignInPageWithoutAnErrorOrStackTrace() throws Exception {
        putCookie(cookieSignedByNewKey.getValue());
        driver.get(url("/profile"));
        assertProfile("alice", "owl");

        String[] parts = cookieSignedByNewKey.getValue().split("\\.");
        assertThat(parts).hasSize(3);
        String payload = parts[1];
        int at = payload.length() / 2;
        char other = BASE64URL.charAt((BASE64URL.indexOf(payload.charAt(at)) + 1) % BASE64URL.length());
        String tampered = parts[0] + "." + payload.substring(0, at) + other + payload.substring(at + 1) + "."
                + parts[2];
        putCookie(tampered);
        driver.get(url("/profile"));
        assertSignInPage("a tampered cookie counts as no session");
        screenshot("07-tampered-cookie", "Step 5: one character of the cookie's payload changed: the sign-in "
                + "form, no error, no stack trace.");
    }

    @Test
    @Order(6)
    void step6_productionWithAPlaceholderSecretRefusesToStartAndNamesTheProperty() throws Exception {
        app.stop();
        String placeholder = "changeme";
        App refused = launch(Map.of("STEADFAST_MODE", "production", "STEADFAST_KEYS", NEW_KEY,
                envSecret(NEW_KEY), placeholder, "STEADFAST_SESSION_COOKIE_SECURE", "false"));
        if (!refused.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("Still running after %s with a placeholder secret; output:%n%s", START_TIMEOUT, refused.output());
        }
        String output = refused.output();
        int status = refused.process.exitValue();
        assertThat(status).as("exit status; output:%n%s", output).isNotZero();
        assertThat(output).contains("steadfast.key." + NEW_KEY + ".secret");
        assertThat(output).as("the secret's value is never printed").doesNotContain(placeholder);
        assertThat(output).doesNotContain("listening on");

        // What the operator sees, as a page: the process's own output (it served nothing to look at).
        ((JavascriptExecutor) driver).executeScript("document.open(); document.write(arguments[0]); document.close();",
                "<html><head><title>Refused to start</title></head><body style='font-family:sans-serif;margin:20px'>"
                        + "<h2>STEADFAST_KEY_2026_11_SECRET=&lt;placeholder&gt; STEADFAST_MODE=production java -jar "
                        + "steadfast-avatar.jar</h2><p>Exit status <b>" + status + "</b>. Output:</p>"
                        + "<pre style='white-space:pre-wrap;font-size:12px;background:#f4f4f4;padding:10px'>"
                        + Html.escape(output) + "</pre></body></html>");
        screenshot("08-placeholder-refused");
    }

    // --- browser

    private void signIn(String user, String password) {
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> !d.findElements(By.id("error")).isEmpty()
                || !path(d).equals("/login"));
    }

    private void waitForPath(String path) {
        new WebDriverWait(driver, PAGE_TIMEOUT).until(ExpectedConditions.urlToBe(url(path)));
    }

    private void assertProfile(String user, String avatar) {
        assertThat(path(driver)).as("page after reload; source:%n%s", driver.getPageSource()).isEqualTo("/profile");
        assertThat(driver.findElement(By.id("profile-name")).getText()).isEqualTo(user);
        assertThat(driver.findElement(By.id("profile-avatar")).getAttribute("data-avatar")).isEqualTo(avatar);
    }

    private void assertSignInPage(String why) {
        String source = driver.getPageSource();
        assertThat(path(driver)).as(why + "; source:%n%s", source).isEqualTo("/login");
        assertThat(driver.getTitle()).isEqualTo("Sign in - Avatar");
        assertThat(driver.findElements(By.id("login"))).as("the sign-in form").hasSize(1);
        assertThat(driver.findElements(By.id("error"))).as("no error message on the form").isEmpty();
        for (String sign : ERROR_SIGNS) {
            assertThat(source).as("no error page or stack trace").doesNotContain(sign);
        }
    }

    /** Replaces the session cookie in the browser, as a user with a saved copy of it could. */
    private void putCookie(String value) {
        driver.manage().deleteCookieNamed(COOKIE);
        driver.manage().addCookie(new Cookie.Builder(COOKIE, value).path("/").isHttpOnly(true).sameSite("Lax")
                .build());
        assertThat(driver.manage().getCookieNamed(COOKIE).getValue()).isEqualTo(value);
    }

    private static String kid(Cookie cookie) {
        assertThat(cookie).as("the session cookie").isNotNull();
        String header = new String(Base64.getUrlDecoder().decode(cookie.getValue().split("\\.")[0]),
                StandardCharsets.UTF_8);
        Matcher m = KID.matcher(header);
        assertThat(m.find()).as("kid in the JWS header %s", header).isTrue();
        return m.group(1);
    }

    /**
     * Saves a screenshot, with {@code note} shown at the bottom of the page, marked as the test's (it is added after
     * the step's assertions, so it never changes what they saw).
     */
    private void screenshot(String name, String note) throws IOException {
        ((JavascriptExecutor) driver).executeScript("var n = document.createElement('div');"
                + "n.style.cssText = 'position:fixed;left:0;right:0;bottom:0;background:#fff8c5;color:#333;"
                + "border-top:2px dashed #c9a800;padding:8px 16px;font:13px monospace';"
                + "n.textContent = 'Browser test: ' + arguments[0]; document.body.appendChild(n);", note);
        screenshot(name);
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String path(WebDriver d) {
        return URI.create(d.getCurrentUrl()).getPath();
    }

    // --- processes

    private Map<String, String> keys(String... ids) {
        Map<String, String> env = new HashMap<>();
        env.put("STEADFAST_MODE", "production");
        env.put("STEADFAST_SESSION_COOKIE_SECURE", "false");
        env.put("STEADFAST_KEYS", String.join(",", ids));
        for (String id : ids) {
            env.put(envSecret(id), id.equals(OLD_KEY) ? oldSecret : newSecret);
        }
        return env;
    }

    private static String envSecret(String id) {
        return "STEADFAST_KEY_" + id.replace('-', '_') + "_SECRET";
    }

    /** Starts the jar on {@link #port} and polls {@code GET /login} until it answers 200 (bounded). */
    private App start(Map<String, String> env) throws Exception {
        App started = launch(env);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!started.process.isAlive()) {
                fail("The avatar example exited with status %d before serving; output:%n%s",
                        started.process.exitValue(), started.output());
            }
            if (System.nanoTime() > deadline) {
                fail("The avatar example did not answer on port %d within %s; output:%n%s", port, START_TIMEOUT,
                        started.output());
            }
            try {
                HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (login.statusCode() == 200) {
                    return started;
                }
            } catch (IOException notYet) {
                // Not listening yet: poll again.
            }
            // Poll interval; the loop ends as soon as the port answers.
            started.process.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    private App launch(Map<String, String> env) throws IOException {
        Path log = work.resolve("avatar-" + started.size() + ".log");
        Path home = Files.createDirectories(work.resolve("home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("STEADFAST_") || k.startsWith("AVATAR_")
                || k.equals("PORT"));
        environment.putAll(env);
        environment.put("PORT", Integer.toString(port));
        App a = new App(pb.start(), log, List.of(oldSecret, newSecret));
        RUNNING.add(a.process);
        started.add(a);
        return a;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Secrets.register(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static final class App {
        final Process process;
        final Path log;
        final List<String> secrets;

        App(Process process, Path log, List<String> secrets) {
            this.process = process;
            this.log = log;
            this.secrets = secrets;
        }

        /** SIGTERM, then SIGKILL if it lingers; then checks that no secret reached the output. */
        void stop() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            RUNNING.remove(process);
            try {
                String output = output();
                for (String secret : secrets) {
                    assertThat(output).as("a key's secret in the server's output").doesNotContain(secret);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String output() throws IOException {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }
    }
}
