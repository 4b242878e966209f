package org.dicas.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.dicas.shared.Paging;
import tools.jackson.databind.node.ArrayNode;

/** A real HTTP client against the running platform: bearer-token API calls and signed-in browser-like sessions. */
public final class Http {

    private static final Pattern VERSION = Pattern.compile("<input[^>]*name=\"version\"[^>]*value=\"(\\d+)\"");

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    private final String base;
    private final HttpClient client;

    private String language = "en";

    public Http(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String token(String username, String password) {
        Response r = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + r.status() + " " + r.body());
        }
        return r.json().get("token").asString();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    /**
     * A page rendered for this request, never a copy kept from an earlier one ({@code Cache-Control: no-cache}, as a
     * browser's reload sends): for tests that count what rendering a page costs.
     */
    public Response getRendered(String path) {
        return send(request(path, null).header("Cache-Control", "no-cache").GET().build());
    }

    /**
     * Every item of a paged API list, page by page at the largest size ({@code path} may carry filters): what one
     * unpaged response used to hold. Fails when a page is not 200, or the pages do not add up to their total.
     */
    public ArrayNode all(String path, String token) {
        ArrayNode items = JSON.createArrayNode();
        String sep = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            Response r = get(path + sep + "size=" + Paging.MAX_SIZE + "&page=" + page, token);
            if (r.status() != 200) {
                throw new IllegalStateException(path + " page " + page + ": " + r.status() + " " + r.body());
            }
            JsonNode list = r.json();
            list.get("items").forEach(items::add);
            long total = list.get("total").asLong();
            if (list.get("items").isEmpty() || items.size() >= total) {
                if (items.size() != total) {
                    throw new IllegalStateException(path + ": " + items.size() + " items in pages, total " + total);
                }
                return items;
            }
        }
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    /** Any method with a JSON body (or none), as a client that sends no {@code If-Match} would make it. */
    public Response call(String method, String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json").method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    /** Any method with a JSON body and exactly this {@code If-Match} (none when null), e.g. a PATCH. */
    public Response callIfMatch(String method, String path, String token, Object body, String ifMatch) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    /** A POST that changes a record, with exactly this {@code If-Match} (none when null). */
    public Response postIfMatch(String path, String token, Object body, String ifMatch) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    /**
     * A PUT as a well-behaved client makes it: it reads the record first and sends its {@code ETag} as
     * {@code If-Match}. When the read gives no ETag (the record is hidden or missing), it sends {@code "1"}, so the
     * server's own answer for the record (404) is what the test sees.
     */
    public Response put(String path, String token, Object body) {
        return putIfMatch(path, token, body, etagOrFirst(path, token));
    }

    /** A PUT with exactly this {@code If-Match} (none when null). */
    public Response putIfMatch(String path, String token, Object body, String ifMatch) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    /** A DELETE made against the version just read (see {@link #put}). */
    public Response delete(String path, String token) {
        return deleteIfMatch(path, token, etagOrFirst(path, token));
    }

    public Response deleteIfMatch(String path, String token, String ifMatch) {
        HttpRequest.Builder b = request(path, token).DELETE();
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    /** The ETag of what a change of {@code changePath} changes, read now; null when it cannot be read. */
    public String etag(String changePath, String token) {
        Response r = get(readPath(changePath), token);
        return r.status() == 200 && !r.header("ETag").isEmpty() ? r.header("ETag") : null;
    }

    private String etagOrFirst(String path, String token) {
        String e = etag(path, token);
        return e == null ? "\"1\"" : e;
    }

    /** Where the record a change applies to is read: minutes of a meeting, an attachment of an authorization, a pin. */
    static String readPath(String changePath) {
        String p = changePath.replaceFirst("\\?.*$", "");
        if (p.endsWith("/minutes") || p.endsWith("/pin")) {
            return p.substring(0, p.lastIndexOf('/'));
        }
        if (p.matches(".*/authorizations/\\d+/records/\\d+$")) {
            return p.replaceFirst("/records/\\d+$", "");
        }
        return p;
    }

    /**
     * Signs this client in through the login form (with its CSRF token), as a browser would, and chooses this
     * client's language ({@link #inLanguage}, English unless told) as the user's saved language, so that no test
     * inherits the language another test left on a shared demo user.
     */
    public Http signIn(String username, String password) {
        signInKeepingLanguage(username, password);
        get("/?lang=" + language, null);
        return this;
    }

    /** Signs in without choosing a language: the user's saved language stands (for tests of remembering it). */
    public Http signInKeepingLanguage(String username, String password) {
        acceptSignInNotice();
        Response login = get("/login", null);
        Response r = form("/login", csrf(login.body()), Map.of("username", username, "password", password));
        if (r.status() != 302 || r.header("Location").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + r.status() + " " + r.header("Location"));
        }
        return this;
    }

    /**
     * Accepts the notice and consent the sign-in page shows first (issue 15, point 8), as a person does before they
     * may sign in; nothing when this session has accepted it already.
     */
    public Http acceptSignInNotice() {
        Response login = get("/login", null);
        if (login.body().contains("action=\"/login/notice\"")) {
            Response r = form("/login/notice", csrf(login.body()), Map.of());
            if (r.status() != 302) {
                throw new IllegalStateException("the sign-in notice was not accepted: " + r.status());
            }
        }
        return this;
    }

    /**
     * The language this client asks for: its {@code Accept-Language} on every request, and the language a sign-in
     * saves for the user. English unless set.
     */
    public Http inLanguage(String language) {
        this.language = language;
        return this;
    }

    /** The language this client asks for. */
    public String language() {
        return language;
    }

    /** Posts a form from a page: the CSRF token is taken from {@code page}. */
    public Response form(String path, String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form whose fields may repeat (one value per entry, in order): the CSRF token is taken from a page. */
    public Response form(String path, String csrf, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The version a page's edit form carries (its hidden {@code version} field). */
    public static String version(String page) {
        Matcher m = VERSION.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("page has no version field");
        }
        return m.group(1);
    }

    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("page has no CSRF token");
        }
        return m.group(1);
    }

    /**
     * A {@code multipart/form-data} POST: the text fields, then the file as the part {@code file} with this name and
     * the content type the client declares (which the server may not trust).
     */
    public Response multipart(String path, String token, Map<String, String> fields, String fileName,
                              String declaredType, byte[] bytes) {
        String boundary = "----dicas" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (fileName != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(bytes);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** A GET whose body is bytes (a file), with its headers. */
    public HttpResponse<byte[]> bytes(String path, String token) {
        try {
            return client.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Accept-Language", language);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** A download as bytes (a PDF, say), in this session and language. */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return client.send(request(path, null).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks {@code call} every 25 ms until {@code seen} holds of its answer, for at most {@code bound}: whether it did. */
    public static boolean within(java.time.Duration bound, java.util.function.Supplier<Response> call,
                                 java.util.function.Predicate<Response> seen) {
        long limit = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < limit) {
            if (seen.test(call.get())) {
                return true;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
