package dev.steadfast;

import java.util.Locale;

/**
 * How strictly Steadfast treats configuration problems, chosen by {@link SteadfastProperties#MODE}.
 */
public enum Mode {
    /**
     * The default. Every policy finding fails the deployment; no key is ever generated.
     */
    PRODUCTION,
    /**
     * Findings are logged as warnings. With no key configured, a development key is generated once, persisted
     * (see {@link SteadfastProperties#DEV_KEY_FILE}) and reused on every start. A development key is always
     * refused in production.
     */
    DEVELOPMENT;

    /**
     * Parses a configured mode name, case-insensitively.
     *
     * @param value {@code production} or {@code development}
     * @return the mode
     * @throws IllegalArgumentException naming the accepted values when {@code value} is neither
     */
    public static Mode parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "production":
                return PRODUCTION;
            case "development":
                return DEVELOPMENT;
            default:
                // The value is not quoted: a caller may log the message, and a value put in the wrong property
                // may be a secret.
                throw new IllegalArgumentException("Unknown mode; expected 'production' or 'development'");
        }
    }

    /**
     * @return the configuration spelling of this mode, {@code production} or {@code development}
     */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
