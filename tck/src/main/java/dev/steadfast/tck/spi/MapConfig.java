package dev.steadfast.tck.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile {@link Config} over one map, so SPI-level tests can hand an implementation a configuration without
 * a MicroProfile Config implementation. Values are strings; only {@code String} conversion is supported, which is
 * all a Steadfast configuration is made of. The single source is named {@value #SOURCE_NAME}, ordinal
 * {@value #SOURCE_ORDINAL}, so findings can be checked for naming it.
 */
public final class MapConfig implements Config {

    /** Name of the single config source. */
    public static final String SOURCE_NAME = "TckMapConfigSource";
    /** Ordinal of the single config source. */
    public static final int SOURCE_ORDINAL = 271;

    private final Map<String, String> values;
    private final ConfigSource source;

    private MapConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.source = new ConfigSource() {
            @Override
            public Set<String> getPropertyNames() {
                return MapConfig.this.values.keySet();
            }

            @Override
            public String getValue(String name) {
                return MapConfig.this.values.get(name);
            }

            @Override
            public String getName() {
                return SOURCE_NAME;
            }

            @Override
            public int getOrdinal() {
                return SOURCE_ORDINAL;
            }
        };
    }

    /** @return a config holding exactly {@code values} */
    public static MapConfig of(Map<String, String> values) {
        return new MapConfig(values);
    }

    /** @return a config holding the pairs name, value, name, value... */
    public static MapConfig of(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) {
            m.put(namesAndValues[k], namesAndValues[k + 1]);
        }
        return new MapConfig(m);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("No value for " + propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        String value = values.get(propertyName);
        return new ConfigValue() {
            @Override
            public String getName() {
                return propertyName;
            }

            @Override
            public String getValue() {
                return value;
            }

            @Override
            public String getRawValue() {
                return value;
            }

            @Override
            public String getSourceName() {
                return value == null ? null : SOURCE_NAME;
            }

            @Override
            public int getSourceOrdinal() {
                return value == null ? 0 : SOURCE_ORDINAL;
            }
        };
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String value = values.get(propertyName);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(convert(value, propertyType));
    }

    @Override
    public <T> List<T> getValues(String propertyName, Class<T> propertyType) {
        return getOptionalValues(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("No value for " + propertyName));
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, String.class).map(v -> {
            List<T> out = new ArrayList<>();
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(convert(part.trim(), propertyType));
                }
            }
            return out;
        });
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of(source);
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        if (forType == String.class) {
            @SuppressWarnings("unchecked")
            Converter<T> c = v -> (T) v;
            return Optional.of(c);
        }
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("MapConfig cannot be unwrapped to " + type.getName());
    }

    private static <T> T convert(String value, Class<T> type) {
        if (type == String.class || type == Object.class) {
            return type.cast(value);
        }
        throw new IllegalArgumentException("MapConfig converts to String only, not " + type.getName());
    }
}
