package dev.steadfast.impl.policy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recognises digests of guessable inputs ({@link GuessableInputs}) under MD5, SHA-1, SHA-256, SHA-384 and SHA-512,
 * whole or cut short, without hashing tens of thousands of words at deployment.
 *
 * <p>The build writes {@code guessable-digests.bin}: per algorithm, the sorted first four bytes of each input's
 * digest. A lookup is a binary search. Four bytes are a filter, not a proof (one random key in about 250,000 shares
 * a prefix with some entry), so a hit is confirmed by hashing the inputs under that one algorithm, which only a
 * value that really is such a digest, or that rare random key, ever pays for.
 */
final class DigestTable {

    static final String RESOURCE = "guessable-digests.bin";
    static final List<String> ALGORITHMS = List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private static final int MAGIC = 0x53464431; // "SFD1"
    /** Shorter cut-offs of a digest are too likely to occur by chance, and too weak to be keys anyway. */
    private static final int MIN_BYTES = 16;

    private static final int[] LENGTHS = {16, 20, 32, 48, 64};
    /** hex, base64, base64url: the spellings an attacker tries for each digest. */
    private static final int ENCODINGS = 3;

    // Sorted big-endian ints, searched in place: converting them to int[] on load cost more than the whole check.
    private final byte[][] prefixes;

    private DigestTable(byte[][] prefixes) {
        this.prefixes = prefixes;
    }

    /** @return log2 of the guesses that cover every input, algorithm and encoding: what such a digest is worth */
    double guessBits() {
        long entries = 0;
        for (byte[] table : prefixes) {
            entries += table.length / Integer.BYTES;
        }
        return Math.log((double) entries * ENCODINGS) / Math.log(2);
    }

    /** @return the bundled table, loaded once */
    static DigestTable bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * @param bytes what a configured value decodes to
     * @return the algorithm of which it is a digest of a guessable input (or the leading bytes of one), else empty
     */
    Optional<String> digestAlgorithm(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            return Optional.empty();
        }
        int prefix = ByteBuffer.wrap(bytes).getInt();
        for (int a = 0; a < ALGORITHMS.size(); a++) {
            String algorithm = ALGORITHMS.get(a);
            if (bytes.length <= LENGTHS[a] && SortedInts.contains(prefixes[a], prefix)
                    && confirmed(algorithm, bytes)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    private static boolean confirmed(String algorithm, byte[] bytes) {
        MessageDigest digest = messageDigest(algorithm);
        for (byte[] input : GuessableInputs.all()) {
            byte[] hash = digest.digest(input);
            if (Arrays.equals(hash, 0, bytes.length, bytes, 0, bytes.length)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the table for the build; see {@link PolicyTablesBuilder}. */
    static void write(DataOutputStream out, List<byte[]> inputs) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(ALGORITHMS.size());
        for (String algorithm : ALGORITHMS) {
            MessageDigest digest = messageDigest(algorithm);
            int[] table = new int[inputs.size()];
            for (int i = 0; i < table.length; i++) {
                table[i] = ByteBuffer.wrap(digest.digest(inputs.get(i))).getInt();
            }
            Arrays.sort(table);
            out.writeInt(table.length);
            for (int prefix : table) {
                out.writeInt(prefix);
            }
        }
    }

    private static DigestTable read() {
        try (DataInputStream in = PolicyResources.data(RESOURCE)) {
            if (in.readInt() != MAGIC || in.readInt() != ALGORITHMS.size()) {
                throw new IllegalStateException("the bundled resource " + RESOURCE + " is not a digest table");
            }
            byte[][] prefixes = new byte[ALGORITHMS.size()][];
            for (int a = 0; a < prefixes.length; a++) {
                prefixes[a] = in.readNBytes(in.readInt() * Integer.BYTES);
            }
            return new DigestTable(prefixes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource " + RESOURCE, e);
        }
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide these.
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static final class Bundled {
        static final DigestTable INSTANCE = read();
    }
}
