package dev.steadfast.impl.servlet;

import dev.steadfast.impl.session.RequestSessionState;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Makes sure the session cookie is added before the response commits, whichever way it commits: buffer full,
 * declared length reached, flush, redirect, error, async completion or the end of the request; and adds it again
 * after a reset. Never adds {@code ;jsessionid} to URLs.
 */
final class SessionResponseWrapper extends HttpServletResponseWrapper {

    private final RequestSessionState session;
    private CountingOutputStream stream;
    private PrintWriter writer;
    private ResponseCharacters chars;
    private long contentLength = -1;
    private boolean failed;

    SessionResponseWrapper(HttpServletResponse response, RequestSessionState session) {
        super(response);
        this.session = session;
    }

    RequestSessionState session() {
        return session;
    }

    void commitSession() {
        if (!session.commit((HttpServletResponse) getResponse())) {
            failed = true;
        }
    }

    boolean wouldCommit(long bytes) {
        int buffer = getBufferSize();
        return bytes >= buffer || contentLength >= 0 && bytes >= contentLength;
    }

    /**
     * Ends a request that was not put into async mode: writes the cookie, fails the request if the session outgrew
     * its budget, and hands any characters still in the writer to the container.
     */
    void finish() throws IOException {
        end(false);
    }

    /**
     * Ends an async request at {@code AsyncContext.complete()}: as {@link #finish()}, except that a session over its
     * budget gets a bare 500 (no error dispatch is possible while completing). Without this the characters still
     * in the writer's encoder were lost: complete() closes the container's stream without flushing our writer.
     */
    void finishAsync() throws IOException {
        end(true);
    }

    private void end(boolean completing) throws IOException {
        commitSession();
        HttpServletResponse raw = (HttpServletResponse) getResponse();
        if (failed && !raw.isCommitted()) {
            raw.resetBuffer();
            if (!completing) {
                raw.sendError(SC_INTERNAL_SERVER_ERROR);
                return;
            }
            if (chars != null) {
                chars.discard();
            }
            raw.setStatus(SC_INTERNAL_SERVER_ERROR);
            return;
        }
        if (writer != null) {
            stream.finishing();
            writer.flush();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        if (stream == null) {
            stream = new CountingOutputStream(super.getOutputStream(), this);
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called for this response");
            }
            String encoding = getCharacterEncoding();
            // The container adds the charset to Content-Type only for its own writer; make it explicit for ours.
            setCharacterEncoding(encoding);
            stream = new CountingOutputStream(super.getOutputStream(), this);
            chars = new ResponseCharacters(stream, Charset.forName(encoding));
            writer = new PrintWriter(chars, false);
        }
        return writer;
    }

    // Once the writer exists its encoding is fixed, as for the container's own writer (Servlet 5.6).
    @Override
    public void setCharacterEncoding(String charset) {
        if (writer == null) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void setContentType(String type) {
        if (writer != null && type != null) {
            int semicolon = type.indexOf(';');
            super.setContentType(semicolon < 0 ? type : type.substring(0, semicolon).trim());
            return;
        }
        super.setContentType(type);
    }

    @Override
    public void flushBuffer() throws IOException {
        commitSession();
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        commitSession();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        commitSession();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        commitSession();
        super.sendRedirect(location);
    }

    @Override
    public void setContentLength(int len) {
        contentLength = len;
        super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        contentLength = len;
        super.setContentLengthLong(len);
    }

    @Override
    public void reset() {
        super.reset();
        session.responseReset();
        contentLength = -1;
        if (stream != null) {
            stream.resetCount();
        }
        if (chars != null) {
            chars.discard();
        }
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (stream != null) {
            stream.resetCount();
        }
        if (chars != null) {
            chars.discard();
        }
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }
}
