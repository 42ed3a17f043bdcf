package dev.steadfast.impl.boot;

import dev.steadfast.Mode;
import dev.steadfast.impl.keys.LoadedKeys;
import dev.steadfast.policy.Finding;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a {@link ConfigurationCheck}.
 *
 * @param mode     the mode in force
 * @param keys     the key ring as loaded
 * @param findings        every problem, structural and policy, in a stable order
 * @param absoluteTimeout the absolute session timeout in force
 * @param rotationPeriod  the signing-key age that draws a rotation warning
 */
public record ValidationReport(Mode mode, LoadedKeys keys, List<Finding> findings, Duration absoluteTimeout,
                               Duration rotationPeriod) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** @return whether the deployment must be refused: any finding in production */
    public boolean refusesDeployment() {
        return mode == Mode.PRODUCTION && !findings.isEmpty();
    }
}
