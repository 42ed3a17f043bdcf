package dev.steadfast.impl.boot;

import java.util.List;

/**
 * What the CDI extension saw that only CDI can see, handed to {@link Bootstrap} so that one check judges it with
 * everything else: reuse between a {@code @Secret} property and a key is caught, and one report lists all.
 *
 * @param secrets        the {@code @Secret} injection points, whose values the policy judges
 * @param sessionScoped  the application's {@code @SessionScoped} bean classes, acted on by
 *                       {@code steadfast.session.container-sessions}
 * @param problems       complete messages of problems with injection points (a {@code @Secret} without a
 *                       property, a bound too low), acted on by mode
 */
public record CdiFindings(List<InjectedSecret> secrets, List<String> sessionScoped, List<String> problems) {

    /** What an application without CDI (or whose CDI saw nothing) brings. */
    public static final CdiFindings NONE = new CdiFindings(List.of(), List.of(), List.of());

    public CdiFindings {
        secrets = List.copyOf(secrets);
        sessionScoped = List.copyOf(sessionScoped);
        problems = List.copyOf(problems);
    }
}
