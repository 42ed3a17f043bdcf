package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.K2;
import static dev.steadfast.impl.codec.Fixtures.K512;
import static dev.steadfast.impl.codec.Fixtures.SECRET_1;
import static dev.steadfast.impl.codec.Fixtures.SECRET_2;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;
import dev.steadfast.codec.SessionTooLargeException;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.tck.support.Jwe;
import dev.steadfast.tck.support.MiniJson;

/** The encrypted format: what it writes, that it reads it back, and that it sizes its cookies exactly. */
class JweSessionCodecTest {

    private final JweSessionCodec codec = JweFixtures.codec();

    @Test
    void everyAttributeType_roundTripsKeepingItsJavaType() {
        SessionData session = WireFormatGoldenTest.everyType();

        DecodeResult result = codec.decode(codec.encode(session));

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo("k1");
            assertThat(valid.needsResign()).isFalse();
            assertThat(valid.session().id()).isEqualTo(session.id());
            assertThat(valid.session().attributes()).isEqualTo(session.attributes());
            assertThat(new ArrayList<>(valid.session().attributes().keySet()))
                    .containsExactlyElementsOf(session.attributes().keySet());
            session.attributes().forEach((name, value) -> WireFormatGoldenTest.assertSameTypes(name, value,
                    valid.session().attributes().get(name)));
        });
    }

    @Test
    void encode_writesTheExactHeaderAndTheSegmentLengthsOfA256KWAndA256GCM() throws GeneralSecurityException {
        String cookie = codec.encode(session().build());
        String[] s = cookie.split("\\.", -1);

        assertThat(s).hasSize(5);
        assertThat(Fixtures.fromB64(s[0]))
                .isEqualTo("{\"alg\":\"A256KW\",\"enc\":\"A256GCM\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwe\"}");
        assertThat(JweFixtures.segment(cookie, 1)).hasSize(40);
        assertThat(JweFixtures.segment(cookie, 2)).hasSize(12);
        assertThat(JweFixtures.segment(cookie, 4)).hasSize(16);
        // The plaintext is exactly the claims the signed format signs: the same SessionClaims.
        String claims = Jwe.open(cookie, JweFixtures.kek(K1));
        String signedPayload = Fixtures.fromB64(Fixtures.codec().encode(session().build()).split("\\.")[1]);
        assertThat(claims).isEqualTo(signedPayload);
        assertThat(MiniJson.parseObject(claims)).containsEntry("aud", Fixtures.AUDIENCE);
    }

    @Test
    void encode_neverRepeatsAContentKeyOrAnIv() {
        List<String> wrapped = new ArrayList<>();
        List<String> ivs = new ArrayList<>();
        SessionData same = session().build();
        for (int i = 0; i < 200; i++) {
            String cookie = codec.encode(same);
            wrapped.add(cookie.split("\\.")[1]);
            ivs.add(cookie.split("\\.")[2]);
        }
        assertThat(wrapped).doesNotHaveDuplicates();
        assertThat(ivs).doesNotHaveDuplicates();
    }

    @Test
    void rotation_anotherListedKeyOpensAndAsksForReissue() {
        String byK2 = JweFixtures.codec(KeyRing.of(K2)).encode(session().build());

        DecodeResult result = codec.decode(byK2);

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo("k2");
            assertThat(valid.needsResign()).isTrue();
        });
        assertThat(JweFixtures.codec(KeyRing.of(K512)).decode(codec.encode(session().build())))
                .isInstanceOf(DecodeResult.Rejected.class);
    }

    @Test
    void measure_equalsTheEncodedLengthThroughRandomSetsAndRemovals() {
        Random random = new Random(17);
        // Room for any random session, so that every step can be encoded and compared.
        CodecOptions wide = Fixtures.options().maxSize(1_000_000).build();
        for (JweSessionCodec c : List.of(new JweSessionCodec(KeyRing.of(K1, K2), wide),
                new JweSessionCodec(KeyRing.of(K512, K1), wide))) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            SessionData data = withAttributes(attributes);
            SessionSize size = c.measure(data);
            SessionSize bound = c.bound(data.id(), data.attributes());
            for (int step = 0; step < 400; step++) {
                String name = SessionSizeTest.randomText(random) + step % 10;
                Object value = step % 4 == 0 ? SessionSizeTest.extremeValue(random)
                        : SessionSizeTest.randomValue(random);
                size = size.with(name, value);
                bound = bound.with(name, value);
                if (value == null) {
                    attributes.remove(name);
                } else {
                    attributes.put(name, value);
                }
                int encoded = c.encode(withAttributes(attributes)).length();
                assertThat(size.length()).as("step %d", step).isEqualTo(encoded);
                assertThat(c.measure(withAttributes(attributes)).length()).isEqualTo(encoded);
                assertThat(bound.length()).as("step %d", step).isGreaterThanOrEqualTo(encoded);
                assertThat(c.bound(data.id(), attributes).length()).isGreaterThanOrEqualTo(encoded);
            }
        }
    }

    @Test
    void length_isTheHeaderPlusTheFixedPartsPlusTheClaims() {
        for (int n = 0; n < 40; n++) {
            SessionData data = session().attribute("pad", "x".repeat(n)).build();
            int claims = Fixtures.fromB64(Fixtures.codec().encode(data).split("\\.")[1])
                    .getBytes(StandardCharsets.UTF_8).length;
            String cookie = codec.encode(data);

            assertThat(cookie.length()).isEqualTo(cookie.indexOf('.') + 54 + 16 + (claims * 4 + 2) / 3 + 22 + 4);
        }
        // Over the signed format (HS256, key id k1): a longer header (+23), wrapped key (54), IV (16), tag (22 for
        // the MAC's 43) and two more dots: 74 characters more for the same session.
        SessionData data = session().build();
        assertThat(codec.encode(data).length() - Fixtures.codec().encode(data).length()).isEqualTo(74);
    }

    @Test
    void tooLarge_isRefusedBeforeEncryptingWithTheMeasuredSize() {
        JweSessionCodec small = new JweSessionCodec(KeyRing.of(K1), Fixtures.options().maxSize(400).build());
        SessionData big = session().attribute("filler", "x".repeat(300)).build();
        long measured = small.measure(big).length();

        assertThat(measured).isGreaterThan(400);
        assertThatThrownBy(() -> small.encode(big)).isInstanceOf(SessionTooLargeException.class)
                .satisfies(e -> assertThat((long) ((SessionTooLargeException) e).size()).isEqualTo(measured))
                .satisfies(e -> assertThat(((SessionTooLargeException) e).limit()).isEqualTo(400));
        assertThatThrownBy(() -> small.measure(big).checkLimit()).isInstanceOf(SessionTooLargeException.class);
        assertThat(SessionSizing.of(small)).isSameAs(small);
    }

    @Test
    void text_neverShowsSecretsOrDerivedKeys() {
        List<String> texts = List.of(codec.toString(), KeyWrap.of(K1, "/shop").toString(),
                MigratingCodec.of(KeyRing.of(K1, K2), Fixtures.options().format("jwe").build()).toString());
        List<String> keys = new ArrayList<>(List.of(SECRET_1, SECRET_2));
        keys.add(HexFormat.of().formatHex(JweFixtures.kek(K1)));
        keys.add(Fixtures.b64(JweFixtures.kek(K1)));

        for (String text : texts) {
            for (String key : keys) {
                assertThat(text).doesNotContain(key.substring(0, 16));
            }
        }
        assertThat(texts.get(0)).contains("k1", "k2", "/shop");
    }

    private static SessionData withAttributes(Map<String, Object> attributes) {
        return session().maxInactiveInterval(Duration.ofMinutes(30)).attributes(attributes).build();
    }
}
