package dev.steadfast.impl.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void formatPutsTheIdInFrontOfTheText() {
        assertThat(Message.KEY_RETIRED.format("k0", "2026-01-01T00:00:00Z", "steadfast.keys"))
                .isEqualTo("STEADFAST-2003: key 'k0' retired at 2026-01-01T00:00:00Z and no longer verifies; remove "
                        + "it from steadfast.keys.");
        // Numbers as Java writes them, in every locale: no grouping.
        assertThat(Message.CHUNKED_BUDGET.format(12000)).startsWith("STEADFAST-2009: steadfast.session.max-size is "
                + "12000 characters");
    }

    // Texts no other in-JVM test asserts whole, as their classes wrote them before the catalogue.
    @Test
    void textsStayWhatUsersSaw() {
        assertThat(Message.NO_CONFIG.format("NoClassDefFoundError")).isEqualTo("STEADFAST-2005: Steadfast reads its "
                + "keys through MicroProfile Config, but no implementation is available (NoClassDefFoundError). Fix: "
                + "deploy on a server that provides MicroProfile Config (WildFly, Payara, Open Liberty), or add one to "
                + "the WAR, e.g. io.smallrye.config:smallrye-config on Tomcat.");
        assertThat(Message.NOT_CONFIG.format("a.B.pin")).isEqualTo("STEADFAST-2006: @Secret on a.B.pin has no "
                + "@ConfigProperty, so Steadfast cannot tell which property to validate. Fix: add "
                + "@ConfigProperty(name = \"...\"), or list the property in steadfast.validate");
        assertThat(Message.FALLBACK.format("/shop", "META-INF/microprofile-config.properties")).isEqualTo(
                "STEADFAST-2007: the container's MicroProfile Config does not show /shop's "
                        + "META-INF/microprofile-config.properties while the application starts; Steadfast reads that "
                        + "file itself (environment variables and system properties still take precedence).");
        assertThat(Message.SESSION_SCOPED.format("a.Cart")).isEqualTo("STEADFAST-2008: @SessionScoped bean a.Cart "
                + "keeps its state in the container's HttpSession, not in Steadfast's cookie, so a restart or another "
                + "instance loses it. Fix: keep that state in HttpSession attributes (or a @RequestScoped bean reading "
                + "them), or set steadfast.session.container-sessions=allow (docs/migration.md)");
        assertThat(Message.CHUNKED_BUDGET.format(7500)).isEqualTo("STEADFAST-2009: steadfast.session.max-size is 7500 "
                + "characters with chunking on; with the rest of a request's headers that can exceed what common "
                + "servers and proxies accept (Tomcat and nginx: 8 KB by default), and such requests fail before "
                + "reaching the application. Raise those limits or keep sessions small.");
        assertThat(Message.MIN_BITS_TOO_LOW.format("a.B.pin (minBits = 63)", 64)).isEqualTo("STEADFAST-2010: @Secret "
                + "on a.B.pin (minBits = 63) asks for less than 64 bits, which any attacker can guess. Fix: use at "
                + "least 128, or the default 256 for MAC keys");
        assertThat(Message.LATE_CHANGE.format("/shop", "setAttribute", "")).isEqualTo("STEADFAST-3002: /shop changed "
                + "the session (setAttribute) after the response was committed, so the change cannot reach the "
                + "session cookie and is lost. Change the session before writing the response body, or enlarge the "
                + "response buffer.");
    }

    @Test
    void theFragmentsAreSaidOnce() {
        assertThat(Messages.problems(1)).isEqualTo("1 problem");
        assertThat(Messages.problems(2)).isEqualTo("2 problems");
        assertThat(Messages.list(List.of("a", "b")))
                .isEqualTo(System.lineSeparator() + "  a" + System.lineSeparator() + "  b");
        assertThat(Message.DEV_KEY.text()).contains(Messages.KEYGEN);
    }

    @Test
    void logWritesAtItsLevel_namingTheCallerAsTheSource() {
        try (Recorder log = new Recorder()) {
            Message.REJECTED.log("/shop", "EXPIRED", 3L);
            Messages.warning("STEADFAST-2006: built elsewhere");
            Messages.refused("/shop", "Steadfast refused the configuration (1 problem):");

            assertThat(log.records).extracting(LogRecord::getLevel)
                    .containsExactly(Level.INFO, Level.WARNING, Level.SEVERE);
            assertThat(log.records).extracting(LogRecord::getMessage).containsExactly(
                    "STEADFAST-3001: /shop treated a session cookie as absent (EXPIRED); 3 so far for this reason. "
                            + "Logged at most once a minute per reason.",
                    "STEADFAST-2006: built elsewhere",
                    "Deployment of /shop refused. Steadfast refused the configuration (1 problem):");
            assertThat(log.records).allSatisfy(r -> {
                assertThat(r.getLoggerName()).isEqualTo("dev.steadfast");
                assertThat(r.getSourceClassName()).isEqualTo(MessageTest.class.getName());
                assertThat(r.getSourceMethodName()).isEqualTo("logWritesAtItsLevel_namingTheCallerAsTheSource");
            });
        }
    }

    @Test
    void nothingIsBuiltWhenTheLevelIsNotLogged() {
        AtomicInteger built = new AtomicInteger();
        Object costly = new Object() {
            @Override
            public String toString() {
                built.incrementAndGet();
                return "costly";
            }
        };
        try (Recorder log = new Recorder()) {
            log.logger.setLevel(Level.WARNING);
            assertThat(Message.READY.isLoggable()).isFalse();
            Message.READY.log("/shop", "production", costly);
            Message.KEY_RETIRED.log("k0", costly, "steadfast.keys");

            assertThat(built).hasValue(1);
            assertThat(log.records).hasSize(1);
        }
    }

    /** Records what the {@code dev.steadfast} logger writes, restoring its level when closed. */
    private static final class Recorder extends Handler implements AutoCloseable {
        final Logger logger = Logger.getLogger(Messages.LOGGER_NAME);
        final List<LogRecord> records = new ArrayList<>();
        private final Level level = logger.getLevel();

        Recorder() {
            setLevel(Level.ALL);
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(level);
        }
    }
}
