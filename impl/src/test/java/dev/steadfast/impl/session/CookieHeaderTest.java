package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The raw Cookie header parser: RFC 6265 cookie-pairs, strict per pair, bounded, never throwing. */
class CookieHeaderTest {

    private static final Predicate<String> SESSION = "steadfast"::equals;

    private static List<String> values(String... headers) {
        return CookieHeader.parse(Arrays.asList(headers), SESSION).stream().map(CookieHeader.Pair::value).toList();
    }

    @Test
    void shouldKeepEveryPairOfTheName_inHeaderOrder() {
        assertThat(values("a=1; steadfast=first; b=2; steadfast=second")).containsExactly("first", "second");
    }

    @Test
    void shouldReadSeveralHeaders_inOrder() {
        assertThat(values("steadfast=one", "x=y; steadfast=two")).containsExactly("one", "two");
    }

    @Test
    void shouldMatchNamesExactlyAndCaseSensitively() {
        assertThat(values("Steadfast=a; steadfastC1=b; xsteadfast=c; steadfast =d; steadfast=e")).containsExactly("e");
    }

    @Test
    void shouldAcceptWhitespaceAroundPairs_butNotInsideThem() {
        assertThat(values(" \tsteadfast=a\t ;steadfast=b;  steadfast = c; steadfast= d; steadfast=e f"))
                .containsExactly("a", "b");
    }

    @Test
    void shouldRemoveOnePairOfDoubleQuotes_andSkipOtherQuoting() {
        assertThat(values("steadfast=\"a.b\"; steadfast=\"; steadfast=\"x; steadfast=y\"; steadfast=\"\"\"; "
                + "steadfast=\"in\"side\"; steadfast=\"\""))
                .containsExactly("a.b", "");
    }

    @Test
    void shouldSkipMalformedPairs_andKeepTheirNeighbours() {
        // Empty names, missing '=', separators and controls in names, commas, backslashes and spaces in values.
        String header = "=x; steadfast; ;; steadfast=a,b; st(ead)fast=x; steadfast=a\\b; steadfast=\u0001; "
                + "steadfast=ok1; \"steadfast\"=x; steadfast=ok2";

        assertThat(values(header)).containsExactly("ok1", "ok2");
    }

    @Test
    void shouldKeepEmptyValues_asCandidatesTheCodecRefuses() {
        assertThat(values("steadfast=; steadfast=v")).containsExactly("", "v");
    }

    @Test
    void shouldSkipPairsWithNonAsciiInNameOrValue() {
        assertThat(values("steadfast=caf\u00e9; st\u00e9adfast=x; steadfast=\u4e2d; steadfast=\ud83d\ude00; "
                + "steadfast=ascii")).containsExactly("ascii");
    }

    @Test
    void shouldNotSplitOnCommas() {
        // RFC 2965 allowed ',' between pairs; RFC 6265 does not, and a comma is no cookie-octet.
        assertThat(values("steadfast=a, steadfast=b")).isEmpty();
    }

    @Test
    void shouldIgnoreNullAndEmptyInput() {
        assertThat(CookieHeader.parse(null, SESSION)).isEmpty();
        assertThat(values("", ";", " ; ; ")).isEmpty();
        assertThat(CookieHeader.parse(Arrays.asList(null, "steadfast=v"), SESSION)).hasSize(1);
    }

    @Test
    void shouldStopAfterMaxPairs_countingEmptyAndForeignOnes() {
        String filler = String.join("; ", Collections.nCopies(CookieHeader.MAX_PAIRS - 1, "o=1"));

        assertThat(values(filler + "; steadfast=last")).containsExactly("last");
        assertThat(values(filler + "; x=1; steadfast=too-late")).isEmpty();
        assertThat(values(";".repeat(CookieHeader.MAX_PAIRS) + "steadfast=too-late")).isEmpty();
        // The budget is per request, not per header.
        assertThat(values(filler, "x=1", "steadfast=too-late")).isEmpty();
    }

    @Test
    void shouldReturnAtMostMaxMatches() {
        String many = String.join("; ", Collections.nCopies(100, "steadfast=v"));

        assertThat(values(many)).hasSize(CookieHeader.MAX_MATCHES);
        assertThat(values(many, "steadfast=more")).hasSize(CookieHeader.MAX_MATCHES);
    }

    @Test
    void shouldParseHugeHeadersInLinearTime() {
        String longValue = "steadfast=" + "A".repeat(4_000_000);
        String noEquals = "x".repeat(4_000_000);
        String manySeparators = ";".repeat(4_000_000);
        String nameOnlyPairs = "a;".repeat(2_000_000);

        assertThatCode(() -> {
            long start = System.nanoTime();
            assertThat(values(longValue)).singleElement().asString().hasSize(4_000_000);
            assertThat(values(noEquals)).isEmpty();
            assertThat(values(manySeparators)).isEmpty();
            assertThat(values(nameOnlyPairs)).isEmpty();
            // Generous for a busy shared machine; a quadratic scan of these would take minutes.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }).doesNotThrowAnyException();
    }

    @Test
    void shouldNeverThrow_onRandomInput() {
        Random random = new Random(20261130L);
        char[] alphabet = " \t;=\",\\\"steadfast\u0000\u007f\u00e9\ud800\udc00AZaz09.-_".toCharArray();
        for (int run = 0; run < 20_000; run++) {
            char[] header = new char[random.nextInt(200)];
            for (int i = 0; i < header.length; i++) {
                header[i] = random.nextInt(8) == 0 ? (char) random.nextInt(0x10000)
                        : alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(header);
            List<String> headers = new ArrayList<>(List.of(text));
            List<CookieHeader.Pair> pairs = CookieHeader.parse(headers, name -> true);
            assertThat(pairs).allSatisfy(p -> {
                assertThat(p.name()).isNotEmpty();
                assertThat(p.name().chars()).allMatch(c -> CookieHeader.isTokenChar((char) c.intValue()));
                assertThat(p.value().chars()).allMatch(c -> CookieHeader.isCookieOctet((char) c.intValue()));
                assertThat(text).contains(p.name() + "=");
            });
        }
    }

    @Test
    void shouldNotShowTheValue_inToString() {
        CookieHeader.Pair pair = CookieHeader.parse(List.of("steadfast=bearer-value"), SESSION).get(0);

        assertThat(pair.toString()).contains("steadfast").doesNotContain("bearer-value");
    }

    @Test
    void cookieOctetsAreVisibleAsciiButDquoteCommaSemicolonAndBackslash() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean expected = c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
            assertThat(CookieHeader.isCookieOctet((char) c)).as("U+%04X", c).isEqualTo(expected);
        }
    }
}
