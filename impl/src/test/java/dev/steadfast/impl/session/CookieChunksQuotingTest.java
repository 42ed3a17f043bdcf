package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quoted session cookie reads the same whether it arrives in the raw header or, where a container hides headers,
 * rebuilt from {@code getCookies()} with the quotes Tomcat 11 (Servlet 6.1) keeps in the value; FuzzSeedsTest's
 * VALID-quoted checks the same end to end with the Tomcat on the class path.
 */
class CookieChunksQuotingTest {

    @Test
    void quotesAroundTheValue_areRemoved() {
        assertThat(CookieChunks.read(List.of("steadfast=\"abc.def.ghi\""), "steadfast", false).candidates())
                .containsExactly("abc.def.ghi");
    }

    @Test
    void quotedChunks_areJoinedWithoutQuotes() {
        assertThat(CookieChunks.read(List.of("steadfast=\"abc.\"; steadfastC1=\"def.ghi\""), "steadfast", true)
                .candidates()).containsExactly("abc.def.ghi");
    }
}
