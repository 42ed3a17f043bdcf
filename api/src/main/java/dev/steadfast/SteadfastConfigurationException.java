package dev.steadfast;

import dev.steadfast.policy.Finding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when Steadfast's configuration cannot be used: it carries every finding at once, never one at a time.
 *
 * <p>The message lists each finding's id, property, config source, problem and fix. It never contains a secret
 * value, because findings never carry one.
 */
public class SteadfastConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    /**
     * @param findings the problems found, at least one
     */
    public SteadfastConfigurationException(List<Finding> findings) {
        super(describe(findings));
        this.findings = List.copyOf(findings);
    }

    /**
     * @return every finding, in the order they were found
     */
    public List<Finding> findings() {
        return findings;
    }

    private static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one finding");
        }
        return "Steadfast refused the configuration (" + findings.size()
                + (findings.size() == 1 ? " problem" : " problems") + "):"
                + findings.stream().map(f -> System.lineSeparator() + "  " + f.message())
                .collect(Collectors.joining());
    }
}
