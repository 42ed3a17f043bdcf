package dev.steadfast.impl.codec;

import static dev.steadfast.impl.codec.Fixtures.K1;
import static dev.steadfast.impl.codec.Fixtures.NOW;
import static dev.steadfast.impl.codec.Fixtures.SECRET_1;
import static dev.steadfast.impl.codec.Fixtures.codec;
import static dev.steadfast.impl.codec.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.SessionData;

/** Our cookies are ordinary JWS to a mainstream library, and its tokens in our shape are ours. */
class NimbusInteropTest {

    private static final byte[] SECRET = SECRET_1.getBytes(StandardCharsets.UTF_8);

    @Test
    void encode_verifiesWithNimbus() throws Exception {
        SessionData session = session().attribute("cart", List.of(1L, 2.5)).build();
        SignedJWT jwt = SignedJWT.parse(codec().encode(session));

        assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("steadfast-session+jwt"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("/shop");
        assertThat(claims.getStringClaim("sid")).isEqualTo("sid-0123456789");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW.minusSeconds(60)));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.minusSeconds(60).plusSeconds(1800)));
        assertThat(claims.getLongClaim("crt")).isEqualTo(NOW.minusSeconds(600).getEpochSecond());
        assertThat(claims.getIntegerClaim("mii")).isEqualTo(1800);
        assertThat(claims.getJSONObjectClaim("att")).containsEntry("user", "alice");
    }

    @Test
    void decode_acceptsTokenSignedByNimbus() throws Exception {
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("user", "bob");
        att.put("n", 3);
        att.put("big", Map.of("$long", "9000000000"));
        att.put("tags", List.of("a", "b"));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience("/shop")
                .claim("sid", "nimbus-sid")
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(600)))
                .claim("crt", NOW.minusSeconds(100).getEpochSecond())
                .claim("mii", 900)
                .claim("att", att)
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1")
                .type(new JOSEObjectType("steadfast-session+jwt")).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(SECRET));

        DecodeResult result = codec().decode(jwt.serialize());

        assertThat(result).isInstanceOfSatisfying(DecodeResult.Valid.class, valid -> {
            assertThat(valid.keyId()).isEqualTo(K1.id());
            SessionData s = valid.session();
            assertThat(s.id()).isEqualTo("nimbus-sid");
            assertThat(s.lastAccessedTime()).isEqualTo(NOW.minusSeconds(10));
            assertThat(s.creationTime()).isEqualTo(NOW.minusSeconds(100));
            assertThat(s.maxInactiveInterval()).isEqualTo(Duration.ofSeconds(900));
            assertThat(s.attributes()).containsEntry("user", "bob").containsEntry("n", 3)
                    .containsEntry("big", 9_000_000_000L).containsEntry("tags", List.of("a", "b"));
        });
    }
}
