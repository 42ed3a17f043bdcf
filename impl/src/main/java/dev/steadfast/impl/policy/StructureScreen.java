package dev.steadfast.impl.policy;

import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Keyboard;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fast, generous first look for structure: could words, look-alike spellings, keyboard walks, sequences, repeats or
 * dates explain enough of a value to make it cheaper to guess than its characters suggest? Only a value for which
 * the answer may be yes goes to the full model ({@link TextModel}), which costs about 100 ms on its first use.
 *
 * <p>The screen over-approximates the full model's matches of three characters or more: a word is looked up after
 * folding case and every look-alike spelling the full model knows onto one letter (so {@code P455w0rd},
 * {@code password} and {@code pa55word} look the same), forwards and reversed; every part it finds is credited with
 * the smallest guess count the full model could give it (a word's best rank, at least 50), and described by the
 * same code ({@link Cover}).
 * So whenever the full model would find enough structure among parts of two characters or more, the screen does
 * too; the converse is rare for random keys, which then take the slow path.
 *
 * <p>The build writes {@code structure-screen.bin} from the same dictionaries and keyboards the full model uses
 * ({@link PolicyTablesBuilder}): the words' 32-bit fingerprints, sorted, one table per length (so a random string
 * collides with some word in about one case in a thousand), each with the best rank among the words that share it
 * (the full model prices a word by its rank), then which ASCII characters are neighbours on any keyboard.
 *
 * <p>Longer than 300 lines because the table format, its reader and the scan that must over-approximate the full
 * model are one argument: the guarantee above holds only while the three agree.
 */
final class StructureScreen {

    static final String RESOURCE = "structure-screen.bin";

    /** log2 of zxcvbn's least guess count for a part shorter than the whole value: 50. */
    static final double MIN_PART_BITS = Math.log(50) / Math.log(2);

    /** log2 of zxcvbn's least guesses for a date: 365 days times its least year space, 20. */
    static final double DATE_BITS = Math.log(365 * 20) / Math.log(2);
    private static final String DATE_SEPARATORS = " -/\\_.";

    /** Shorter words are everywhere in random text and save at most a few bits each. */
    static final int MIN_WORD = 3;

    private static final int MAGIC = 0x53465331; // "SFS1"
    private static final int ASCII = 128;

    // Sorted big-endian ints per length, searched in place (see SortedInts).
    private final byte[][] wordsByLength;
    /** Per word fingerprint, log2 of the best rank among the words that share it, rounded down. */
    private final byte[][] rankBits;
    private final long[] adjacent;

    private StructureScreen(byte[][] wordsByLength, byte[][] rankBits, long[] adjacent) {
        this.wordsByLength = wordsByLength;
        this.rankBits = rankBits;
        this.adjacent = adjacent;
    }

    /** @return the bundled screen, loaded once */
    static StructureScreen bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * @param value       a value to judge
     * @param bitsPerChar what one character of it is worth when random
     * @param margin      how many bits structure must save to count
     * @param required    the strength the value must have
     * @return whether structure may save at least {@code margin} bits and bring the value below {@code required}
     */
    boolean mayBeStructured(String value, double bitsPerChar, double margin, double required) {
        int n = value.length();
        char[] folded = new char[n];
        for (int i = 0; i < n; i++) {
            folded[i] = fold(value.charAt(i));
        }
        char[] reversed = new char[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = folded[n - 1 - i];
        }
        List<Cover.Part> parts = new ArrayList<>();
        words(folded, parts, false);
        words(reversed, parts, true);
        walks(value, parts);
        repeats(value, parts);
        digitRuns(value, parts);
        Cover.separators(value, parts);
        // The cover prices every part at the least the full model could: if even that is not cheap enough, no
        // reading the full model makes can be.
        double cheapest = Cover.cheapest(n, parts, bitsPerChar).bits();
        return n * bitsPerChar - cheapest >= margin && cheapest < required;
    }

    private void words(char[] text, List<Cover.Part> parts, boolean reversed) {
        int n = text.length;
        for (int i = 0; i < n; i++) {
            int hash = FNV_OFFSET;
            for (int end = i + 1; end <= n && end - i < wordsByLength.length; end++) {
                hash = (hash ^ text[end - 1]) * FNV_PRIME;
                int length = end - i;
                int found = length >= MIN_WORD ? SortedInts.indexOf(wordsByLength[length], hash) : -1;
                if (found >= 0) {
                    // zxcvbn prices a word by its rank, and a reversed one at twice that.
                    double bits = Math.max(MIN_PART_BITS, rankBits[length][found]) + (reversed ? 1 : 0)
                            + Cover.KIND_BITS;
                    // A word at i..end of the reversed text is the part n-end..n-i of the value.
                    parts.add(new Cover.Part(reversed ? n - end : i, reversed ? n - i : end, bits, ""));
                }
            }
        }
    }

    /** Keyboard walks and character sequences (steps of at most 5, as zxcvbn's): runs of neighbours. */
    private void walks(String value, List<Cover.Part> parts) {
        int n = value.length();
        for (int i = 0; i < n - 1; ) {
            int j = i;
            while (j + 1 < n && neighbours(value.charAt(j), value.charAt(j + 1))) {
                j++;
            }
            addRun(parts, i, j + 1, true);
            i = j + 1;
        }
        for (int i = 0; i < n - 1; ) {
            int delta = value.charAt(i + 1) - value.charAt(i);
            if (delta == 0 || Math.abs(delta) > 5) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j + 1 < n && value.charAt(j + 1) - value.charAt(j) == delta) {
                j++;
            }
            addRun(parts, i, j + 1, false);
            // The last character of a sequence may start the next one.
            i = j;
        }
    }

    private static void repeats(String value, List<Cover.Part> parts) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            for (int period = 1; i + 2 * period <= n; period++) {
                int end = i + period;
                while (end < n && value.charAt(end) == value.charAt(end - period)) {
                    end++;
                }
                if (end - i >= 2 * period) {
                    parts.add(new Cover.Part(i, end, MIN_PART_BITS + Cover.KIND_BITS, ""));
                }
            }
        }
    }

    /**
     * Years (19xx, 20xx: zxcvbn prices one at 50 guesses at least) and dates (four to eight digits, with or without
     * separators: at least 365 days times 20 years).
     */
    private static void digitRuns(String value, List<Cover.Part> parts) {
        int n = value.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (isDigit(value.charAt(i))) {
                if ((value.startsWith("19", i) || value.startsWith("20", i))
                        && isDigit(value.charAt(i + 2)) && isDigit(value.charAt(i + 3))) {
                    parts.add(new Cover.Part(i, i + 4, MIN_PART_BITS + Cover.KIND_BITS, ""));
                }
                int digits = 0;
                for (int end = i + 1; end <= Math.min(n, i + 10); end++) {
                    char c = value.charAt(end - 1);
                    if (isDigit(c)) {
                        digits++;
                    } else if (DATE_SEPARATORS.indexOf(c) < 0) {
                        break;
                    }
                    if (digits >= 4 && digits <= 8 && isDigit(c)) {
                        parts.add(new Cover.Part(i, end, DATE_BITS + Cover.KIND_BITS, ""));
                    }
                }
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Every stretch of two or more characters of a walk ({@code walk}) or sequence is a candidate part: a run may
     * share its ends with words.
     */
    private static void addRun(List<Cover.Part> parts, int start, int end, boolean walk) {
        for (int from = start; from + 2 <= end; from++) {
            for (int to = from + 2; to <= end; to++) {
                int length = to - from;
                // zxcvbn's least guesses: for a walk its smallest keyboard (the keypad, 15 keys of about 5
                // neighbours) times the positions of one turn; for a sequence 4 starting points (a, z, 0, 1...)
                // times its length.
                double least = walk ? log2(15 * 5.0 * (length - 1)) : log2(4.0 * length);
                parts.add(new Cover.Part(from, to, Math.max(MIN_PART_BITS, least) + Cover.KIND_BITS, ""));
            }
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private boolean neighbours(char a, char b) {
        if (a >= ASCII || b >= ASCII) {
            return false;
        }
        int bit = a * ASCII + b;
        return (adjacent[bit >>> 6] & (1L << bit)) != 0;
    }

    /**
     * Folds case and every look-alike spelling zxcvbn knows onto one letter. Where a symbol stands for two letters
     * ({@code 1} for i or l, {@code 7} for l or t), those letters fold together, so the fold never misses a spelling.
     */
    static char fold(char c) {
        char lower = c < ASCII ? Character.toLowerCase(c) : c;
        return switch (lower) {
            case '4', '@' -> 'a';
            case '8' -> 'b';
            case '(', '{', '[', '<' -> 'c';
            case '3' -> 'e';
            case '6', '9' -> 'g';
            case '1', '!', '|', '7', '+', 'l', 't', 'i' -> 'i';
            case '0' -> 'o';
            case '$', '5' -> 's';
            case '%' -> 'x';
            case '2' -> 'z';
            default -> lower;
        };
    }

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    static int fingerprint(String word) {
        int hash = FNV_OFFSET;
        for (int i = 0; i < word.length(); i++) {
            hash = (hash ^ fold(word.charAt(i))) * FNV_PRIME;
        }
        return hash;
    }

    /** Writes the screen for the build; see {@link PolicyTablesBuilder}. */
    static void write(DataOutputStream out, List<Dictionary> dictionaries, List<Keyboard> keyboards)
            throws IOException {
        // Per length, each fingerprint with the best (lowest) rank of the words that share it.
        List<Map<Integer, Integer>> byLength = new ArrayList<>();
        for (Dictionary dictionary : dictionaries) {
            List<String> words = dictionary.getFrequencies();
            for (int rank = 1; rank <= words.size(); rank++) {
                String lower = words.get(rank - 1).toLowerCase(Locale.ROOT);
                while (byLength.size() <= lower.length()) {
                    byLength.add(new HashMap<>());
                }
                byLength.get(lower.length()).merge(fingerprint(lower), rank, Math::min);
            }
        }
        out.writeInt(MAGIC);
        out.writeInt(byLength.size());
        for (Map<Integer, Integer> fingerprints : byLength) {
            int[] sorted = fingerprints.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            out.writeInt(sorted.length);
            for (int fingerprint : sorted) {
                out.writeInt(fingerprint);
            }
            for (int fingerprint : sorted) {
                out.writeByte(31 - Integer.numberOfLeadingZeros(fingerprints.get(fingerprint)));
            }
        }
        long[] adjacent = new long[ASCII * ASCII / 64];
        for (Keyboard keyboard : keyboards) {
            for (Map.Entry<Character, List<String>> key : keyboard.getAdjacencyGraph().entrySet()) {
                for (String neighbour : key.getValue()) {
                    if (neighbour == null) {
                        continue;
                    }
                    for (char b : neighbour.toCharArray()) {
                        char a = key.getKey();
                        if (a < ASCII && b < ASCII) {
                            int bit = a * ASCII + b;
                            adjacent[bit >>> 6] |= 1L << bit;
                        }
                    }
                }
            }
        }
        for (long word : adjacent) {
            out.writeLong(word);
        }
    }

    private static StructureScreen read() {
        try (DataInputStream in = PolicyResources.data(RESOURCE)) {
            if (in.readInt() != MAGIC) {
                throw new IllegalStateException("the bundled resource " + RESOURCE + " is not a structure screen");
            }
            byte[][] wordsByLength = new byte[in.readInt()][];
            byte[][] rankBits = new byte[wordsByLength.length][];
            for (int length = 0; length < wordsByLength.length; length++) {
                int count = in.readInt();
                wordsByLength[length] = in.readNBytes(count * Integer.BYTES);
                rankBits[length] = in.readNBytes(count);
            }
            long[] adjacent = new long[ASCII * ASCII / 64];
            for (int i = 0; i < adjacent.length; i++) {
                adjacent[i] = in.readLong();
            }
            return new StructureScreen(wordsByLength, rankBits, adjacent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource " + RESOURCE, e);
        }
    }

    private static final class Bundled {
        static final StructureScreen INSTANCE = read();
    }
}
