package dev.steadfast.impl.policy;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (impl's pom runs it after compiling): precomputes the tables the policy reads at deployment, so that
 * judging a random key costs a few binary searches instead of loading word lists and hashing thousands of words.
 * Both tables derive from zxcvbn's bundled lists and Steadfast's resources, so they change only with those.
 */
public final class PolicyTablesBuilder {

    private PolicyTablesBuilder() {
    }

    /**
     * @param args the output folder: the classes folder's {@code dev/steadfast/impl/policy}
     * @throws IOException when a table cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PolicyTablesBuilder <output folder>");
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        try (DataOutputStream out = open(folder.resolve(DigestTable.RESOURCE))) {
            DigestTable.write(out, GuessableInputs.all());
        }
        try (DataOutputStream out = open(folder.resolve(StructureScreen.RESOURCE))) {
            StructureScreen.write(out, Dictionaries.all(), Dictionaries.keyboards());
        }
    }

    private static DataOutputStream open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    }
}
