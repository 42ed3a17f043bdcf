package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.NOW;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionData;
import dev.steadfast.keys.SecretBytes;

/**
 * Our encrypted cookies are ordinary JWE to a mainstream JOSE library given the documented derived key
 * ({@link KeyDerivation}, docs/spec.md ENC-4), and its JWE in our shape are ours.
 */
class NimbusJweInteropTest {

    /** The documented derivation, for k1's secret and the fixtures' audience. */
    private static final SecretKeySpec KEK = new SecretKeySpec(
            KeyDerivation.jweKeyEncryptionKey(SecretBytes.fromUtf8(Fixtures.SECRET_1), Fixtures.AUDIENCE), "AES");

    private final JweSessionCodec codec = JweFixtures.codec();

    private static JWTClaimsSet claims(String sid) {
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("user", "bob");
        att.put("n", 3);
        att.put("big", Map.of("$long", "9000000000"));
        att.put("tags", List.of("a", "b"));
        return new JWTClaimsSet.Builder()
                .audience("/shop")
                .claim("sid", sid)
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(600)))
                .claim("crt", NOW.minusSeconds(100).getEpochSecond())
                .claim("mii", 900)
                .claim("att", att)
                .build();
    }

    private static JWEHeader.Builder ourHeader(JWEAlgorithm alg, EncryptionMethod enc) {
        return new JWEHeader.Builder(alg, enc).keyID("k1").type(new JOSEObjectType("steadfast-session+jwe"));
    }

    @Test
    void encode_decryptsWithNimbusUnderTheDerivedKey() throws Exception {
        SessionData session = session().attribute("cart", List.of(1L, 2.5)).build();
        EncryptedJWT jwt = EncryptedJWT.parse(codec.encode(session));

        jwt.decrypt(new AESDecrypter(KEK));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.A256KW);
        assertThat(jwt.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("steadfast-session+jwe"));
        assertThat(jwt.getHeader().getCompressionAlgorithm()).isNull();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("/shop");
        assertThat(claims.getStringClaim("sid")).isEqualTo("sid-0123456789");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW.minusSeconds(60)));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.minusSeconds(60).plusSeconds(1800)));
        assertThat(claims.getIntegerClaim("mii")).isEqualTo(1800);
        assertThat(claims.getJSONObjectClaim("att")).containsEntry("user", "alice");
    }

    @Test
    void encode_doesNotDecryptWithTheRawSecretOrAnotherAudiencesKey() throws Exception {
        String cookie = codec.encode(session().build());
        SecretKeySpec otherAudience = new SecretKeySpec(
                KeyDerivation.jweKeyEncryptionKey(SecretBytes.fromUtf8(Fixtures.SECRET_1), "/other"), "AES");
        SecretKeySpec rawFirst32 = new SecretKeySpec(
                Fixtures.SECRET_1.substring(0, 32).getBytes(StandardCharsets.US_ASCII), "AES");

        for (SecretKeySpec wrong : List.of(otherAudience, rawFirst32)) {
            JWEObject jwe = JWEObject.parse(cookie);
            assertThatThrownBy(() -> jwe.decrypt(new AESDecrypter(wrong))).isInstanceOf(JOSEException.class);
        }
    }

    @Test
    void decode_acceptsAJweEncryptedByNimbus() throws Exception {
        EncryptedJWT jwt = new EncryptedJWT(ourHeader(JWEAlgorithm.A256KW, EncryptionMethod.A256GCM).build(),
                claims("nimbus-sid"));
        jwt.encrypt(new AESEncrypter(KEK));

        DecodeResult result = codec.decode(jwt.serialize());

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo(K1.id());
            assertThat(valid.needsResign()).isFalse();
            SessionData s = valid.session();
            assertThat(s.id()).isEqualTo("nimbus-sid");
            assertThat(s.lastAccessedTime()).isEqualTo(NOW.minusSeconds(10));
            assertThat(s.creationTime()).isEqualTo(NOW.minusSeconds(100));
            assertThat(s.maxInactiveInterval()).isEqualTo(Duration.ofSeconds(900));
            assertThat(s.attributes()).containsEntry("user", "bob").containsEntry("n", 3)
                    .containsEntry("big", 9_000_000_000L).containsEntry("tags", List.of("a", "b"));
        });
    }

    @Test
    void decode_refusesNimbusJweInOtherAlgorithmsUnderTheSameKey() throws Exception {
        EncryptedJWT direct = new EncryptedJWT(ourHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).build(),
                claims("dir"));
        direct.encrypt(new DirectEncrypter(KEK));
        EncryptedJWT a128 = new EncryptedJWT(ourHeader(JWEAlgorithm.A256KW, EncryptionMethod.A128GCM).build(),
                claims("a128"));
        a128.encrypt(new AESEncrypter(KEK));
        EncryptedJWT zipped = new EncryptedJWT(ourHeader(JWEAlgorithm.A256KW, EncryptionMethod.A256GCM)
                .compressionAlgorithm(CompressionAlgorithm.DEF).build(), claims("zip"));
        zipped.encrypt(new AESEncrypter(KEK));

        assertThat(codec.decode(direct.serialize())).isEqualTo(new DecodeResult.Rejected(Rejection.ALGORITHM_MISMATCH));
        assertThat(codec.decode(a128.serialize())).isEqualTo(new DecodeResult.Rejected(Rejection.ALGORITHM_MISMATCH));
        assertThat(codec.decode(zipped.serialize())).isEqualTo(new DecodeResult.Rejected(Rejection.FORBIDDEN_HEADER));
    }
}
