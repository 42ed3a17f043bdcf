package dev.steadfast.avatar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One server process the test started, with its output in a file, and the processes it started in turn. WildFly's
 * {@code standalone.sh} runs the server JVM as its child: stopping only the script would leave that JVM holding the
 * port, so the whole tree is stopped, and only this tree (never a process found by name).
 */
final class ServerProcess {

    private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // A test JVM that ends abruptly (timeout, Ctrl-C) still takes its servers with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(p -> {
            p.tree().forEach(ProcessHandle::destroyForcibly);
            p.process.destroyForcibly();
        }), "destroy-avatar-servers"));
    }

    final Process process;
    final Path log;
    /** Descendants seen so far: once the script is gone its orphaned children are no longer its descendants. */
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(ProcessBuilder pb, Path log) throws IOException {
        ServerProcess p = new ServerProcess(pb.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        RUNNING.add(p);
        return p;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Records the current descendants; callers poll this while waiting for the server, so the tree is known early. */
    void track() {
        process.descendants().forEach(seen::add);
    }

    private Set<ProcessHandle> tree() {
        track();
        Set<ProcessHandle> all = new LinkedHashSet<>(seen);
        all.removeIf(h -> !h.isAlive());
        return all;
    }

    /** SIGTERM to the process and its descendants, SIGKILL to whatever is left after {@code timeout}. */
    void stop(Duration timeout) {
        Set<ProcessHandle> tree = tree();
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, timeout)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, timeout);
        }
        RUNNING.remove(this);
    }

    private static boolean awaitExit(Set<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (ProcessHandle h : processes) {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
