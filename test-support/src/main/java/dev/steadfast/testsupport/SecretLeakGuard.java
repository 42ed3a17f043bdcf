package dev.steadfast.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which a {@linkplain Secrets#register(String) registered secret} appears in what the JVM
 * logs through java.util.logging (root logger, so Steadfast, Tomcat and Weld alike) or prints to
 * {@code System.out}/{@code System.err}.
 *
 * <p>Registered for every test by JUnit's extension auto-detection ({@code META-INF/services} in this jar plus
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in each module's {@code junit-platform.properties}).
 * Output is captured from the first callback on, for the whole JVM, and checked after each test (what the test and
 * its per-test fixtures produced) and after each class (what class-level fixtures such as an embedded server
 * produced while starting and stopping). Output still reaches the console: the streams are teed, not replaced.
 *
 * <p>The counts go to {@code target/secret-leak-guard.txt} after every check, for the report.
 */
public final class SecretLeakGuard implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private static final Object LOCK = new Object();
    private static final StringBuilder CAPTURED = new StringBuilder();
    private static final long[] CHECKS = new long[1];
    private static boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check("test " + context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check("class " + context.getDisplayName() + " (class-level fixtures)");
    }

    /**
     * Checks and clears what was captured since the last check, without counting: for the guard's own test.
     *
     * @param where what is being checked
     * @throws AssertionError when a registered secret appears
     */
    public static void verifyNow(String where) {
        String text = drain();
        java.util.List<String> found = Secrets.find(text);
        if (!found.isEmpty()) {
            throw new AssertionError("A registered test secret appeared in the output of " + where + ": " + found);
        }
    }

    private static void check(String where) {
        String text = drain();
        synchronized (LOCK) {
            CHECKS[0]++;
        }
        try {
            Secrets.assertAbsent("the log or console output of " + where, text);
        } finally {
            writeSummary();
        }
    }

    private static String drain() {
        // Handlers may buffer; the console handler writes straight to System.err, which is teed.
        synchronized (LOCK) {
            String text = CAPTURED.toString();
            CAPTURED.setLength(0);
            return text;
        }
    }

    static void writeSummary() {
        long checks;
        synchronized (LOCK) {
            checks = CHECKS[0];
        }
        String summary = "checks=" + checks + " scans=" + Secrets.scans() + " registered-secrets="
                + Secrets.registered() + " hits=" + Secrets.hits() + System.lineSeparator();
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("secret-leak-guard.txt"), summary, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // The summary is for the report; the assertions above are what fail tests.
        }
    }

    private static void install() {
        synchronized (LOCK) {
            if (installed) {
                return;
            }
            installed = true;
            Charset charset = Charset.defaultCharset();
            System.setOut(new PrintStream(new Tee(System.out, charset), true, charset));
            System.setErr(new PrintStream(new Tee(System.err, charset), true, charset));
            Logger root = LogManager.getLogManager().getLogger("");
            root.addHandler(new CapturingHandler());
        }
    }

    private static void append(String text) {
        synchronized (LOCK) {
            // Bounded: a test that logs megabytes is checked on its last 8 MB only.
            if (CAPTURED.length() > 8 << 20) {
                CAPTURED.delete(0, CAPTURED.length() - (4 << 20));
            }
            CAPTURED.append(text);
        }
    }

    /** Writes through to the original stream and into the capture buffer. */
    private static final class Tee extends OutputStream {
        private final PrintStream original;
        private final Charset charset;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Tee(PrintStream original, Charset charset) {
            this.original = original;
            this.charset = charset;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            line.write(b, off, len);
            flushLine();
        }

        @Override
        public synchronized void flush() {
            original.flush();
            flushLine();
        }

        private void flushLine() {
            if (line.size() > 0) {
                append(line.toString(charset));
                line.reset();
            }
        }
    }

    /** Formats every record the root logger receives, whatever other handlers do with it. */
    private static final class CapturingHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder();
            text.append(record.getLoggerName()).append(' ');
            try {
                text.append(formatter.formatMessage(record));
            } catch (RuntimeException e) {
                text.append(record.getMessage());
            }
            // Parameters too: a formatter with another pattern could print them.
            Object[] params = record.getParameters();
            if (params != null) {
                for (Object p : params) {
                    text.append(' ').append(p);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            append(text.append('\n').toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
