package dev.steadfast.impl.config;

import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed settings and keeps the findings. Every setting Steadfast reads has the same shape: unset means the
 * default; a value that does not parse is a finding (naming the property and its source, showing the value only
 * when it cannot be a secret) and the default is used, so one deployment report lists every mistake at once.
 *
 * <p>Not thread-safe: one reader serves one deployment check.
 */
public final class PropertyReader {

    /**
     * Longest duration accepted for any setting: 100 years. Longer ones (ISO-8601 allows about 292 billion years)
     * overflowed instant arithmetic at deployment instead of drawing a finding.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(36500);

    private final PropertyLookup lookup;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param lookup where to read
     */
    public PropertyReader(PropertyLookup lookup) {
        this.lookup = lookup;
    }

    /** @return where this reader reads */
    public PropertyLookup lookup() {
        return lookup;
    }

    /**
     * @param name a property name
     * @return the entry, or empty when unset or empty
     */
    public Optional<ConfigEntry> get(String name) {
        return lookup.get(name);
    }

    /**
     * @param name a property name
     * @return the raw value, or empty when unset or empty
     */
    public Optional<String> value(String name) {
        return lookup.get(name).map(ConfigEntry::value);
    }

    /**
     * @param name a property name
     * @return the source description for messages
     */
    public String sourceOf(String name) {
        return lookup.sourceOf(name);
    }

    /**
     * @param finding a problem found by the caller, reported with the rest; a finding already reported (a setting
     *                read by two parts of the check) is reported once
     */
    public void report(Finding finding) {
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
    }

    /** @return every finding so far, in the order found */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /**
     * @param name     the property
     * @param fallback used when unset or invalid
     * @return a positive duration of at most {@link #MAX_DURATION}, written as {@code 30s}, {@code 12h},
     *         {@code 7d} or ISO-8601
     */
    public Duration duration(String name, Duration fallback) {
        return parsed(name, fallback, RejectedValue::ofDuration, Rule.INVALID_VALUE, text -> {
            Duration d = Durations.parse(text);
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("not positive, or too long");
            }
            return d;
        }, "not a positive duration of at most 36500d (100 years)", "write it like 30s, 30m, 12h, 7d or PT30M");
    }

    /**
     * @param name     the property
     * @param fallback used when unset or invalid
     * @return {@code true} or {@code false}, in any case
     */
    public boolean bool(String name, boolean fallback) {
        return parsed(name, fallback, RejectedValue::of, Rule.INVALID_VALUE, text -> {
            String v = text.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException();
            }
            return Boolean.parseBoolean(v);
        }, "not true or false", "set true or false");
    }

    /**
     * @param name     the property
     * @param fallback used when unset or invalid
     * @param min      the least value accepted
     * @param fix      how to correct it
     * @return a whole number of at least {@code min}
     */
    public int integer(String name, int fallback, int min, String fix) {
        return parsed(name, fallback, RejectedValue::of, Rule.INVALID_VALUE, text -> {
            int v = Integer.parseInt(text.trim());
            if (v < min) {
                throw new IllegalArgumentException();
            }
            return v;
        }, "not a whole number of at least " + min, fix);
    }

    /**
     * @param name the property
     * @return an ISO-8601 instant, or empty when unset or invalid
     */
    public Optional<Instant> instant(String name) {
        return Optional.ofNullable(parsed(name, null, RejectedValue::ofInstant, Rule.INVALID_VALUE, text -> {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getClass().getSimpleName());
            }
        }, "not an ISO-8601 instant", "write it like 2026-11-22T00:00:00Z"));
    }

    /**
     * The shape every setting shares. The parser's exception message is never shown: it may quote the value.
     *
     * @param name     the property
     * @param fallback the default, used when unset or invalid
     * @param shown    how the rejected value may be shown, by what it is expected to look like
     * @param rule     the finding's rule
     * @param parse    the parser; throws {@link IllegalArgumentException} (or a subclass) for an invalid value
     * @param expected why the value is wrong, completing "which is ...": {@code "not true or false"}
     * @param fix      how to correct it
     * @param <T>      the type read
     * @return the parsed value, or {@code fallback}
     */
    public <T> T parsed(String name, T fallback, Function<String, RejectedValue> shown, Rule rule,
                        Function<String, T> parse, String expected, String fix) {
        Optional<ConfigEntry> entry = lookup.get(name);
        if (entry.isEmpty()) {
            return fallback;
        }
        try {
            return parse.apply(entry.get().value());
        } catch (IllegalArgumentException e) {
            RejectedValue rejected = shown.apply(entry.get().value());
            report(new Finding(rule, name, entry.get().source(), "is " + rejected + ", which is " + expected,
                    rejected.fix(fix)));
            return fallback;
        }
    }
}
