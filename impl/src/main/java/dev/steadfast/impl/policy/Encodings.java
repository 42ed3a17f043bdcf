package dev.steadfast.impl.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads a configured value as the bytes it encodes, the way applications decode keys: hex (either case), base64 and
 * base64url, with or without padding, with the line breaks {@code openssl rand -base64} wraps at and the trailing
 * newline a file or {@code echo} adds.
 *
 * <p>A secret is only as strong as what it encodes: the hex of {@code sha256("password")} looks like 64 random hex
 * digits but is one guess away, and the base64 of an English sentence is still that sentence.
 */
final class Encodings {

    /** Shorter values decode to too few bytes to say anything about. */
    static final int MIN_LENGTH = 16;

    /** What a value decodes to, and from which encoding. */
    record Decoded(String encoding, byte[] bytes) {
    }

    private Encodings() {
    }

    /**
     * @param value a configured value
     * @return the bytes it encodes, hex first (every hex string is also base64, and hex is what it would be), or empty
     *         when it is no complete encoding
     */
    static Optional<Decoded> decode(String value) {
        String text = value.strip();
        if (text.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        if (text.length() % 2 == 0 && HexText.isHex(text)) {
            return Optional.of(new Decoded("hex", HexFormat.of().parseHex(text)));
        }
        String body = text.replace("\r", "").replace("\n", "");
        String unpadded = stripPadding(body);
        if (unpadded.length() % 4 == 1 || body.length() - unpadded.length() > 2) {
            return Optional.empty();
        }
        boolean standard = true;
        boolean url = true;
        for (int i = 0; i < unpadded.length(); i++) {
            char c = unpadded.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            standard &= alnum || c == '+' || c == '/';
            url &= alnum || c == '-' || c == '_';
        }
        try {
            if (standard) {
                return Optional.of(new Decoded("base64", Base64.getDecoder().decode(pad(unpadded))));
            }
            if (url) {
                return Optional.of(new Decoded("base64url", Base64.getUrlDecoder().decode(pad(unpadded))));
            }
        } catch (IllegalArgumentException e) {
            // Checked above, so not expected; a value the decoder refuses is simply no encoding, never a failure.
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** @return the text without trailing {@code =} padding */
    static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String pad(String unpadded) {
        return switch (unpadded.length() % 4) {
            case 2 -> unpadded + "==";
            case 3 -> unpadded + "=";
            default -> unpadded;
        };
    }

    /**
     * @param bytes decoded bytes
     * @return the text they spell when they are UTF-8 without control characters (a tab or line break allowed),
     *         else empty
     */
    static Optional<String> printableText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)) {
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }
}
