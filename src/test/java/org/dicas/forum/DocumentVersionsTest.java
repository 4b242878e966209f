package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 3, document versions: every saved state is kept with its author, time, number and marking then;
 * versions are listed and diffed on the page and in the API; a version once marked higher than the reader may read
 * stays hidden from them (404, like a missing one) even after the document was marked lower.
 */
@PlatformTest
class DocumentVersionsTest {

    static final String NARROW = "CUI//REL TO USA, JPN";
    static final String WIDE = "UNCLASSIFIED//REL TO USA, JPN, AUS";

    @LocalServerPort
    int port;

    @Test
    void everySaveKeepsAVersionAndTheDiffShowsAddedAndRemovedLines() {
        Http http = new Http(port);
        String us = http.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        long id = document(http, us, "Versioned plan", "line one\nline two\nline three", WIDE);
        var v2 = http.put("/api/v1/documents/" + id, us, Map.of("title", "Versioned plan", "body",
                "line one\nline 2\nline three\nline four", "marking", WIDE));
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);

        JsonNode list = http.get("/api/v1/documents/" + id + "/versions", us).json();
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(list.get("marking").asString()).isEqualTo(WIDE);
        JsonNode newest = list.get("items").get(0);
        assertThat(newest.get("number").asInt()).isEqualTo(2);
        assertThat(newest.get("authorName").asString()).isNotBlank();
        assertThat(newest.get("marking").asString()).isEqualTo(WIDE);
        assertThat(newest.has("body")).as("lists carry no bodies").isFalse();

        var one = http.get("/api/v1/documents/" + id + "/versions/1", us).json();
        assertThat(one.get("body").asString()).isEqualTo("line one\nline two\nline three");

        JsonNode diff = http.get("/api/v1/documents/" + id + "/diff?from=1&to=2", us).json();
        assertThat(diff.get("marking").asString()).isEqualTo(WIDE);
        StringBuilder shape = new StringBuilder();
        diff.get("lines").forEach(l -> shape.append(l.get("change").asString().charAt(0)).append(':')
                .append(l.get("text").asString()).append('|'));
        assertThat(shape.toString())
                .isEqualTo("K:line one|R:line two|A:line 2|K:line three|A:line four|");

        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String page = web.get("/documents/" + id, null).body();
        assertThat(page).contains("Versions", "Version 1", "Version 2", "Changes from the version before");
        String diffPage = web.get("/documents/" + id + "/diff?from=1&to=2", null).body();
        assertThat(diffPage).contains("class=\"diff-removed\"", "class=\"diff-added\"", "line 2",
                "From version 1 to version 2: 2 lines added, 1 lines removed.").doesNotContain("style=");
        Http ja = new Http(port).inLanguage("ja").signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        assertThat(ja.get("/documents/" + id + "/diff?from=1&to=2", null).body())
                .contains("版の比較", "第1版から第2版への変更：追加 2 行、削除 1 行。");
        assertThat(web.get("/documents/" + id + "/versions/1", null).body()).contains("line two");
    }

    @Test
    void aVersionOnceMarkedHigherStaysHiddenFromReadersBelowIt() {
        Http http = new Http(port);
        String us = http.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String au = http.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        long id = document(http, us, "Released later", "the US-Japan draft", NARROW);
        assertThat(http.get("/api/v1/documents/" + id + "/versions", au).status()).isEqualTo(404);

        var widened = http.put("/api/v1/documents/" + id, us, Map.of("title", "Released later",
                "body", "the releasable text", "marking", WIDE));
        assertThat(widened.status()).as(widened.body()).isEqualTo(200);

        JsonNode list = http.get("/api/v1/documents/" + id + "/versions", au).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("number").asInt()).isEqualTo(2);
        var hidden = http.get("/api/v1/documents/" + id + "/versions/1", au);
        var missing = http.get("/api/v1/documents/" + id + "/versions/99", au);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString()
                .replace("99", "1"));
        assertThat(http.get("/api/v1/documents/" + id + "/diff?from=1&to=2", au).status()).isEqualTo(404);

        Http web = new Http(port).signIn(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        assertThat(web.get("/documents/" + id + "/versions/1", null).status()).isEqualTo(404);
        assertThat(web.get("/documents/" + id, null).body()).contains("Version 2").doesNotContain("Version 1<");
        assertThat(http.get("/api/v1/documents/" + id + "/versions/1", us).json().get("body").asString())
                .as("readers of the older marking still see it").isEqualTo("the US-Japan draft");
    }

    static long document(Http http, String token, String title, String body, String marking) {
        var r = http.post("/api/v1/documents", token, Map.of("title", title, "body", body, "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
