package dev.steadfast.impl.policy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EncodingsTest {

    private static final byte[] BYTES = "the bytes a key generator wrote".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldDecode_whenValueIsHexOfEitherCase() {
        String hex = HexFormat.of().formatHex(BYTES);

        assertThat(Encodings.decode(hex)).get().satisfies(d -> {
            assertThat(d.encoding()).isEqualTo("hex");
            assertThat(d.bytes()).isEqualTo(BYTES);
        });
        assertThat(Encodings.decode(hex.toUpperCase(Locale.ROOT) + "\n")).get()
                .extracting(Encodings.Decoded::bytes).isEqualTo(BYTES);
    }

    @Test
    void shouldDecode_whenValueIsBase64WithOrWithoutPaddingOrWrapped() {
        String padded = Base64.getEncoder().encodeToString(BYTES);
        String wrapped = padded.substring(0, 20) + "\n" + padded.substring(20) + "\n";

        for (String value : new String[] {padded, padded.replace("=", ""), wrapped}) {
            assertThat(Encodings.decode(value)).as(value).get().satisfies(d -> {
                assertThat(d.encoding()).isEqualTo("base64");
                assertThat(d.bytes()).isEqualTo(BYTES);
            });
        }
    }

    @Test
    void shouldDecode_whenValueIsBase64url() {
        byte[] bytes = {(byte) 0xfb, (byte) 0xff, 0x3e, (byte) 0xfb, (byte) 0xff, 0x3e, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(Encodings.decode(url)).get().satisfies(d -> {
            assertThat(d.encoding()).isEqualTo("base64url");
            assertThat(d.bytes()).isEqualTo(bytes);
        });
    }

    @Test
    void shouldNotDecode_whenValueIsNoCompleteEncoding() {
        assertThat(Encodings.decode("short")).isEmpty();
        assertThat(Encodings.decode("kP9#xL2$mQ7!vR4@nT8%wY3^zB6&cF1*")).isEmpty();
        assertThat(Encodings.decode("abcdefghijklmnopq")).as("17 characters: no base64 length").isEmpty();
        assertThat(Encodings.decode("abc+def/ghi-jkl_mnop")).as("both alphabets mixed").isEmpty();
    }

    @Test
    void shouldReturnText_onlyWhenBytesArePrintableUtf8() {
        assertThat(Encodings.printableText("héllo wörld".getBytes(StandardCharsets.UTF_8))).contains("héllo wörld");
        assertThat(Encodings.printableText(new byte[] {'a', 0, 'b'})).isEmpty();
        assertThat(Encodings.printableText(new byte[] {(byte) 0xff, (byte) 0xfe})).isEmpty();
    }
}
