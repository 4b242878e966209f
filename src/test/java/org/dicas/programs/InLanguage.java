package org.dicas.programs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.dicas.support.Http;

/** API calls that ask for a language ({@code Accept-Language}), to check what the API says in it. */
public final class InLanguage {

    private final int port;
    private final String language;

    public InLanguage(int port, String language) {
        this.port = port;
        this.language = language;
    }

    /** POST {@code body} as JSON, with {@code If-Match} when {@code ifMatch} is not null. */
    public Http.Response post(String path, String token, Object body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
