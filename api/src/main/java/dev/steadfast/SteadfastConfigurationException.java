package dev.steadfast;

import dev.steadfast.policy.Finding;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Thrown when Steadfast's configuration cannot be used: it carries every finding at once, never one at a time.
 *
 * <p>The message lists each finding's id, property, config source, problem and fix. It never contains a secret
 * value, because findings never carry one.
 */
public class SteadfastConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;
    private final List<String> problems;

    /**
     * @param findings the problems found, at least one
     */
    public SteadfastConfigurationException(List<Finding> findings) {
        this(findings, List.of());
    }

    /**
     * @param findings the problems found with configured values
     * @param problems deployment problems that are not about one configured value (such as a framework that
     *                 cannot work with cookie sessions), each a full message starting with its id; at least one
     *                 finding or problem in all
     */
    public SteadfastConfigurationException(List<Finding> findings, List<String> problems) {
        super(describe(findings, problems));
        this.findings = List.copyOf(findings);
        this.problems = List.copyOf(problems);
    }

    /**
     * @return every finding, in the order they were found
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * @return every deployment problem that is not a finding, in the order they were found
     */
    public List<String> problems() {
        return problems;
    }

    private static String describe(List<Finding> findings, List<String> problems) {
        int count = findings.size() + problems.size();
        if (count == 0) {
            throw new IllegalArgumentException("a configuration exception needs at least one finding");
        }
        return "Steadfast refused the configuration (" + count + (count == 1 ? " problem" : " problems") + "):"
                + Stream.concat(findings.stream().map(Finding::message), problems.stream())
                .map(m -> System.lineSeparator() + "  " + m).collect(Collectors.joining());
    }
}
