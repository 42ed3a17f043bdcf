package dev.steadfast.impl.policy;

/**
 * Binary search over a sorted table of big-endian ints kept as the bytes it was read as. The policy's tables are
 * read once per deployment, cold: turning 100,000 ints into an {@code int[]} runs in the interpreter and cost more
 * than every lookup the check makes.
 */
final class SortedInts {

    private SortedInts() {
    }

    /** @return whether the table holds the value */
    static boolean contains(byte[] table, int value) {
        return indexOf(table, value) >= 0;
    }

    /** @return the value's index in the table, or -1 */
    static int indexOf(byte[] table, int value) {
        int low = 0;
        int high = table.length / Integer.BYTES - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = at(table, middle);
            if (found < value) {
                low = middle + 1;
            } else if (found > value) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private static int at(byte[] table, int index) {
        int i = index * Integer.BYTES;
        return (table[i] << 24) | ((table[i + 1] & 0xff) << 16) | ((table[i + 2] & 0xff) << 8) | (table[i + 3] & 0xff);
    }
}
