package dev.steadfast.impl.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.steadfast.keys.SigningKey;

/**
 * The encrypted format's fuzz target ({@link EncryptedCookieFuzzTest}): its codec, the cookies it may accept, how it
 * seals fuzzed headers and claims, and its seed corpus. Sealing here is deterministic (content key and IV from a
 * label), so the committed seeds are exactly what this class generates and a crash reproduces; the codec under test
 * draws its own at random when it encodes.
 *
 * <p>An input is a mode byte, then its data: {@code '0'} a whole cookie value (ISO-8859-1); {@code '1'} a protected
 * header, sealed over valid claims under k1; {@code '2'} claims, sealed under k1's header; {@code '3'} a segment
 * number and bytes that replace that segment of a valid cookie. {@code main} rewrites the seed files, as
 * {@link FuzzSeeds#main} does; {@link JweFuzzSeedsTest} checks the committed files.
 */
final class JweFuzzSeeds {

    static final byte MODE_COOKIE = '0';
    static final byte MODE_HEADER = '1';
    static final byte MODE_CLAIMS = '2';
    static final byte MODE_SEGMENT = '3';

    static final String HEADER_K1 = JweFixtures.header("k1");
    static final String CLAIMS = FuzzSeeds.payloadOf(FuzzSeeds.VALID_K1);

    static final String VALID_K1 = seal(HEADER_K1.getBytes(StandardCharsets.UTF_8),
            CLAIMS.getBytes(StandardCharsets.UTF_8), Fixtures.K1, "k1");
    static final String VALID_K2 = seal(JweFixtures.header("k2").getBytes(StandardCharsets.UTF_8),
            FuzzSeeds.payloadOf(FuzzSeeds.VALID_K2).getBytes(StandardCharsets.UTF_8), Fixtures.K2, "k2");
    static final String VALID_K512 = seal(JweFixtures.header("k512").getBytes(StandardCharsets.UTF_8),
            FuzzSeeds.payloadOf(FuzzSeeds.VALID_K512).getBytes(StandardCharsets.UTF_8), Fixtures.K512, "k512");
    /** Every value the fuzzed codec may accept in mode 0. */
    static final Set<String> MINTED = Set.of(VALID_K1, VALID_K2, VALID_K512);

    private JweFuzzSeeds() {
    }

    static JweSessionCodec codec() {
        return new JweSessionCodec(FuzzSeeds.RING, Fixtures.options().build());
    }

    /**
     * Seals as A256KW with A256GCM under a key's derived key, with a content key and IV that depend on the label
     * only.
     */
    static String seal(byte[] header, byte[] plaintext, SigningKey key, String label) {
        byte[] contentKey = digest("content key " + label);
        byte[] iv = Arrays.copyOf(digest("iv " + label), 12);
        String encodedHeader = Fixtures.b64(header);
        try {
            Cipher wrap = Cipher.getInstance("AESWrap");
            wrap.init(Cipher.WRAP_MODE, new SecretKeySpec(JweFixtures.kek(key), "AES"));
            byte[] wrapped = wrap.wrap(new SecretKeySpec(contentKey, "AES"));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(encodedHeader.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = gcm.doFinal(plaintext);
            return encodedHeader + "." + Fixtures.b64(wrapped) + "." + Fixtures.b64(iv) + "."
                    + Fixtures.b64(Arrays.copyOf(sealed, plaintext.length)) + "."
                    + Fixtures.b64(Arrays.copyOfRange(sealed, plaintext.length, sealed.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the corpus

    /** Seeds named {@code <expected outcome>-<what>}: VALID or a Rejection name. */
    static Map<String, byte[]> seeds() {
        long now = Fixtures.NOW.getEpochSecond();
        String aud = Fixtures.AUDIENCE;
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("VALID-k1", input(MODE_COOKIE, VALID_K1));
        seeds.put("VALID-k2-resign", input(MODE_COOKIE, VALID_K2));
        seeds.put("VALID-k512-types", input(MODE_COOKIE, VALID_K512));
        seeds.put("OVERSIZED-4000", input(MODE_COOKIE, "A".repeat(4000)));
        seeds.put("MALFORMED-four-segments", input(MODE_COOKIE, VALID_K1.substring(0, VALID_K1.lastIndexOf('.'))));
        seeds.put("MALFORMED-padding", input(MODE_COOKIE, VALID_K1 + "="));
        seeds.put("BAD_SIGNATURE-tag", input(MODE_COOKIE, JweFixtures.flipped(VALID_K1, 4, 0, 0)));
        seeds.put("BAD_SIGNATURE-iv-of-another", input(MODE_COOKIE, swap(VALID_K1, VALID_K2, 2)));
        seeds.put("UNKNOWN_KEY-k9", input(MODE_HEADER, JweFixtures.header("k9")));
        seeds.put("VALID-header", input(MODE_HEADER, HEADER_K1));
        seeds.put("VALID-header-spaced", input(MODE_HEADER, HEADER_K1.replace(",", " , ")));
        seeds.put("VALID-header-reordered", input(MODE_HEADER,
                "{\"typ\":\"steadfast-session+jwe\",\"kid\":\"k1\",\"enc\":\"A256GCM\",\"alg\":\"A256KW\"}"));
        seeds.put("BAD_HEADER-no-enc", input(MODE_HEADER,
                "{\"alg\":\"A256KW\",\"kid\":\"k1\",\"typ\":\"steadfast-session+jwe\"}"));
        seeds.put("BAD_HEADER-duplicate", input(MODE_HEADER, HEADER_K1.replace("{", "{\"kid\":\"k1\",")));
        seeds.put("FORBIDDEN_HEADER-zip", input(MODE_HEADER, HEADER_K1.replace("}", ",\"zip\":\"DEF\"}")));
        seeds.put("FORBIDDEN_HEADER-epk", input(MODE_HEADER, HEADER_K1.replace("}", ",\"epk\":{\"kty\":\"EC\"}}")));
        seeds.put("WRONG_TYPE-jwt", input(MODE_HEADER, HEADER_K1.replace("steadfast-session+jwe", "JWT")));
        seeds.put("ALGORITHM_MISMATCH-dir", input(MODE_HEADER, HEADER_K1.replace("A256KW", "dir")));
        seeds.put("ALGORITHM_MISMATCH-enc", input(MODE_HEADER, HEADER_K1.replace("A256GCM", "A128GCM")));
        seeds.put("RETIRED_KEY-old", input(MODE_HEADER, JweFixtures.header("old")));
        seeds.put("VALID-claims", input(MODE_CLAIMS, CLAIMS));
        seeds.put("VALID-claims-nested", input(MODE_CLAIMS, FuzzSeeds.payloads().get("VALID-nested")));
        seeds.put("BAD_CLAIMS-duplicate", input(MODE_CLAIMS, FuzzSeeds.payloads().get("BAD_CLAIMS-duplicate")));
        seeds.put("BAD_CLAIMS-deep", input(MODE_CLAIMS, FuzzSeeds.payloads().get("BAD_CLAIMS-deep")));
        seeds.put("WRONG_AUDIENCE-other", input(MODE_CLAIMS, FuzzSeeds.payload("/other", now - 60, now + 1740,
                now - 600, 1800, "{}")));
        seeds.put("NOT_YET_VALID-future", input(MODE_CLAIMS, FuzzSeeds.payloads().get("NOT_YET_VALID-future")));
        seeds.put("EXPIRED-idle", input(MODE_CLAIMS, FuzzSeeds.payloads().get("EXPIRED-idle")));
        seeds.put("ABSOLUTE_TIMEOUT-13h", input(MODE_CLAIMS, FuzzSeeds.payload(aud, now - 60, now + 1740,
                now - 13 * 3600, 1800, "{}")));
        seeds.put("BAD_SIGNATURE-segment-iv", segment(2, new byte[12]));
        seeds.put("BAD_SIGNATURE-segment-short-tag", segment(4, Arrays.copyOf(JweFixtures.segment(VALID_K1, 4), 12)));
        seeds.put("BAD_SIGNATURE-segment-k2-key", segment(1, JweFixtures.segment(VALID_K2, 1)));
        seeds.put("UNKNOWN_KEY-segment-header", segment(0, JweFixtures.header("k9").getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    private static byte[] input(byte mode, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bytes.length + 1];
        input[0] = mode;
        System.arraycopy(bytes, 0, input, 1, bytes.length);
        return input;
    }

    /** @return the segment a mode-3 input replaces: its digit {@code '0'} to {@code '4'}, any other byte modulo 5 */
    static int segmentIndex(byte b) {
        return Math.floorMod((b & 0xFF) - '0', 5);
    }

    private static byte[] segment(int index, byte[] replacement) {
        byte[] input = new byte[replacement.length + 2];
        input[0] = MODE_SEGMENT;
        input[1] = (byte) ('0' + index);
        System.arraycopy(replacement, 0, input, 2, replacement.length);
        return input;
    }

    private static String swap(String into, String from, int segment) {
        String[] a = into.split("\\.", -1);
        a[segment] = from.split("\\.", -1)[segment];
        return String.join(".", a);
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        Path dir = FuzzSeeds.inputs(resources, EncryptedCookieFuzzTest.class, "encryptedCookie");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : seeds().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
