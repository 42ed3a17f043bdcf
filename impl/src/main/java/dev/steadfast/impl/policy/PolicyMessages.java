package dev.steadfast.impl.policy;

import dev.steadfast.impl.keys.DevelopmentKey;
import java.util.Locale;

import static dev.steadfast.impl.message.Messages.KEYGEN;

/**
 * Every problem and fix sentence the policy writes, in one place so that tests can assert full texts and
 * documentation can quote them.
 *
 * <p>No sentence takes the secret value as an argument: the worst they can reveal is a length or a count.
 * Sentences carry no final period; {@link dev.steadfast.policy.Finding#message()} adds the punctuation.
 */
final class PolicyMessages {

    static final String MISSING = "has no value";
    static final String PLACEHOLDER_WORD = "is a placeholder, not a secret";
    static final String PLACEHOLDER_TEMPLATE =
            "is unexpanded template residue (a variable or expression that was never substituted), not a secret";
    static final String PLACEHOLDER_DJANGO =
            "is a Django development key (it starts with django-insecure-), not a production secret";
    static final String PUBLICLY_KNOWN =
            "is a publicly known secret (a framework default, a documentation or tutorial example, or a leaked key)";
    static final String DERIVED_INPUT =
            "equals a public input of this deployment, such as the host or application name, so anyone can guess it";
    static final String DERIVED_DIGEST = "is the %s hash of a public input of this deployment, such as the host or"
            + " application name, so anyone can compute it";
    static final String DEVELOPMENT_KEY =
            "is a development key (it starts with " + DevelopmentKey.PREFIX + "), which production refuses";
    static final String TOO_WEAK = "is too weak: about %d bits of estimated strength, %d required";
    /** The first argument says why, e.g. "it reads as English words"; never quoting the value. */
    static final String TOO_WEAK_BECAUSE = "is too weak: %s, so about %d bits of estimated strength, %d required";
    static final String LONG_RUN = "has low diversity: it contains a run of %d identical characters";
    static final String REPEATED_PATTERN = "has low diversity: it repeats a block of %d characters";
    static final String SEQUENCE = "has low diversity: it contains a sequence of %d consecutive characters";
    static final String FEW_DISTINCT = "has low diversity: it uses only %d distinct characters, where a random value"
            + " of its length and alphabet would use about %d";
    static final String REUSED = "holds the same value as %s; every secret must serve one purpose";

    static final String FIX_SET = "set it to a random value of at least %d bits, e.g. the output of %s or " + KEYGEN;
    static final String FIX_REPLACE =
            "replace it with a random value of at least %d bits, e.g. the output of %s or " + KEYGEN;
    static final String FIX_TEMPLATE = "make sure the variable is defined and substituted before deployment, with a"
            + " random value of at least %d bits, e.g. the output of %s or " + KEYGEN;
    static final String FIX_PUBLICLY_KNOWN = "replace it with a fresh random value of at least %d bits, e.g. the"
            + " output of %s or " + KEYGEN + ", and treat anything signed with the old value as forged";
    static final String FIX_DERIVED = "use a random value of at least %d bits that has nothing to do with the"
            + " deployment, e.g. the output of %s or " + KEYGEN;
    static final String FIX_DEVELOPMENT_KEY =
            "generate a production key with " + KEYGEN + " or %s and configure it in place of the development key";
    static final String FIX_TOO_WEAK = "use a random value of at least %d bits, e.g. the output of %s or " + KEYGEN;
    static final String FIX_LOW_DIVERSITY = "use the output of a random generator rather than a hand-made value,"
            + " at least %d bits, e.g. %s or " + KEYGEN;
    static final String FIX_REUSED = "give %s its own random value of at least %d bits, e.g. the output of %s or "
            + KEYGEN;

    private PolicyMessages() {
    }

    /** @return e.g. {@code `openssl rand -hex 32`} for 256 bits; rounds up to whole bytes */
    static String openssl(int requiredBits) {
        return "`openssl rand -hex " + ((requiredBits + 7) / 8) + "`";
    }

    static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
