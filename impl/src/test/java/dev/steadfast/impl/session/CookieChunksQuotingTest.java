package dev.steadfast.impl.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

/**
 * A quoted session cookie reads the same whether the container removed the quotes (Tomcat 10.1) or passed them on
 * (Tomcat 11, Servlet 6.1); FuzzSeedsTest's VALID-quoted checks the same end to end with the Tomcat on the class path.
 */
class CookieChunksQuotingTest {

    @Test
    void quotesAroundTheValue_areRemoved() {
        Cookie[] cookies = {new Cookie("steadfast", "\"abc.def.ghi\"")};

        assertThat(CookieChunks.read(cookies, "steadfast", false).candidates()).containsExactly("abc.def.ghi");
    }

    @Test
    void quotedChunks_areJoinedWithoutQuotes() {
        Cookie[] cookies = {new Cookie("steadfast", "\"abc.\""), new Cookie("steadfastC1", "\"def.ghi\"")};

        assertThat(CookieChunks.read(cookies, "steadfast", true).candidates()).containsExactly("abc.def.ghi");
    }

    @Test
    void unbalancedOrLoneQuotes_areLeftForTheCodecToReject() {
        assertThat(CookieChunks.unquoted("\"abc")).isEqualTo("\"abc");
        assertThat(CookieChunks.unquoted("abc\"")).isEqualTo("abc\"");
        assertThat(CookieChunks.unquoted("\"")).isEqualTo("\"");
        assertThat(CookieChunks.unquoted("\"\"")).isEmpty();
    }
}
