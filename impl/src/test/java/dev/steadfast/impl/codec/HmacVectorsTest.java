package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;

/** The MAC helper the codec signs with, against RFC 4231 and RFC 7515 Appendix A.1. */
class HmacVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] repeat(int b, int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static Stream<Arguments> rfc4231() {
        byte[] key4 = HEX.parseHex("0102030405060708090a0b0c0d0e0f10111213141516171819");
        String data6 = "Test Using Larger Than Block-Size Key - Hash Key First";
        String data7 = "This is a test using a larger than block-size key and a larger than block-size data."
                + " The key needs to be hashed before being used by the HMAC algorithm.";
        return Stream.of(
                Arguments.of(1, repeat(0x0b, 20), ascii("Hi There"),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
                        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4"
                                + "be9d914eeb61f1702e696c203a126854"),
                Arguments.of(2, ascii("Jefe"), ascii("what do ya want for nothing?"),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
                        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6"
                                + "fdcaeab1a34d4a6b4b636e070a38bce737"),
                Arguments.of(3, repeat(0xaa, 20), repeat(0xdd, 50),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                        "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
                        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c8"
                                + "07b946a337bee8942674278859e13292fb"),
                Arguments.of(4, key4, repeat(0xcd, 50),
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
                        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc57880"
                                + "63a5f19741120c4f2de2adebeb10a298dd"),
                // Case 5 specifies the output truncated to 128 bits.
                Arguments.of(5, repeat(0x0c, 20), ascii("Test With Truncation"),
                        "a3b6167473100ee06e0c796c2955552b",
                        "3abf34c3503b2a23a46efc619baef897",
                        "415fad6271580a531d4179bc891d87a6"),
                Arguments.of(6, repeat(0xaa, 131), ascii(data6),
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
                        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e"
                                + "5295e64f73f63f0aec8b915a985d786598"),
                Arguments.of(7, repeat(0xaa, 131), ascii(data7),
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
                        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de"
                                + "15134676fb6de0446065c97440fa8c6a58"));
    }

    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @MethodSource("rfc4231")
    void keyMac_matchesRfc4231(int testCase, byte[] key, byte[] data, String sha256, String sha384, String sha512) {
        assertMac(Algorithm.HS256, key, data, sha256);
        assertMac(Algorithm.HS384, key, data, sha384);
        assertMac(Algorithm.HS512, key, data, sha512);
    }

    private static void assertMac(Algorithm algorithm, byte[] key, byte[] data, String expectedHex) {
        KeyMac mac = KeyMac.of(SigningKey.of("rfc4231", algorithm, SecretBytes.copyOf(key)));
        byte[] tag = mac.sign(data, 0, data.length);
        assertThat(tag).hasSize(algorithm.macBits() / 8);
        // Hex of the (possibly truncated, case 5) expected output is a prefix of the full tag.
        assertThat(HEX.formatHex(tag)).startsWith(expectedHex);
        assertThat(mac.verify(data, 0, data.length, tag)).isTrue();
        if (expectedHex.length() == tag.length * 2) {
            assertThat(mac.verify(data, 0, data.length, HEX.parseHex(expectedHex))).isTrue();
        }
    }

    @Test
    void keyMac_reproducesRfc7515AppendixA1() {
        byte[] jwkK = ascii("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        byte[] key = Base64Url.decode(jwkK, 0, jwkK.length);
        byte[] signingInput = ascii("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ");
        KeyMac mac = KeyMac.of(SigningKey.of("a1", Algorithm.HS256, SecretBytes.copyOf(key)));

        byte[] signature = mac.sign(signingInput, 0, signingInput.length);

        assertThat(new String(Base64Url.encode(signature), StandardCharsets.US_ASCII))
                .isEqualTo("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    }

    @Test
    void keyMac_isUsableFromManyThreads() throws Exception {
        KeyMac mac = KeyMac.of(SigningKey.of("t", Algorithm.HS256, SecretBytes.copyOf(repeat(0x0b, 20))));
        byte[] data = ascii("Hi There");
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                boolean all = true;
                for (int i = 0; i < 2000; i++) {
                    all &= HEX.formatHex(mac.sign(data, 0, data.length))
                            .equals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
                }
                ok[index] = all;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ok).containsOnly(true);
    }
}
