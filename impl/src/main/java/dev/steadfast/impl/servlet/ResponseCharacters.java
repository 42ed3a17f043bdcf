package dev.steadfast.impl.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * The application's characters, encoded and handed to the container's buffer write by write. An encoder that
 * kept them would lose them whenever the container finishes the response without asking this writer: Tomcat 11
 * does that after a forward ({@code suspendWrappedResponseAfterForward}, on by default there), which sent
 * forwarded pages with an empty body. Held back is at most the first half of a surrogate pair, until the write
 * that brings the second. Encoding each write with {@code String.getBytes} replaces unmappable characters as an
 * {@code OutputStreamWriter} does, without its 8 KB buffer per response. A reset drops what the container
 * buffered, and {@link #discard()} the half pair.
 */
final class ResponseCharacters extends Writer {
    private final OutputStream out;
    private final Charset charset;
    private char pendingHigh;

    ResponseCharacters(OutputStream out, Charset charset) {
        this.out = out;
        this.charset = charset;
    }

    void discard() {
        pendingHigh = 0;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        encode(new String(buf, off, len));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        encode(off == 0 && len == str.length() ? str : str.substring(off, off + len));
    }

    private void encode(String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        if (pendingHigh != 0) {
            text = pendingHigh + text;
            pendingHigh = 0;
        }
        char last = text.charAt(text.length() - 1);
        if (Character.isHighSurrogate(last)) {
            pendingHigh = last;
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty()) {
            out.write(text.getBytes(charset));
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            // Half a character that never got its other half: replaced, as an OutputStreamWriter would.
            out.write(String.valueOf(pendingHigh).getBytes(charset));
            pendingHigh = 0;
        }
        out.close();
    }
}
