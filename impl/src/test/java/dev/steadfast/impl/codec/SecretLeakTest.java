package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.K2;
import static dev.steadfast.impl.codec.Fixtures.K512;
import static dev.steadfast.impl.codec.Fixtures.SECRET_1;
import static dev.steadfast.impl.codec.Fixtures.SECRET_2;
import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.forge;
import static dev.steadfast.impl.codec.Fixtures.header;
import static dev.steadfast.impl.codec.Fixtures.payload;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.Rejection;
import dev.steadfast.keys.KeyRing;

/** No text the codec produces carries key material or attribute values. */
class SecretLeakTest {

    @Test
    void codecTextNeverContainsSecrets() {
        List<String> texts = new ArrayList<>();
        JwsSessionCodec codec = codec();
        texts.add(codec.toString());
        for (var key : List.of(K1, K2, K512)) {
            texts.add(KeyMac.of(key).toString());
        }
        texts.add(message(() -> codec.encode(session().attribute("d", new Date()).build())));
        texts.add(message(() -> codec.encode(session().attribute("d", Double.NaN).build())));
        JwsSessionCodec small = Fixtures.codec(KeyRing.of(K1), Fixtures.options().maxSize(256).build());
        texts.add(message(() -> small.encode(session().attribute("blob", SECRET_1 + SECRET_1).build())));
        for (Rejection reason : Rejection.values()) {
            texts.add(RejectedException.of(reason).getMessage());
            texts.add(RejectedException.of(reason).result().toString());
        }
        texts.add(codec.decode(forge(header("HS256", "k1"), payload("{\"secret\":\"" + SECRET_2 + "\"}"), K1))
                .toString());
        texts.add(new StrictJson.NumberToken("123456").toString());

        for (String secret : List.of(SECRET_1, SECRET_2)) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            for (String text : texts) {
                assertThat(text).doesNotContain(secret).doesNotContain(secret.substring(0, 16))
                        .doesNotContain(HexFormat.of().formatHex(bytes).substring(0, 16))
                        .doesNotContain(Fixtures.b64(bytes).substring(0, 16))
                        .doesNotContain("123456");
            }
        }
        assertThat(CodecOptions.builder("/x").build().toString()).doesNotContain(SECRET_1);
    }

    private static String message(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e.toString();
        }
        throw new AssertionError("expected an exception");
    }
}
