package dev.steadfast.impl.policy;

/**
 * Why a value has too little variety for its alphabet; the numbers go into the message, the value never does.
 *
 * @param kind     which pattern was found
 * @param observed the run or sequence length, the period, or the distinct-character count
 * @param expected for {@link Kind#FEW_DISTINCT}: the distinct characters a random value would show; otherwise 0
 */
record DiversityProblem(Kind kind, int observed, int expected) {

    enum Kind {
        /** One character repeated many times in a row. */
        LONG_RUN,
        /** The whole value is a shorter block repeated. */
        REPEATED_PATTERN,
        /** Many characters ascending or descending in alphabet order, such as {@code abcdefgh}. */
        SEQUENCE,
        /** Far fewer distinct characters than a random value of this length would show. */
        FEW_DISTINCT
    }
}
