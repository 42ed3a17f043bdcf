package dev.steadfast.impl.policy;

/** What kind of stand-in a value is; each has its own message. */
enum PlaceholderKind {
    /** A word or phrase put there to be replaced: {@code changeme}, {@code your-secret-here}, {@code TODO}. */
    WORD,
    /** An expression that was meant to be expanded: {@code ${JWT_SECRET}}, {@code {{ secret }}}, {@code <key>}. */
    TEMPLATE,
    /** Django's generated development key, {@code django-insecure-...}. */
    DJANGO_INSECURE
}
