package dev.steadfast.impl.cli;

import dev.steadfast.SteadfastProperties;
import dev.steadfast.impl.keys.SecretGenerator;
import dev.steadfast.keys.Algorithm;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line: {@code keygen} prints a fresh key as configuration, {@code rotate} prints the steps of the
 * rotation runbook for a new key.
 */
public final class Main {

    private static final Pattern KEY_ID = Pattern.compile(SteadfastProperties.KEY_ID_PATTERN);
    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar steadfast-impl-cli.jar <command> [options]",
            "",
            "Commands:",
            "  keygen [--id ID] [--algorithm HS256|HS384|HS512]",
            "      Print a fresh random key as microprofile-config.properties lines and environment variables.",
            "  rotate [--keys CURRENT] [--id ID] [--algorithm HS256|HS384|HS512]",
            "      Print the configuration for each step of rotating to a new key (docs/rotation.md).",
            "      CURRENT is the present value of steadfast.keys; defaults to $STEADFAST_KEYS.",
            "",
            "Key ids match " + SteadfastProperties.KEY_ID_PATTERN + "; the default is the current year and month.");

    private final PrintStream out;
    private final Clock clock;
    private final Map<String, String> env;

    Main(PrintStream out, Clock clock, Map<String, String> env) {
        this.out = out;
        this.clock = clock;
        this.env = env;
    }

    /**
     * @param args the command and its options
     */
    public static void main(String[] args) {
        int status = new Main(System.out, Clock.systemUTC(), System.getenv()).run(args, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    int run(String[] args, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                out.println(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            switch (args[0]) {
                case "keygen":
                    keygen(options);
                    return 0;
                case "rotate":
                    rotate(options);
                    return 0;
                default:
                    throw new UsageException("Unknown command '" + args[0] + "'");
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.println(USAGE);
            return 2;
        }
    }

    private void keygen(Options options) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = options.id != null ? options.id : defaultId(now, List.of());
        String secret = SecretGenerator.generate(options.algorithm);
        out.println("# Steadfast key '" + id + "' (" + options.algorithm + "), generated " + now);
        out.println("# Keep the secret out of version control: set it as an environment variable or a secret file.");
        out.println();
        out.println("# microprofile-config.properties");
        printKey(id, secret, options.algorithm, now, List.of(id), false);
        out.println();
        out.println("# or environment variables");
        printKey(id, secret, options.algorithm, now, List.of(id), true);
        out.println();
        out.println("# Rotation: add the next key LAST in steadfast.keys on every instance, then move it FIRST, then");
        out.println("# remove the old key once the absolute session timeout has passed ('rotate' prints each step).");
    }

    private void rotate(Options options) {
        String current = options.keys != null ? options.keys : env.get("STEADFAST_KEYS");
        if (current == null || current.isBlank()) {
            throw new UsageException("rotate needs the current key list: --keys ID[,ID...] or $STEADFAST_KEYS");
        }
        List<String> existing = new ArrayList<>();
        for (String part : current.split(",")) {
            if (!part.isBlank()) {
                existing.add(part.trim());
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String id = options.id != null ? options.id : defaultId(now, existing);
        if (existing.contains(id)) {
            throw new UsageException("Key id '" + id + "' is already in use; choose another with --id");
        }
        String secret = SecretGenerator.generate(options.algorithm);
        List<String> step1 = new ArrayList<>(existing);
        step1.add(id);
        List<String> step2 = new ArrayList<>();
        step2.add(id);
        step2.addAll(existing);

        out.println("# Rotating to key '" + id + "' (" + options.algorithm + "), generated " + now);
        out.println();
        out.println("# Step 1, on EVERY instance: add the new key LAST. It verifies but does not sign yet.");
        printKey(id, secret, options.algorithm, now, step1, false);
        out.println("# (environment variables)");
        printKey(id, secret, options.algorithm, now, step1, true);
        out.println();
        out.println("# Step 2, once every instance runs step 1: move it FIRST. It signs; cookies signed by");
        out.println("# " + String.join(", ", existing) + " are re-signed with '" + id + "' as they come in.");
        out.println(SteadfastProperties.KEYS + "=" + String.join(",", step2));
        out.println("STEADFAST_KEYS=" + String.join(",", step2));
        out.println();
        out.println("# Step 3, after the absolute session timeout (default 12h) has passed since step 2: remove the");
        out.println("# old keys and their secrets. Cookies still signed by them start a fresh session.");
        out.println(SteadfastProperties.KEYS + "=" + id);
        out.println("STEADFAST_KEYS=" + id);
    }

    private void printKey(String id, String secret, Algorithm algorithm, Instant createdAt, List<String> keys,
                          boolean envVars) {
        line(SteadfastProperties.KEYS, String.join(",", keys), envVars);
        line(SteadfastProperties.keySecret(id), secret, envVars);
        if (algorithm != Algorithm.HS256) {
            line(SteadfastProperties.keyAlgorithm(id), algorithm.name(), envVars);
        }
        line(SteadfastProperties.keyCreatedAt(id), DateTimeFormatter.ISO_INSTANT.format(createdAt), envVars);
    }

    private void line(String property, String value, boolean envVar) {
        out.println((envVar ? envName(property) : property) + "=" + value);
    }

    /**
     * @param property a property name
     * @return its MicroProfile Config environment variable: non-alphanumerics become '_', then upper case
     */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String defaultId(Instant now, List<String> taken) {
        String base = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC).format(now);
        String id = base;
        for (int i = 2; taken.contains(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private static final class Options {
        String id;
        String keys;
        Algorithm algorithm = Algorithm.HS256;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("Option " + arg + " needs a value");
                }
                switch (arg) {
                    case "--id":
                        if (!KEY_ID.matcher(value).matches()) {
                            throw new UsageException("Invalid key id '" + value + "'; must match "
                                    + SteadfastProperties.KEY_ID_PATTERN);
                        }
                        o.id = value;
                        break;
                    case "--algorithm":
                        try {
                            o.algorithm = Algorithm.parse(value);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException(e.getMessage());
                        }
                        break;
                    case "--keys":
                        o.keys = value;
                        break;
                    default:
                        throw new UsageException("Unknown option '" + arg + "'");
                }
            }
            return o;
        }
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
