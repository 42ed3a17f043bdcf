package dev.steadfast.impl.policy;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the policy's bundled resources, which sit beside its classes; a missing one is a packaging error. */
final class PolicyResources {

    private PolicyResources() {
    }

    /**
     * @param name a resource beside this class
     * @return every line, as written (comments and blank lines included, so that callers can report line numbers)
     */
    static List<String> lines(String name) {
        try (InputStream in = open(name)) {
            // A plain loop rather than lines().toList(): this runs once, cold, inside the deploy-time check.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource " + name, e);
        }
    }

    /**
     * @param name a resource beside this class
     * @return its entries: lines stripped, without blank lines and {@code #} comments
     */
    static List<String> entries(String name) {
        List<String> entries = new ArrayList<>();
        for (String line : lines(name)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** @return a binary resource beside this class, buffered, for the caller to close */
    static DataInputStream data(String name) {
        return new DataInputStream(new BufferedInputStream(open(name), 1 << 16));
    }

    private static InputStream open(String name) {
        InputStream in = PolicyResources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the bundled resource " + name + " is missing from the class path next to "
                    + PolicyResources.class.getName() + " (the build writes the .bin tables: mvn process-classes)");
        }
        return in;
    }
}
