package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The action items' CSV holds what the list page shows — the same selection, text filter and sort, through the same
 * query, so only what the reader may read — under the high-water mark of those rows, named in the reader's language,
 * and the download is audited.
 */
@PlatformTest
class ActionItemsCsvTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static List<String> ids(String csv) {
        List<String> lines = csv.substring(1).lines().toList();
        return lines.subList(2, lines.size() - 1).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    @Test
    void theCsvLinkCarriesThePagesFilterAndSortAndTheFileHoldsExactlyWhatTheReaderMayRead() {
        Http web = new Http(port).signIn("au.dod", "demo");
        String page = web.get("/action-items?lang=en&sort=title&dir=desc", null).body();
        Matcher link = Pattern.compile("id=\"action-items-csv\"\\s+href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).contains("sort=title").contains("dir=desc");

        Http.Response csv = web.get(href, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF");
        // the rows are the API's list for the same reader in the same order: nothing the reader may not read
        Http api = new Http(port);
        List<String> expected = new ArrayList<>();
        JsonNode items = api.get("/api/v1/action-items?size=200&sort=title,desc", api.token("au.dod", "demo")).json()
                .get("items");
        items.forEach(i -> expected.add(i.get("id").asString()));
        assertThat(ids(csv.body())).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(csv.body().substring(1).lines().findFirst().orElseThrow().replace("\"", ""))
                .isEqualTo(csv.header("X-DICAS-Marking"));

        String disposition = csv.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"action-items.csv\"");
        Http ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        String jaDisposition = ja.get("/action-items/export.csv", null).header("Content-Disposition");
        assertThat(URLDecoder.decode(jaDisposition.substring(jaDisposition.indexOf("UTF-8''") + 7),
                StandardCharsets.UTF_8)).isEqualTo("アクションアイテム.csv");

        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'au.dod' and action = 'EXPORTED'"
                + " and detail_sentence like '%action.csv.kind%'").query(Long.class).single()).isPositive();
    }

    @Test
    void theTextFilterOfThePageNarrowsTheFile() {
        Http web = new Http(port).signIn("us.acq", "demo");
        String all = web.get("/action-items/export.csv?lang=en", null).body();
        String none = web.get("/action-items/export.csv?lang=en&q=no-such-words-anywhere", null).body();
        assertThat(ids(all)).isNotEmpty();
        assertThat(ids(none)).isEmpty();
        assertThat(none.substring(1).lines().findFirst().orElseThrow()).isEqualTo("PUBLIC");
    }
}
