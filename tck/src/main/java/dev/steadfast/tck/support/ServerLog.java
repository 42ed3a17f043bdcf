package dev.steadfast.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the server logged, portable across containers, for assertions such as "the failure names the property but
 * never the secret value". Use it from client-side code ({@code @RunAsClient} or unmanaged deployments):
 *
 * <pre>{@code
 * ServerLog log = ServerLog.current().orElseThrow();
 * ServerLog.Mark mark = log.mark();
 * assertThrows(Exception.class, () -> deployer.deploy("broken"));
 * assertThat(log.awaitSince(mark, "STEADFAST-1101")).doesNotContain(secretValue);
 * }</pre>
 *
 * <p>Sources ({@value TckSettings#SERVER_LOG}): a server embedded in the test JVM ({@code in-jvm}) is captured in
 * memory ({@link InJvmLog}: java.util.logging records and {@code System.err}); a managed server's log file is read
 * from a mark, e.g. WildFly's {@code standalone/log/server.log} or Payara's {@code domains/domain1/logs/server.log},
 * which Payara writes asynchronously, hence {@link #awaitSince}. If a log file is rotated between mark and read, the
 * text written before the rotation is lost and reading restarts at the top of the new file.
 */
public final class ServerLog {

    /** A position in the log; opaque. */
    public record Mark(long position) {
    }

    private interface Source {
        long position();

        String readFrom(long position);
    }

    private final String description;
    private final Source source;

    private ServerLog(String description, Source source) {
        this.description = description;
        this.source = source;
    }

    /**
     * The server's log as the runner configured it ({@value TckSettings#SERVER_LOG}), or empty when the runner gave
     * none: tests then check the behaviour and skip what they would have read from the log.
     */
    public static Optional<ServerLog> current() {
        String setting = TckSettings.serverLog();
        if (setting.equals("none")) {
            return Optional.empty();
        }
        if (setting.equals(TckSettings.IN_JVM)) {
            return Optional.of(new ServerLog("in-JVM capture", new Source() {
                @Override
                public long position() {
                    return InJvmLog.position();
                }

                @Override
                public String readFrom(long position) {
                    return InJvmLog.readFrom(position);
                }
            }));
        }
        return Optional.of(file(Path.of(setting)));
    }

    private static ServerLog file(Path path) {
        return new ServerLog(path.toString(), new Source() {
            @Override
            public long position() {
                try {
                    return Files.size(path);
                } catch (NoSuchFileException e) {
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String readFrom(long position) {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    long start = channel.size() < position ? 0 : position; // rotated: the file started again
                    ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(channel.size() - start));
                    while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) >= 0) {
                        // read until full
                    }
                    return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    return "";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    /** The current end of the log. */
    public Mark mark() {
        return new Mark(source.position());
    }

    /** Everything logged after {@code mark}, as far as the server has written it yet. */
    public String since(Mark mark) {
        return source.readFrom(mark.position());
    }

    /**
     * Waits up to 30 s until the text logged after {@code mark} contains {@code expected} and returns that text.
     * Returns what there is on timeout, so that the caller's assertion shows it.
     */
    public String awaitSince(Mark mark, String expected) {
        return awaitSince(mark, text -> text.contains(expected), Duration.ofSeconds(30));
    }

    /** Waits up to {@code timeout} until the text logged after {@code mark} matches; returns it either way. */
    public String awaitSince(Mark mark, Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String text = since(mark);
        while (!condition.test(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100); // a log file has nothing to wait on; poll
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            text = since(mark);
        }
        return text;
    }

    @Override
    public String toString() {
        return "ServerLog[" + description + "]";
    }
}
