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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The failure report, replayed the way the user lived it, in headless Chromium against the application started as a
 * separate process in production mode with keys in environment variables: sign in, pick an avatar, restart the
 * server, rotate the key, drop the old key, tamper with the cookie, and try a placeholder secret. Each step asserts
 * what the user sees and saves a screenshot under {@code avatar.screenshots}.
 *
 * <p>The scenario is written once; {@code avatar.server} picks what serves the application: {@code tomcat} (the
 * default) is the runnable jar, {@code wildfly} the unchanged WAR in WildFly ({@link AvatarServer}).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; {@code .ci/run} installs them). Without them the test fails, it does not skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AvatarBrowserIT {

    private static final String SERVER = System.getProperty("avatar.server", "tomcat");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("avatar.screenshots", "target/screenshots"));
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

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

    private final String oldSecret = randomSecret();
    private final String newSecret = randomSecret();

    private Path work;
    private ChromeDriverService service;
    private WebDriver driver;
    private AvatarServer server;

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
        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        work = Files.createTempDirectory("avatar-it-");
        server = switch (SERVER) {
            case "tomcat" -> new EmbeddedJarServer(Path.of(System.getProperty("avatar.jar",
                    "target/steadfast-avatar.jar")), work);
            case "wildfly" -> new WildFlyServer(Path.of(required("avatar.jbossHome")),
                    required("avatar.wildfly.version"), Path.of(System.getProperty("avatar.war",
                            "target/steadfast-avatar.war")), Path.of(System.getProperty("avatar.wildfly.base",
                            "target/wildfly-base")));
            default -> throw new IllegalArgumentException("avatar.server=" + SERVER + ": tomcat or wildfly");
        };

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
            try {
                if (service != null) {
                    service.stop();
                }
            } finally {
                try {
                    // Stops every server process, whichever step failed, before it checks their output.
                    if (server != null) {
                        server.close();
                    }
                } finally {
                    if (work != null) {
                        Path log = work.resolve("chromedriver.log");
                        if (Files.exists(log)) {
                            Files.copy(log, SCREENSHOTS.resolveSibling(SCREENSHOTS.getFileName() + "-chromedriver.log"),
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                        try (Stream<Path> paths = Files.walk(work)) {
                            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    }
                }
            }
        }
    }

    @Test
    @Order(1)
    void step1_signInPickAnAvatarAndSeeItOnTheProfile() throws Exception {
        server.start(keys(OLD_KEY));
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
        server.stop();
        server.start(keys(OLD_KEY));
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
        server.stop();
        server.start(keys(NEW_KEY, OLD_KEY));
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
        server.stop();
        server.start(keys(NEW_KEY));
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
    void step6_productionWithAPlaceholderSecretIsRefusedAndTheReasonNamesTheProperty() throws Exception {
        server.stop();
        String placeholder = "changeme";
        AvatarServer.Refusal refused = server.startRefused(Map.of("STEADFAST_MODE", "production",
                "STEADFAST_KEYS", NEW_KEY, envSecret(NEW_KEY), placeholder, "STEADFAST_SESSION_COOKIE_SECURE",
                "false"));
        refused.evidence().forEach((where, text) -> {
            assertThat(text).as("%s names the property to fix; it reads:%n%s", where, text)
                    .contains("steadfast.key." + NEW_KEY + ".secret");
            assertThat(text).as("the secret's value is never shown, in %s", where).doesNotContain(placeholder);
        });
        int status = Http.status(url("/login"));
        assertThat(status).as("GET %s: the application is not served", url("/login")).isNotEqualTo(200);

        // What the operator sees, as a page: what the server wrote (it served nothing to look at).
        ((JavascriptExecutor) driver).executeScript("document.open(); document.write(arguments[0]); document.close();",
                "<html><head><title>Refused to start</title></head><body style='font-family:sans-serif;margin:20px'>"
                        + "<h2>" + Html.escape(refused.command()) + "</h2><p><b>" + Html.escape(refused.status())
                        + "</b> GET " + Html.escape(url("/login")) + ": "
                        + (status == Http.NO_ANSWER ? "nothing listening" : "HTTP " + status) + ". It reports:</p>"
                        + "<pre style='white-space:pre-wrap;font-size:12px;background:#f4f4f4;padding:10px'>"
                        + Html.escape(refused.shown()) + "</pre></body></html>");
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
        driver.manage().addCookie(new Cookie.Builder(COOKIE, value)
                .path(server.contextPath().isEmpty() ? "/" : server.contextPath()).isHttpOnly(true).sameSite("Lax")
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
                + "n.textContent = 'Browser test on ' + arguments[1] + '. ' + arguments[0];"
                + "document.body.appendChild(n);", note, server.description());
        screenshot(name);
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private String url(String path) {
        return server.baseUrl() + path;
    }

    /** The page's path within the application, as the servlets see it. */
    private String path(WebDriver d) {
        String path = URI.create(d.getCurrentUrl()).getPath();
        String context = server.contextPath();
        return path.startsWith(context + "/") ? path.substring(context.length()) : path;
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

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            fail("System property %s is not set; the avatar-wildfly profile sets it: "
                    + "mvn -B verify -pl examples/avatar -am -Pavatar-wildfly", property);
        }
        return value;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Secrets.register(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
