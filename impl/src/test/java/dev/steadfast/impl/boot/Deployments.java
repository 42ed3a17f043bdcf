package dev.steadfast.impl.boot;

import dev.steadfast.impl.DefaultSteadfastProvider;
import dev.steadfast.impl.config.PropertyLookup;
import dev.steadfast.impl.faces.FacesReport;
import dev.steadfast.policy.SecretCandidate;

import java.time.Instant;
import java.util.List;

/** Starts an application through {@link Bootstrap} as a container would, without one. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * @param contextPath the context path, which names the application unless an audience is set
     * @param config      where to read
     * @param extra       secrets found outside Steadfast's properties (as CDI or Faces would hand them over)
     * @param now         the current time
     * @return the deployment
     */
    public static Deployment start(String contextPath, PropertyLookup config, List<SecretCandidate> extra,
                                   Instant now) {
        return start(contextPath, config, extra, List.of(), now);
    }

    /**
     * @param contextPath the context path, which names the application unless an audience is set
     * @param config      where to read
     * @param extra       secrets found outside Steadfast's properties
     * @param problems    deployment problems found outside Steadfast's properties (as the Faces check reports)
     * @param now         the current time
     * @return the deployment
     */
    public static Deployment start(String contextPath, PropertyLookup config, List<SecretCandidate> extra,
                                   List<String> problems, Instant now) {
        return Bootstrap.start(contextPath, config, 30, null, new FacesReport(problems, extra), CdiFindings.NONE,
                new DefaultSteadfastProvider(), now);
    }
}
