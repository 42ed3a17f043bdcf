package dev.steadfast.impl.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;

/**
 * Counts the bytes that reach the container so the session cookie is written just before the write that would
 * fill the response buffer (or complete the declared content length), that is, before the container commits.
 */
final class CountingOutputStream extends ServletOutputStream {

    private final ServletOutputStream out;
    private final SessionResponseWrapper owner;
    private long count;
    private boolean finishing;

    CountingOutputStream(ServletOutputStream out, SessionResponseWrapper owner) {
        this.out = out;
        this.owner = owner;
    }

    @Override
    public void write(int b) throws IOException {
        before(1);
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        before(len);
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void flush() throws IOException {
        owner.commitSession();
        // At the end of the request the writer's last characters are pushed through without a container flush, so
        // the container can still set Content-Length itself.
        if (!finishing) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        owner.commitSession();
        out.close();
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        out.setWriteListener(listener);
    }

    void finishing() {
        finishing = true;
    }

    void resetCount() {
        count = 0;
    }

    private void before(int len) {
        if (owner.wouldCommit(count + len)) {
            owner.commitSession();
        }
    }
}
