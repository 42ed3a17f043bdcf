package dev.steadfast.impl.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;

/**
 * A CDI portable extension that reports a deployment problem, as Steadfast's will on a bad secret. The problem's
 * message is read from the WAR resource {@value #MESSAGE_RESOURCE}, so that each run can look for a unique text in
 * the server log.
 */
public class ProblemExtension implements Extension {

    public static final String MESSAGE_RESOURCE = "harness-problem.txt";

    void reportProblem(@Observes AfterDeploymentValidation validation) {
        validation.addDeploymentProblem(new IllegalStateException(message()));
    }

    private static String message() {
        try (InputStream in = ProblemExtension.class.getClassLoader().getResourceAsStream(MESSAGE_RESOURCE)) {
            if (in == null) {
                return "HARNESS-PROBLEM (no " + MESSAGE_RESOURCE + " in the WAR)";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
