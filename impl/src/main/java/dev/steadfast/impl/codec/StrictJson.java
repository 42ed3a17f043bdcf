package dev.steadfast.impl.codec;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

/**
 * Reads a JSON object into plain collections on top of a JSON-P streaming parser, adding what JSON-P leaves to the
 * provider: duplicate member names, a nesting limit, trailing data and invalid UTF-8 are errors, and numbers keep
 * their lexeme so that {@code 1}, {@code 1.0} and {@code 1e0} stay distinguishable.
 *
 * <p>Result types: objects are {@link LinkedHashMap}, arrays {@link ArrayList}, strings {@link String}, booleans
 * {@link Boolean}, numbers {@link NumberToken}, JSON null Java {@code null}. The collections are fresh and mutable so
 * that callers can convert values in place.
 */
final class StrictJson {

    private final JsonParserFactory factory;

    /**
     * @param factory a cached factory; creating one per call looks up the provider each time
     */
    StrictJson(JsonParserFactory factory) {
        this.factory = factory;
    }

    /**
     * A JSON number as written.
     *
     * @param lexeme the number's text
     */
    record NumberToken(String lexeme) {
        /** @return whether the number is written without fraction or exponent */
        boolean isPlainInteger() {
            String s = lexeme;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return false;
                }
            }
            return true;
        }

        /** Never shows the value: numbers may be attribute content. */
        @Override
        public String toString() {
            return "NumberToken[" + lexeme.length() + " chars]";
        }
    }

    /** The input is not one JSON object within this reader's rules. Carries no text of the input. */
    static final class InvalidJsonException extends Exception {
        private static final long serialVersionUID = 1L;
        static final InvalidJsonException INSTANCE = new InvalidJsonException();

        private InvalidJsonException() {
            super("invalid JSON", null, false, false);
        }
    }

    /**
     * @param utf8     the bytes of one JSON object
     * @param maxDepth how many objects and arrays may nest, the outermost object counting as 1
     * @return the object
     * @throws InvalidJsonException when the bytes are not strict UTF-8, not exactly one JSON object, nest deeper than
     *                              {@code maxDepth} or repeat a member name in any object
     */
    Map<String, Object> parseObject(byte[] utf8, int maxDepth) throws InvalidJsonException {
        String text = decodeUtf8(utf8);
        try (JsonParser parser = factory.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw InvalidJsonException.INSTANCE;
            }
            Map<String, Object> object = readObject(parser, 1, maxDepth);
            // Providers differ here: some report trailing data from hasNext(), others throw; both end up rejected.
            if (parser.hasNext()) {
                throw InvalidJsonException.INSTANCE;
            }
            return object;
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException, NoSuchElementException, IllegalStateException from the provider.
            throw InvalidJsonException.INSTANCE;
        }
    }

    private static String decodeUtf8(byte[] bytes) throws InvalidJsonException {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // A Latin-1 string of ASCII bytes is a plain copy with compact strings.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw InvalidJsonException.INSTANCE;
        }
    }

    /**
     * JSON's {@code \\uD800} escapes can spell half a character, which no UTF-8 text holds: such a string could not
     * be written back unchanged, so it is refused on the way in as well as on the way out.
     *
     * @param s a string
     * @return whether it contains a high surrogate not followed by a low one, or a low one not preceded by a high one
     */
    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> readObject(JsonParser parser, int depth, int maxDepth)
            throws InvalidJsonException {
        if (depth > maxDepth) {
            throw InvalidJsonException.INSTANCE;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return object;
            }
            if (event != JsonParser.Event.KEY_NAME) {
                throw InvalidJsonException.INSTANCE;
            }
            String name = parser.getString();
            if (hasUnpairedSurrogate(name)) {
                throw InvalidJsonException.INSTANCE;
            }
            int size = object.size();
            // One hash lookup instead of containsKey then put: a repeated name leaves the size unchanged.
            object.put(name, readValue(parser, parser.next(), depth, maxDepth));
            if (object.size() == size) {
                throw InvalidJsonException.INSTANCE;
            }
        }
    }

    private static List<Object> readArray(JsonParser parser, int depth, int maxDepth) throws InvalidJsonException {
        if (depth > maxDepth) {
            throw InvalidJsonException.INSTANCE;
        }
        List<Object> array = new ArrayList<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return array;
            }
            array.add(readValue(parser, event, depth, maxDepth));
        }
    }

    private static Object readValue(JsonParser parser, JsonParser.Event event, int depth, int maxDepth)
            throws InvalidJsonException {
        switch (event) {
            case START_OBJECT:
                return readObject(parser, depth + 1, maxDepth);
            case START_ARRAY:
                return readArray(parser, depth + 1, maxDepth);
            case VALUE_STRING:
                String text = parser.getString();
                if (hasUnpairedSurrogate(text)) {
                    throw InvalidJsonException.INSTANCE;
                }
                return text;
            case VALUE_NUMBER:
                return new NumberToken(parser.getString());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw InvalidJsonException.INSTANCE;
        }
    }
}
