package dev.steadfast.impl.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What the messages share: the one logger ({@value #LOGGER_NAME}), the fragments several texts repeat, and the
 * logging of texts already built ({@link Message#format}ted messages gathered in a list, the refusal's report).
 */
public final class Messages {

    /** The one logger Steadfast writes to. */
    public static final String LOGGER_NAME = "dev.steadfast";

    /** How users generate a key; every fix that needs a new key says this. */
    public static final String KEYGEN = "`java -jar steadfast-impl-cli.jar keygen`";

    /** How users rotate the signing key. */
    public static final String ROTATE = "`java -jar steadfast-impl-cli.jar rotate`";

    /** Ends a warning that is logged once per cause and not again. */
    public static final String ONCE_PER_CAUSE = " Logged once per cause.";

    /** The line logged when a deployment is refused: the application, and the refusal's message. */
    static final String REFUSED = "Deployment of %s refused. %s";

    static final Logger LOGGER = Logger.getLogger(LOGGER_NAME);

    private static final Set<String> CATALOGUE = Set.of(Message.class.getName(), Messages.class.getName());
    private static final StackWalker STACK = StackWalker.getInstance();

    private Messages() {
    }

    /**
     * @param count how many problems, at least 0
     * @return {@code "1 problem"}, {@code "2 problems"}
     */
    public static String problems(int count) {
        return count + (count == 1 ? " problem" : " problems");
    }

    /**
     * @param messages full messages
     * @return each message on a line of its own, indented by two spaces, every line started by a line separator
     */
    public static String list(List<String> messages) {
        return messages.stream().map(m -> System.lineSeparator() + "  " + m).collect(Collectors.joining());
    }

    /**
     * Logs a message that is already built, at WARNING: one {@link Message#format}ted elsewhere and kept in a list
     * of problems, which development mode warns about instead of refusing.
     *
     * @param message the full message, starting with its id
     */
    public static void warning(String message) {
        if (LOGGER.isLoggable(Level.WARNING)) {
            publish(Level.WARNING, message);
        }
    }

    /**
     * Logs, at SEVERE, that a deployment is refused.
     *
     * @param app    the application's name
     * @param report the refusal's message, every problem listed
     */
    public static void refused(String app, String report) {
        if (LOGGER.isLoggable(Level.SEVERE)) {
            publish(Level.SEVERE, String.format(Locale.ROOT, REFUSED, app, report));
        }
    }

    /**
     * Logs with the caller as the record's source, as java.util.logging itself would name it had the caller called
     * the logger: the first frame outside the catalogue. Formatters print it, so a message's log line names the
     * class that has something to say, not the catalogue.
     */
    static void publish(Level level, String text) {
        Optional<StackWalker.StackFrame> caller = STACK.walk(frames -> frames
                .filter(f -> !CATALOGUE.contains(f.getClassName())).findFirst());
        if (caller.isPresent()) {
            LOGGER.logp(level, caller.get().getClassName(), caller.get().getMethodName(), text);
        } else {
            LOGGER.log(level, text);
        }
    }
}
