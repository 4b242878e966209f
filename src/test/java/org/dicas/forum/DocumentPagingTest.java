package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The document list, paged: the pages of one reader are disjoint, in the documented order (latest change first, then
 * id), and together exactly the documents the policy lets that reader read — whose number is the total; a hidden
 * document is neither listed nor counted. Bad paging input is a 400 naming the parameter; the page shows a pager.
 */
@PlatformTest
class DocumentPagingTest {

    static final String API = "/api/v1/documents";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    MarkedRecords records;
    @Autowired
    ReleasabilityPolicy policy;

    /** The documents the reader may read, decided record by record by the policy's Java rendering (not the SQL). */
    Set<Long> readableDocuments(String username) {
        DicasUser reader = directory.userByUsername(username).orElseThrow();
        return jdbc.sql("select id from document").query(Long.class).list().stream()
                .filter(id -> records.find(id).map(m -> policy.mayRead(reader, m)).orElse(false))
                .collect(Collectors.toSet());
    }

    record Listed(long id, Instant updatedAt) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"jp.atla", "au.dod"})
    void pagesAreDisjointInOrderAndTogetherExactlyTheReadersDocuments(String username) {
        Http http = new Http(port);
        String token = http.token(username, "demo");
        Set<Long> readable = readableDocuments(username);
        int all = jdbc.sql("select count(*) from document").query(Integer.class).single();
        assertThat(readable).as("the reader may read some documents, not all").isNotEmpty().hasSizeLessThan(all);

        int size = 3;
        List<Listed> listed = new ArrayList<>();
        int pages = (readable.size() + size - 1) / size;
        for (int page = 1; page <= pages + 1; page++) {
            JsonNode body = http.get(API + "?size=" + size + "&page=" + page, token).json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(size);
            assertThat(body.get("total").asLong()).as("total = what " + username + " may read").isEqualTo(readable.size());
            int expected = page <= pages ? Math.min(size, readable.size() - (page - 1) * size) : 0;
            assertThat(body.get("items")).as("page " + page).hasSize(expected);
            body.get("items").forEach(d -> listed.add(new Listed(d.get("id").asLong(),
                    Instant.parse(d.get("updatedAt").asString()))));
        }
        List<Long> ids = listed.stream().map(Listed::id).toList();
        assertThat(new HashSet<>(ids)).as("no document on two pages").hasSize(ids.size());
        assertThat(new HashSet<>(ids)).as("the pages together are what the reader may read").isEqualTo(readable);
        for (int i = 1; i < listed.size(); i++) {
            Listed before = listed.get(i - 1);
            Listed after = listed.get(i);
            assertThat(before.updatedAt().isAfter(after.updatedAt())
                    || before.updatedAt().equals(after.updatedAt()) && before.id() > after.id())
                    .as("%s before %s: latest change first, then the higher id", before, after).isTrue();
        }
    }

    @Test
    void readersOfDifferentNationsGetDifferentTotalsNeverCountingWhatTheyCannotRead() {
        Http http = new Http(port);
        Set<Long> japan = readableDocuments("jp.atla");
        Set<Long> australia = readableDocuments("au.dod");
        assertThat(japan).isNotEqualTo(australia);
        assertThat(http.get(API + "?size=1", http.token("jp.atla", "demo")).json().get("total").asLong())
                .isEqualTo(japan.size());
        assertThat(http.get(API + "?size=1", http.token("au.dod", "demo")).json().get("total").asLong())
                .isEqualTo(australia.size());
    }

    @Test
    void withoutParametersTheFirstFiftyComeFirst() {
        Http http = new Http(port);
        JsonNode body = http.get(API, http.token("jp.atla", "demo")).json();
        assertThat(body.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("marking", "page", "size", "total", "items");
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("size").asInt()).isEqualTo(50);
        assertThat(body.get("items")).hasSize((int) Math.min(50, readableDocuments("jp.atla").size()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page=0          | page | Page: must be a whole number from 1 to 2147483647, not '0'",
            "page=-3         | page | Page: must be a whole number from 1 to 2147483647, not '-3'",
            "page=two        | page | Page: must be a whole number from 1 to 2147483647, not 'two'",
            "size=0          | size | Page size: must be a whole number from 1 to 200, not '0'",
            "size=10000      | size | Page size: must be a whole number from 1 to 200, not '10000'",
            "size=all&page=2 | size | Page size: must be a whole number from 1 to 200, not 'all'"})
    void badPagingInputIsA400NamingTheParameterAndItsRange(String query, String field, String detail) {
        Http http = new Http(port);
        Http.Response r = http.get(API + "?" + query, http.token("jp.atla", "demo"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void theDocumentsPageShowsAPagerWhoseNextPageContinuesTheList() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        Http api = new Http(port);
        String token = api.token("jp.atla", "demo");
        long total = readableDocuments("jp.atla").size();
        assertThat(total).isGreaterThan(8);

        var all = Jsoup.parse(web.get("/documents?lang=en", null).body());
        assertThat(all.select("nav.pager .pager-range").text()).isEqualTo("1–" + Math.min(50, total) + " of " + total);

        var first = Jsoup.parse(web.get("/documents?size=4", null).body());
        assertThat(first.select("nav.pager .pager-range").text()).isEqualTo("1–4 of " + total);
        assertThat(first.select("nav.pager a[rel=prev]")).isEmpty();
        Element next = first.selectFirst("nav.pager a[rel=next]");
        assertThat(next).isNotNull();
        assertThat(next.text()).isEqualTo("Next");
        assertThat(next.attr("href")).isEqualTo("/documents?size=4&page=2");
        assertThat(documentIds(first)).isEqualTo(apiIds(api, token, 1));

        var second = Jsoup.parse(web.get(next.attr("href"), null).body());
        assertThat(second.select("nav.pager .pager-range").text()).isEqualTo("5–8 of " + total);
        assertThat(second.selectFirst("nav.pager a[rel=prev]").attr("href")).isEqualTo("/documents?size=4&page=1");
        assertThat(documentIds(second)).hasSize(4).isEqualTo(apiIds(api, token, 2))
                .doesNotContainAnyElementsOf(documentIds(first));
    }

    @Test
    void thePagerSpeaksJapaneseAndKeepsTheListsFilters() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        Http api = new Http(port);
        String token = api.token("jp.atla", "demo");
        long open = api.get("/api/v1/action-items?status=OPEN", token).json().get("total").asLong()
                + api.get("/api/v1/action-items?status=OVERDUE", token).json().get("total").asLong();
        assertThat(open).as("open action items jp.atla may read").isGreaterThan(2);
        try {
            var ja = Jsoup.parse(web.get("/action-items?lang=ja&filter=open&size=2", null).body());
            assertThat(ja.select("nav.pager .pager-range").text()).isEqualTo("全" + open + "件中 1–2件");
            Element next = ja.selectFirst("nav.pager a[rel=next]");
            assertThat(next.text()).isEqualTo("次へ");
            assertThat(next.attr("href")).isEqualTo("/action-items?filter=open&size=2&page=2");
            var second = Jsoup.parse(web.get(next.attr("href"), null).body());
            assertThat(second.selectFirst("nav.pager a[rel=prev]").text()).isEqualTo("前へ");
            assertThat(second.select("nav.pager .pager-range").text())
                    .isEqualTo("全" + open + "件中 3–" + Math.min(4, open) + "件");
        } finally {
            web.get("/documents?lang=en", null);
        }
    }

    @Test
    void aPagePastTheEndSaysSoAndLinksBackToTheLastPage() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        long total = readableDocuments("jp.atla").size();
        var past = Jsoup.parse(web.get("/documents?lang=en&size=200&page=999", null).body());
        assertThat(past.select("nav.pager .pager-range").text())
                .isEqualTo("Page 999 is past the end of the list (" + total + " items).");
        long lastPage = (total + 199) / 200;
        assertThat(past.selectFirst("nav.pager a[rel=prev]").attr("href"))
                .isEqualTo("/documents?size=200&page=" + lastPage);
        assertThat(web.get("/documents?page=0", null).status()).isEqualTo(400);
    }

    static List<Long> documentIds(org.jsoup.nodes.Document page) {
        return page.select("main table a[href^=/documents/]").stream()
                .map(a -> Long.parseLong(a.attr("href").substring("/documents/".length()))).toList();
    }

    static List<Long> apiIds(Http api, String token, int page) {
        List<Long> ids = new ArrayList<>();
        api.get(API + "?size=4&page=" + page, token).json().get("items").forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
    }
}
