package dev.steadfast.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parse_acceptsUnitsPlainSecondsAndIso() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse(" 90 ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("pt1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void parse_namesAcceptedFormsWithoutTheValue() {
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a duration; use e.g. 30s, 30m, 12h, 7d or PT30M");
    }

    @Test
    void format_usesLargestWholeUnit() {
        assertThat(Durations.format(Duration.ofHours(12))).isEqualTo("12h");
        assertThat(Durations.format(Duration.ofDays(180))).isEqualTo("180d");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(30))).isEqualTo("30m");
    }
}
