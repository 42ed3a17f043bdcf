package dev.steadfast.impl.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steadfast.impl.support.LogCapture;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.catalina.LifecycleState;
import org.junit.jupiter.api.Test;

/** Production refuses a bad secret at deployment: the context never takes traffic. */
class DeploymentRefusalTest {

    private static final String PLACEHOLDER = "changeme-changeme-changeme-changeme";

    /** Tomcat logs the listener's exception itself, message included: that must not carry the secret either. */
    static final class TomcatLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("org.apache.catalina");
        private final List<String> lines = new ArrayList<>();

        TomcatLog() {
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            lines.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        synchronized String text() {
            return String.join("\n", lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void shouldFailContextStartNamingPropertyNotValue_whenProductionHasPlaceholderSecret() throws Exception {
        try (LogCapture log = LogCapture.steadfast(); TomcatLog tomcatLog = new TomcatLog();
             SteadfastTomcat app = SteadfastTomcat.builder()
                     .property("steadfast.key.k1.secret", PLACEHOLDER)
                     .servlet("/ping", (req, res) -> res.getWriter().print("pong"))
                     .build()) {
            app.start();

            // Tomcat stops a context whose start failed: FAILED, then STOPPED.
            assertThat(app.contextState()).isIn(LifecycleState.FAILED, LifecycleState.STOPPED);
            assertThat(app.get("/ping").status()).isEqualTo(404);
            assertThat(log.text()).contains("Deployment of /app refused").contains("steadfast.key.k1.secret")
                    .doesNotContain(PLACEHOLDER).doesNotContain("changeme");
            assertThat(tomcatLog.text()).contains("SteadfastConfigurationException").contains("steadfast.key.k1.secret")
                    .doesNotContain("changeme");
        }
    }
}
