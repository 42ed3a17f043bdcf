package dev.steadfast.impl.tck;

import dev.steadfast.codec.CodecOptions;
import dev.steadfast.codec.DecodeResult;
import dev.steadfast.codec.Rejection;
import dev.steadfast.codec.SessionCodec;
import dev.steadfast.codec.SessionData;
import dev.steadfast.impl.DefaultSteadfastProvider;
import dev.steadfast.impl.codec.JwsSessionCodec;
import dev.steadfast.keys.Algorithm;
import dev.steadfast.keys.KeyRing;
import dev.steadfast.keys.SecretBytes;
import dev.steadfast.keys.SigningKey;
import dev.steadfast.policy.Finding;
import dev.steadfast.policy.Rule;
import dev.steadfast.policy.SecretCandidate;
import dev.steadfast.policy.SecretPolicy;
import dev.steadfast.spi.SteadfastProvider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.Config;

/**
 * Deliberately broken providers, each with one mistake real implementations have shipped, to prove that the SPI-level
 * kit catches it ({@link KitCatchesBrokenProvidersTest}). Everything but the codec is the real provider's, so the
 * kit's failures can only come from the mistake. Never register these in META-INF/services.
 */
final class BrokenProviders {

    private BrokenProviders() {
    }

    /** Delegates everything to the real provider; subclasses break the codec. */
    abstract static class Delegating implements SteadfastProvider {
        final SteadfastProvider real = new DefaultSteadfastProvider();

        @Override
        public SecretPolicy secretPolicy() {
            return real.secretPolicy();
        }

        @Override
        public List<Finding> validate(Config config) {
            return real.validate(config);
        }

        @Override
        public KeyRing keyRing(Config config) {
            return real.keyRing(config);
        }
    }

    /** Accepts any MAC: when verification fails it re-signs the input itself and decodes that. */
    public static final class AcceptsAnyMac extends Delegating {
        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            SessionCodec codec = new JwsSessionCodec(keys, options);
            return new SessionCodec() {
                @Override
                public String encode(SessionData session) {
                    return codec.encode(session);
                }

                @Override
                public DecodeResult decode(String cookieValue) {
                    DecodeResult result = codec.decode(cookieValue);
                    if (result instanceof DecodeResult.Rejected r && r.reason() == Rejection.BAD_SIGNATURE) {
                        return resigned(cookieValue, keys, null).map(codec::decode).orElse(result);
                    }
                    return result;
                }
            };
        }
    }

    /**
     * Signs with a random key per codec instance, as an implementation that generates its key at startup would: each
     * deployment (each codec) rejects the cookies of every other.
     */
    public static final class RandomKeyPerCodec extends Delegating {
        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            List<SigningKey> random = keys.keys().stream().map(k -> {
                byte[] b = new byte[32];
                RANDOM.nextBytes(b);
                return SigningKey.of(k.id(), k.algorithm(), SecretBytes.copyOf(b), k.createdAt().orElse(null),
                        k.retireAt().orElse(null));
            }).toList();
            return new JwsSessionCodec(KeyRing.of(random), options);
        }
    }

    /** Takes the algorithm from the header: verifies with whatever HMAC {@code alg} names, and {@code none} not at all. */
    public static final class AlgorithmFromHeader extends Delegating {
        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            SessionCodec codec = new JwsSessionCodec(keys, options);
            return new SessionCodec() {
                @Override
                public String encode(SessionData session) {
                    return codec.encode(session);
                }

                @Override
                public DecodeResult decode(String cookieValue) {
                    DecodeResult result = codec.decode(cookieValue);
                    if (!(result instanceof DecodeResult.Rejected r) || r.reason() != Rejection.ALGORITHM_MISMATCH) {
                        return result;
                    }
                    Optional<String> alg = header(cookieValue, "alg");
                    Optional<String> kid = header(cookieValue, "kid");
                    Optional<SigningKey> key = kid.flatMap(keys::find);
                    if (alg.isEmpty() || key.isEmpty()) {
                        return result;
                    }
                    if (alg.get().equalsIgnoreCase("none")) {
                        return resigned(cookieValue, keys, Algorithm.HS256.name()).map(codec::decode).orElse(result);
                    }
                    try {
                        Algorithm named = Algorithm.parse(alg.get());
                        SigningKey asNamed = SigningKey.of(key.get().id(), named, key.get().secret());
                        // The header is rewritten to the canonical name so the pinned-algorithm check passes.
                        String[] s = cookieValue.split("\\.", -1);
                        String header = new String(Base64.getUrlDecoder().decode(s[0]), StandardCharsets.UTF_8)
                                .replace("\"" + alg.get() + "\"", "\"" + named.name() + "\"");
                        String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + s[1];
                        byte[] mac = Base64.getUrlDecoder().decode(s[2]);
                        if (!java.security.MessageDigest.isEqual(mac, hmac(asNamed, s[0] + "." + s[1]))) {
                            return result;
                        }
                        String rewritten = input + "." + b64(hmac(asNamed, input));
                        return new JwsSessionCodec(KeyRing.of(asNamed), options).decode(rewritten);
                    } catch (IllegalArgumentException e) {
                        return result;
                    }
                }
            };
        }
    }

    private static final Pattern MEMBER = Pattern.compile("\"(alg|kid)\"\\s*:\\s*\"([^\"]*)\"");

    static Optional<String> header(String token, String member) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                    StandardCharsets.UTF_8);
            Matcher m = MEMBER.matcher(header);
            while (m.find()) {
                if (m.group(1).equals(member)) {
                    return Optional.of(m.group(2));
                }
            }
        } catch (RuntimeException e) {
            // not a token: nothing to read
        }
        return Optional.empty();
    }

    /** The token re-signed with the key its kid names (and, if given, its alg header replaced). */
    static Optional<String> resigned(String token, KeyRing keys, String newAlg) {
        Optional<SigningKey> key = header(token, "kid").flatMap(keys::find);
        String[] s = token.split("\\.", -1);
        if (key.isEmpty() || s.length != 3) {
            return Optional.empty();
        }
        String head = s[0];
        if (newAlg != null) {
            String json = new String(Base64.getUrlDecoder().decode(s[0]), StandardCharsets.UTF_8)
                    .replaceFirst("\"alg\"\\s*:\\s*\"[^\"]*\"", "\"alg\":\"" + newAlg + "\"");
            head = b64(json.getBytes(StandardCharsets.UTF_8));
        }
        String input = head + "." + s[1];
        return Optional.of(input + "." + b64(hmac(key.get(), input)));
    }

    static byte[] hmac(SigningKey key, String input) {
        try {
            Mac mac = Mac.getInstance(key.algorithm().jcaName());
            mac.init(new SecretKeySpec(key.secret().toByteArray(), key.algorithm().jcaName()));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The real codec with a policy of its own: the base of the providers whose mistake is in judging secrets. */
    abstract static class BrokenPolicy extends Delegating {
        @Override
        public SessionCodec sessionCodec(KeyRing keys, CodecOptions options) {
            return real.sessionCodec(keys, options);
        }

        @Override
        public SecretPolicy secretPolicy() {
            SecretPolicy policy = real.secretPolicy();
            return (candidates, context) -> {
                List<Finding> findings = new ArrayList<>();
                for (SecretCandidate candidate : candidates) {
                    String value = candidate.value().map(v -> new String(v.toByteArray(), StandardCharsets.UTF_8))
                            .orElse(null);
                    for (Finding finding : policy.evaluate(List.of(candidate), context)) {
                        if (!(value != null && finding.rule() == Rule.TOO_WEAK && strongEnough(value, candidate))) {
                            findings.add(finding);
                        }
                    }
                    if (value != null && findings.stream().noneMatch(f -> f.property().equals(candidate.property()))
                            && refuses(value)) {
                        findings.add(new Finding(Rule.TOO_WEAK, candidate.property(), candidate.source(),
                                "is too weak", "use a random value"));
                    }
                }
                return findings;
            };
        }

        /** @return whether this provider's mistake lets a value the real policy calls too weak pass */
        boolean strongEnough(String value, SecretCandidate candidate) {
            return false;
        }

        /** @return whether this provider's mistake refuses a value the real policy accepts */
        boolean refuses(String value) {
            return false;
        }
    }

    /**
     * Counts characters, not guesses: length times log2 of the smallest alphabet that holds the value (hex 16,
     * base64 64, anything else 16), as Steadfast did before the guess-based estimate. Digests of words, sentences and
     * the encodings of text are all long enough.
     */
    public static final class CountsCharacters extends BrokenPolicy {
        @Override
        boolean strongEnough(String value, SecretCandidate candidate) {
            int alphabet = value.matches("[0-9a-fA-F]+") ? 16 : value.matches("[A-Za-z0-9+/=_-]+") ? 64 : 16;
            return value.length() * (Math.log(alphabet) / Math.log(2)) >= candidate.requiredBits();
        }
    }

    /** Refuses any symbol outside the base64 alphabets, as a policy that only knows generator output would. */
    public static final class RefusesSymbols extends BrokenPolicy {
        @Override
        boolean refuses(String value) {
            return !value.matches("[A-Za-z0-9+/=_-]+");
        }
    }
}
