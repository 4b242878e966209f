package org.dicas.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An API call with an {@code Accept-Language} header, as a client asking for Japanese or English would send it. */
public final class AcceptLanguage {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private AcceptLanguage() {
    }

    /** {@code method} on {@code path} with a bearer token, {@code Accept-Language: language} and a JSON body (or none). */
    public static Http.Response send(int port, String method, String path, String token, String language, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
