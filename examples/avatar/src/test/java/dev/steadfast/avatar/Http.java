package dev.steadfast.avatar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The servers' readiness probe: a plain GET, outside the browser, so that it never touches the browser's cookies. */
final class Http {

    /** Status code of a connection refused or timed out: nothing serves the URL. */
    static final int NO_ANSWER = -1;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** @return the status of {@code GET url}, or {@link #NO_ANSWER} */
    static int status(String url) throws InterruptedException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notServing) {
            return NO_ANSWER;
        }
    }
}
