package dev.steadfast.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately minimal HTTP/1.1 client over a plain socket to 127.0.0.1: it sends header bytes exactly as given
 * (java.net.http refuses some of the values an attacker sends) and reads one response, de-chunking the body.
 * Bounded: 10 s socket timeout, one request per connection.
 */
final class RawHttp {

    /** @param status the status code @param headers header lines as received @param body the body as UTF-8 */
    record Response(int status, List<String> headers, String body) {
        List<String> setCookies() {
            List<String> out = new ArrayList<>();
            for (String h : headers) {
                if (h.toLowerCase(Locale.ROOT).startsWith("set-cookie:")) {
                    out.add(h.substring("set-cookie:".length()).strip());
                }
            }
            return out;
        }
    }

    private RawHttp() {
    }

    /**
     * @param port         the quickstart's port
     * @param path         request path
     * @param cookieHeader the Cookie header's value as bytes (ISO-8859-1 / raw), or null for none
     */
    static Response get(int port, String path, byte[] cookieHeader) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            if (cookieHeader != null) {
                request.write("Cookie: ".getBytes(StandardCharsets.US_ASCII));
                request.write(cookieHeader);
                request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may answer (400) and close before reading an oversized request: read what it sent.
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("No complete response head (" + all.length + " bytes)");
        }
        String head = new String(all, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = List.of(lines).subList(1, lines.length);
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                && h.toLowerCase(Locale.ROOT).contains("chunked"));
        if (chunked) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, i, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
