package dev.steadfast.impl.faces;

import dev.steadfast.policy.SecretCandidate;

import java.util.List;

/**
 * What the Faces check found: problems reported with the deployment's other findings, and the client-state keys,
 * judged by the secret policy together with Steadfast's own keys so that reuse between them is caught.
 *
 * @param problems   full messages, each starting with its id; never a key's value
 * @param candidates the keys Faces will use, as found
 */
public record FacesReport(List<String> problems, List<SecretCandidate> candidates) {

    /** Nothing to report: no Faces, or nothing wrong with it. */
    public static final FacesReport NONE = new FacesReport(List.of(), List.of());

    public FacesReport {
        problems = List.copyOf(problems);
        candidates = List.copyOf(candidates);
    }
}
