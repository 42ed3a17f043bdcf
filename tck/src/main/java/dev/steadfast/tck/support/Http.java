package dev.steadfast.tck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Minimal HTTP client for {@code @RunAsClient} tests. Redirects are not followed and cookies are not kept, so that
 * tests see exactly what the server sent ({@code Set-Cookie}, {@code Location}) and choose the {@code Cookie} header
 * themselves.
 */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    // HTTP/1.1, as browsers speak to a plain-HTTP server: by default the client upgrades to cleartext HTTP/2 (h2c)
    // where the server offers it. Payara 6.2025.9 does, reset the stream of a request with a 5.7 KB Cookie header
    // (a chunked session) and then answered 431 even to requests without cookies, failing tests that had nothing to
    // do with it.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    /** A response, body decoded as UTF-8. */
    public record Response(int status, HttpHeaders headers, String body) {
        /** The first value of a header, if any (names are case-insensitive). */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** All {@code Set-Cookie} header values. */
        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }
    }

    private Http() {
    }

    /** GET {@code path} relative to {@code base} (the deployment URL, which ends in '/'). */
    public static Response get(URL base, String path) {
        return get(base, path, null);
    }

    /** GET with a {@code Cookie} header, or none if {@code cookie} is null. */
    public static Response get(URL base, String path, String cookie) {
        return send(request(base, path, cookie).GET());
    }

    /**
     * GET with one {@code Cookie} header field per element, in order (as an HTTP/2 client or a proxy may send them),
     * none when the list is empty.
     */
    public static Response getWithCookieFields(URL base, String path, List<String> cookieFields) {
        HttpRequest.Builder builder = request(base, path, null);
        cookieFields.forEach(field -> builder.header("Cookie", field));
        return send(builder.GET());
    }

    /** POST a form ({@code application/x-www-form-urlencoded}) with an optional {@code Cookie} header. */
    public static Response post(URL base, String path, String formBody, String cookie) {
        return send(request(base, path, cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    private static HttpRequest.Builder request(URL base, String path, String cookie) {
        if (path.startsWith("/")) {
            throw new IllegalArgumentException("path must be relative to the deployment URL, without a leading '/': " + path);
        }
        URI uri;
        try {
            uri = base.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + base, e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }
}
