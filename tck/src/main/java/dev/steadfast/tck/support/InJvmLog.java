package dev.steadfast.tck.support;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * In-memory capture of what a server embedded in the test JVM logs: java.util.logging records (where most embedded
 * servers and CDI implementations log, directly or through a bridge) and {@code System.err} (stack traces printed
 * directly). Positions are absolute character counts, so a {@link ServerLog.Mark} stays valid when old text is
 * dropped past the cap.
 */
public final class InJvmLog {

    private static final int CAP = 8 * 1024 * 1024;
    private static final StringBuilder TEXT = new StringBuilder();
    private static long dropped;
    private static final Handler HANDLER = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                append(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static boolean errTeed;

    private InJvmLog() {
    }

    /**
     * Attaches the capture to the root logger and tees {@code System.err}. Idempotent; {@link #position()} calls it
     * again because a {@code LogManager.reset()} (e.g. a logging re-configuration) would drop the handler.
     */
    public static synchronized void install() {
        Logger root = Logger.getLogger("");
        if (!Arrays.asList(root.getHandlers()).contains(HANDLER)) {
            HANDLER.setLevel(Level.ALL);
            root.addHandler(HANDLER);
        }
        if (!errTeed) {
            PrintStream original = System.err;
            // PrintStream.charset() is Java 18+; System.err uses the default charset unless sun.stderr.encoding is set.
            Charset charset = Charset.defaultCharset();
            System.setErr(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    append(new String(b, off, len, charset));
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true, charset));
            errTeed = true;
        }
    }

    static synchronized long position() {
        if (!errTeed) {
            throw new IllegalStateException("No in-JVM log capture: the kit's TckExtension installs it when "
                    + TckSettings.SERVER_LOG + "=" + TckSettings.IN_JVM + " is set before Arquillian starts");
        }
        install();
        return dropped + TEXT.length();
    }

    static synchronized String readFrom(long position) {
        int start = (int) Math.max(0, position - dropped);
        return start >= TEXT.length() ? "" : TEXT.substring(start);
    }

    private static synchronized void append(String s) {
        TEXT.append(s);
        if (TEXT.length() > CAP) {
            int excess = TEXT.length() - CAP / 2;
            TEXT.delete(0, excess);
            dropped += excess;
        }
    }
}
