package dev.steadfast.avatar;

import java.util.Map;

/**
 * Where {@link AvatarBrowserIT} runs the application: the runnable jar ({@link EmbeddedJarServer}) or the unchanged WAR
 * in WildFly ({@link WildFlyServer}). Every {@link #start} is a new operating-system process, given its configuration
 * the way an operator would, in environment variables that MicroProfile Config maps to {@code steadfast.*} and
 * {@code avatar.*} properties; a restart is {@link #stop} then {@link #start}, on the same URL, so that the browser
 * really reloads the page it shows.
 */
interface AvatarServer extends AutoCloseable {

    /** @return what serves the application, for the screenshots' notes (e.g. "WildFly 39.0.1.Final") */
    String description();

    /** @return {@code http://localhost:PORT} and the context path, without a trailing slash; fixed for all starts */
    String baseUrl();

    /** @return the context path ("" at the root), which is also the session cookie's path */
    String contextPath();

    /**
     * Starts a new server process with these environment variables and returns once {@code GET /login} answers 200.
     * Fails, with the server's output, if the process exits or the application is not served within a bound.
     */
    void start(Map<String, String> env) throws Exception;

    /**
     * Stops the running server process and every process it started, waiting until they are gone (SIGTERM, then
     * SIGKILL if they linger); then fails if a registered secret reached the server's output. Does nothing when no
     * server runs.
     */
    void stop();

    /**
     * Starts a server with a configuration the application must refuse, checks the server's own sign of refusal
     * (the runnable jar exits with a non-zero status; WildFly keeps running and marks the deployment failed), and
     * returns what an operator gets to read about it.
     */
    Refusal startRefused(Map<String, String> env) throws Exception;

    /** Stops whatever is still running, even after a failed step; then fails if a secret reached any output. */
    @Override
    void close();

    /**
     * What an operator reads when the application refused its configuration.
     *
     * @param command  what was started, with the secret's value replaced by a mark
     * @param status   the server's state in a few words (exit status, or the deployment marker)
     * @param evidence everything the operator can read, by name (process output, marker file, server log); each
     *                 must name the property to fix and none may contain the refused value
     * @param shown    the part of it worth a screenshot
     */
    record Refusal(String command, String status, Map<String, String> evidence, String shown) {
    }
}
