package dev.steadfast.impl.codec;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the JSON generator writes, collected for {@link #toUtf8()}: an unsynchronised replacement for
 * {@code StringWriter} (whose {@code StringBuffer} locks on every write) that turns an all-ASCII payload, the usual
 * case, into bytes with one copy instead of {@code toString().getBytes(UTF_8)}'s two.
 */
final class Utf8Writer extends Writer {

    private char[] chars;
    private int length;

    /** @param capacity initial capacity in chars */
    Utf8Writer(int capacity) {
        this.chars = new char[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        int needed = length + extra;
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
    }

    @Override
    public void write(int c) {
        ensure(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        ensure(len);
        System.arraycopy(cbuf, off, chars, length, len);
        length += len;
    }

    @Override
    public void write(String str, int off, int len) {
        ensure(len);
        str.getChars(off, off + len, chars, length);
        length += len;
    }

    @Override
    public void flush() {
        // Nothing buffered elsewhere.
    }

    @Override
    public void close() {
        // Keeps the content for toUtf8().
    }

    /** @return the length of {@link #toUtf8()}, without building it when the text is ASCII */
    int utf8Length() {
        for (int i = 0; i < length; i++) {
            if (chars[i] >= 0x80) {
                return toUtf8().length;
            }
        }
        return length;
    }

    /** @return what was written, encoded as {@code String.getBytes(UTF_8)} would (unpaired surrogates as '?') */
    byte[] toUtf8() {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                return new String(chars, 0, length).getBytes(StandardCharsets.UTF_8);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }
}
