package org.dicas.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** API calls with a bearer token and an {@code Accept-Language} header, to see the answer in that language. */
public final class ApiInLanguage {

    private final String base;
    private final String language;
    private final HttpClient client = HttpClient.newHttpClient();

    public ApiInLanguage(int port, String language) {
        this.base = "http://localhost:" + port;
        this.language = language;
    }

    public Http.Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Http.Response post(String path, String token, Object body) {
        String json = body instanceof String s ? s : Http.JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A change of a versioned resource, as of the version {@code ifMatch} names (its ETag). */
    public Http.Response put(String path, String token, Object body, String ifMatch) {
        String json = body instanceof String s ? s : Http.JSON.writeValueAsString(body);
        return send(request(path, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Accept-Language", language);
    }

    private Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
