package dev.steadfast.impl.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.KeyRing;

/**
 * Pins the wire format byte for byte: one session holding every supported attribute type, at the top level and
 * nested, encodes to exactly this payload and cookie, and the cookie decodes to exactly these Java types. A change
 * here is a change of the format: cookies issued before it would be read differently, or not at all.
 */
class WireFormatGoldenTest {

    private static final String PAYLOAD =
            "{\"aud\":\"/shop\",\"sid\":\"sid-0123456789\",\"iat\":1893455940,\"exp\":1893457740,\"crt\":18934554"
            + "00,\"mii\":1800,\"att\":{\"user\":\"alice\",\"string\":\"caf\u00e9 \u4e2d \ud83d\ude00 \\\"q\\\" \\"
            + "\\ \\n\\t\\u0001</script>\",\"empty\":\"\",\"true\":true,\"false\":false,\"int\":-2147483648,\"long"
            + "\":{\"$long\":\"9223372036854775807\"},\"smallLong\":{\"$long\":\"-7\"},\"double\":1.0E21,\"negative"
            + "Zero\":-0.0,\"tiny\":4.9E-324,\"decimal\":{\"$decimal\":\"-1.50E-7\"},\"null\":null,\"list\":[1,\"a"
            + "\",null,2.5,{\"$long\":\"3\"},{\"$decimal\":\"4.0\"},[]],\"map\":{\"sku\":\"SKU-1\",\"qty\":3,\"pric"
            + "e\":{\"$decimal\":\"19.90\"},\"weight\":0.25,\"gift\":false,\"note\":null},\"dollarMap\":{\"$map\":{"
            + "\"$long\":\"not a tag\",\"plain\":{\"$long\":\"1\"}}},\"$name\":[{},[[true]]]}}";

    private static final String COOKIE =
            "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIiwidHlwIjoic3RlYWRmYXN0LXNlc3Npb24rand0In0.eyJhdWQiOiIvc2hvcCIsInNp"
            + "ZCI6InNpZC0wMTIzNDU2Nzg5IiwiaWF0IjoxODkzNDU1OTQwLCJleHAiOjE4OTM0NTc3NDAsImNydCI6MTg5MzQ1NTQwMCwibWlp"
            + "IjoxODAwLCJhdHQiOnsidXNlciI6ImFsaWNlIiwic3RyaW5nIjoiY2Fmw6kg5LitIPCfmIAgXCJxXCIgXFwgXG5cdFx1MDAwMTwv"
            + "c2NyaXB0PiIsImVtcHR5IjoiIiwidHJ1ZSI6dHJ1ZSwiZmFsc2UiOmZhbHNlLCJpbnQiOi0yMTQ3NDgzNjQ4LCJsb25nIjp7IiRs"
            + "b25nIjoiOTIyMzM3MjAzNjg1NDc3NTgwNyJ9LCJzbWFsbExvbmciOnsiJGxvbmciOiItNyJ9LCJkb3VibGUiOjEuMEUyMSwibmVn"
            + "YXRpdmVaZXJvIjotMC4wLCJ0aW55Ijo0LjlFLTMyNCwiZGVjaW1hbCI6eyIkZGVjaW1hbCI6Ii0xLjUwRS03In0sIm51bGwiOm51"
            + "bGwsImxpc3QiOlsxLCJhIixudWxsLDIuNSx7IiRsb25nIjoiMyJ9LHsiJGRlY2ltYWwiOiI0LjAifSxbXV0sIm1hcCI6eyJza3Ui"
            + "OiJTS1UtMSIsInF0eSI6MywicHJpY2UiOnsiJGRlY2ltYWwiOiIxOS45MCJ9LCJ3ZWlnaHQiOjAuMjUsImdpZnQiOmZhbHNlLCJu"
            + "b3RlIjpudWxsfSwiZG9sbGFyTWFwIjp7IiRtYXAiOnsiJGxvbmciOiJub3QgYSB0YWciLCJwbGFpbiI6eyIkbG9uZyI6IjEifX19"
            + "LCIkbmFtZSI6W3t9LFtbdHJ1ZV1dXX19.A7qZRRvLPKtWIYpICS31KruZexxNHVvZZROflJdBoDM";

    private final JwsSessionCodec codec = Fixtures.codec(KeyRing.of(Fixtures.K1), Fixtures.options().build());

    static SessionData everyType() {
        Map<String, Object> dollar = new LinkedHashMap<>();
        dollar.put("$long", "not a tag");
        dollar.put("plain", 1L);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", "SKU-1");
        line.put("qty", 3);
        line.put("price", new BigDecimal("19.90"));
        line.put("weight", 0.25);
        line.put("gift", false);
        line.put("note", null);
        return Fixtures.session()
                .attribute("string", "caf\u00e9 \u4e2d \ud83d\ude00 \"q\" \\ \n\t\u0001</script>")
                .attribute("empty", "")
                .attribute("true", Boolean.TRUE)
                .attribute("false", Boolean.FALSE)
                .attribute("int", Integer.MIN_VALUE)
                .attribute("long", Long.MAX_VALUE)
                .attribute("smallLong", -7L)
                .attribute("double", 1e21)
                .attribute("negativeZero", -0.0)
                .attribute("tiny", Double.MIN_VALUE)
                .attribute("decimal", new BigDecimal("-1.50E-7"))
                .attribute("null", null)
                .attribute("list", Arrays.asList(1, "a", null, 2.5, 3L, new BigDecimal("4.0"), List.of()))
                .attribute("map", line)
                .attribute("dollarMap", dollar)
                .attribute("$name", List.of(Map.of(), List.of(List.of(true))))
                .build();
    }

    @Test
    void encodesEveryTypeToThePinnedPayload() {
        String cookie = codec.encode(everyType());
        assertThat(Fixtures.fromB64(cookie.split("\\.")[1])).isEqualTo(PAYLOAD);
        assertThat(cookie).isEqualTo(COOKIE);
    }

    @Test
    void measureAndBoundOfThePinnedSession() {
        SessionData session = everyType();
        assertThat(codec.measure(session).length()).isEqualTo(COOKIE.length());
        assertThat(codec.bound(session.id(), session.attributes()).length()).isEqualTo(1268L);
    }

    @Test
    void decodesThePinnedCookieToTheSameTypes() {
        DecodeResult result = codec.decode(COOKIE);
        assertThat(result).isInstanceOf(DecodeResult.Valid.class);
        Map<String, Object> decoded = ((DecodeResult.Valid) result).session().attributes();
        Map<String, Object> expected = everyType().attributes();
        assertThat(new ArrayList<>(decoded.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(decoded).isEqualTo(expected);
        expected.forEach((name, value) -> assertSameTypes(name, value, decoded.get(name)));
    }

    static void assertSameTypes(String path, Object expected, Object actual) {
        if (expected == null) {
            assertThat(actual).as(path).isNull();
        } else if (expected instanceof List<?> list) {
            assertThat(actual).as(path).isInstanceOf(ArrayList.class);
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(path + "[" + i + "]", list.get(i), ((List<?>) actual).get(i));
            }
        } else if (expected instanceof Map<?, ?> map) {
            assertThat(actual).as(path).isInstanceOf(LinkedHashMap.class);
            assertThat(new ArrayList<Object>(((Map<?, ?>) actual).keySet())).as(path)
                    .containsExactlyElementsOf(map.keySet());
            map.forEach((k, v) -> assertSameTypes(path + "." + k, v, ((Map<?, ?>) actual).get(k)));
        } else {
            assertThat(actual).as(path).isExactlyInstanceOf(expected.getClass()).isEqualTo(expected);
        }
    }
}
