package dev.steadfast.impl.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Captures what Steadfast logs through java.util.logging, so tests can assert on messages (and on secrets never
 * appearing in them).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** @return a capture of the {@code dev.steadfast} logger, until closed */
    public static LogCapture steadfast() {
        return new LogCapture(Logger.getLogger("dev.steadfast"));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** @return every captured message with its level, one per line */
    public synchronized String text() {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage() + (r.getThrown() == null ? ""
                : " " + r.getThrown())).collect(Collectors.joining("\n"));
    }

    /** @param level the level @return messages at that level */
    public synchronized List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
