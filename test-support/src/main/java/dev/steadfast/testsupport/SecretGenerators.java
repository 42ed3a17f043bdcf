package dev.steadfast.testsupport;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The key generators real teams use, each reproducing its tool's output format exactly (alphabet, length, padding,
 * line wrapping) over {@link SecureRandom}: the format is what a secret policy judges, and the randomness of every
 * one of these tools is a CSPRNG. Every value returned is registered with {@link Secrets}, so a test that lets one
 * reach a log fails.
 *
 * <p>Formats, as the tools print them:
 * <ul>
 *   <li>{@code openssl rand -hex N}: 2N lower-case hex digits;</li>
 *   <li>{@code openssl rand -base64 N}: padded base64 wrapped at 64 columns, the final newline dropped as
 *       {@code $(...)} drops it (the inner one stays);</li>
 *   <li>Python {@code secrets.token_urlsafe(N)}: base64url without padding; {@code token_hex(N)}: lower-case hex;</li>
 *   <li>Node {@code crypto.randomBytes(N).toString('hex' | 'base64')}: lower-case hex, padded base64 on one line;</li>
 *   <li>printable ASCII of a length (password-manager style): uniform over the 94 visible characters;</li>
 *   <li>Django {@code get_random_secret_key()}: 50 characters of
 *       {@code abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)};</li>
 *   <li>three UUID4s joined without a separator, each in its canonical 36-character form;</li>
 *   <li>Rails {@code secret_key_base} ({@code SecureRandom.hex(64)}): 128 lower-case hex digits;</li>
 *   <li>Steadfast's keygen: base64url without padding of as many bytes as the MAC.</li>
 * </ul>
 */
public final class SecretGenerators {

    /** One named generator. */
    public record Generator(String name, Function<SecureRandom, String> format) {
        /** @return a fresh value, registered as a test secret */
        public String next(SecureRandom random) {
            String value = format.apply(random);
            return value.length() >= Secrets.MIN_LENGTH ? Secrets.register(value) : value;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PRINTABLE = printableAscii();
    private static final String DJANGO = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";

    private SecretGenerators() {
    }

    /** @return every generator the secret policy must accept for HS256, longest-established first */
    public static List<Generator> forHs256() {
        return List.of(
                new Generator("steadfast keygen HS256", r -> base64url(bytes(r, 32))),
                new Generator("steadfast keygen HS512", r -> base64url(bytes(r, 64))),
                new Generator("openssl rand -hex 32", r -> hex(bytes(r, 32))),
                new Generator("openssl rand -hex 64", r -> hex(bytes(r, 64))),
                new Generator("openssl rand -base64 32", r -> opensslBase64(bytes(r, 32))),
                new Generator("openssl rand -base64 48", r -> opensslBase64(bytes(r, 48))),
                new Generator("openssl rand -base64 64", r -> opensslBase64(bytes(r, 64))),
                new Generator("secrets.token_urlsafe(32)", r -> base64url(bytes(r, 32))),
                new Generator("secrets.token_hex(32)", r -> hex(bytes(r, 32))),
                new Generator("crypto.randomBytes(32) hex", r -> hex(bytes(r, 32))),
                new Generator("crypto.randomBytes(64) hex", r -> hex(bytes(r, 64))),
                new Generator("crypto.randomBytes(32) base64", r -> Base64.getEncoder().encodeToString(bytes(r, 32))),
                new Generator("crypto.randomBytes(64) base64", r -> Base64.getEncoder().encodeToString(bytes(r, 64))),
                new Generator("40 random printable ASCII", r -> pick(r, PRINTABLE, 40)),
                new Generator("50 random printable ASCII", r -> pick(r, PRINTABLE, 50)),
                new Generator("64 random printable ASCII", r -> pick(r, PRINTABLE, 64)),
                new Generator("Django get_random_secret_key()", r -> pick(r, DJANGO, 50)),
                new Generator("three UUID4s joined", r -> uuid(r) + uuid(r) + uuid(r)),
                new Generator("Rails secret_key_base", r -> hex(bytes(r, 64))));
    }

    /** @return the generators whose output also carries 512 bits, so the policy must accept them for HS512 */
    public static List<Generator> forHs512() {
        List<String> names = List.of("steadfast keygen HS512", "openssl rand -hex 64", "openssl rand -base64 64",
                "crypto.randomBytes(64) hex", "crypto.randomBytes(64) base64", "Rails secret_key_base");
        return forHs256().stream().filter(g -> names.contains(g.name())).toList();
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String opensslBase64(byte[] bytes) {
        String encoded = Base64.getEncoder().encodeToString(bytes);
        StringBuilder wrapped = new StringBuilder(encoded.length() + 2);
        for (int i = 0; i < encoded.length(); i += 64) {
            if (i > 0) {
                wrapped.append('\n');
            }
            wrapped.append(encoded, i, Math.min(encoded.length(), i + 64));
        }
        return wrapped.toString();
    }

    private static String pick(SecureRandom random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A version-4 UUID from the given random source (UUID.randomUUID() would use its own). */
    private static String uuid(SecureRandom random) {
        byte[] b = bytes(random, 16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }

    private static String printableAscii() {
        StringBuilder visible = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            visible.append(c);
        }
        return visible.toString();
    }
}
