package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.dicas.PlatformTest;
import org.dicas.forum.ActionItems;
import org.dicas.forum.Library;
import org.dicas.forum.Meetings;
import org.dicas.programs.Programs;
import org.dicas.requirements.Leads;
import org.dicas.requirements.Pipeline;
import org.dicas.requirements.Requirements;
import org.dicas.shared.ListColumns;
import org.dicas.support.Http;
import org.dicas.support.ListSorting;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The long lists sort by a column, page and filter on the server, and say so in the reader's language. */
@PlatformTest
class LongListsPageTest {

    @LocalServerPort
    int port;

    Http web;

    @BeforeEach
    void leads() {
        web = new Http(port).signIn("us.acq", "demo");
        String token = Tokens.of(port, "us.acq");
        if (!web.get("/leads?q=TBLSORT", null).body().contains("TBLSORT Alpha")) {
            for (String t : new String[] {"TBLSORT Charlie", "TBLSORT Alpha", "TBLSORT Bravo"}) {
                assertThat(web.post("/api/v1/leads", token, Map.of("sourceType", "INTERNATIONAL_CONFERENCE", "sourceName",
                        "Table test " + t.charAt(8), "title", t, "text", "A lead to sort: " + t, "marking",
                        "CUI//REL TO USA, JPN")).status()).isEqualTo(201);
            }
        }
    }

    @Test
    void aColumnHeadSortsTheListOneWayThenTheOther() {
        String up = web.get("/leads?lang=en&q=TBLSORT&sort=title&dir=asc", null).body();
        assertThat(up.indexOf("TBLSORT Alpha")).isPositive().isLessThan(up.indexOf("TBLSORT Bravo"));
        assertThat(up.indexOf("TBLSORT Bravo")).isLessThan(up.indexOf("TBLSORT Charlie"));
        assertThat(up).contains("aria-sort=\"ascending\"")
                .as("the head of the sorted column turns the order round, keeping the filter")
                .contains("href=\"/leads?q=TBLSORT&amp;sort=title&amp;dir=desc\"");
        String down = web.get("/leads?lang=en&q=TBLSORT&sort=title&dir=desc", null).body();
        assertThat(down.indexOf("TBLSORT Charlie")).isPositive().isLessThan(down.indexOf("TBLSORT Bravo"));
        assertThat(down.indexOf("TBLSORT Bravo")).isLessThan(down.indexOf("TBLSORT Alpha"));
        assertThat(down).contains("aria-sort=\"descending\"");
    }

    @Test
    void theSecondPageContinuesTheSortedFilteredListAndCountsIt() {
        String second = web.get("/leads?lang=en&q=TBLSORT&sort=title&dir=asc&size=2&page=2", null).body();
        assertThat(second).contains("TBLSORT Charlie").doesNotContain("TBLSORT Alpha").doesNotContain("TBLSORT Bravo")
                .contains("3–3 of 3")
                .as("the previous page keeps the filter, the sort and the size")
                .contains("href=\"/leads?q=TBLSORT&amp;sort=title&amp;dir=asc&amp;size=2&amp;page=1\"");
        assertThat(web.get("/leads?lang=ja&q=TBLSORT&sort=title&size=2", null).body()).contains("全3件中 1–2件");
    }

    @Test
    void theFilterKeepsOnlyRowsContainingTheTextAndSaysWhenNoneDo() {
        String some = web.get("/leads?lang=en&q=tblsort+b", null).body();
        assertThat(some).contains("TBLSORT Bravo").doesNotContain("TBLSORT Alpha").doesNotContain("TBLSORT Charlie")
                .contains("value=\"tblsort b\"").contains("Show all");
        assertThat(web.get("/leads?lang=ja&q=%25%25nothing", null).body()).contains("「%%nothing」を含む行はありません。");
    }

    @Test
    void aColumnTheListDoesNotSortByIsRefusedInTheReadersLanguage() {
        var ja = web.get("/leads?lang=ja&sort=password", null);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.body()).contains("「password」では並べ替えできません").contains("date, type, source, title, language");
        assertThat(web.get("/documents?lang=en&dir=sideways", null).body())
                .contains("must be asc or desc, not &#39;sideways&#39;");
    }

    @Test
    void everyLongListSortsByEachOfItsColumnsBothWaysAndFilters() {
        Map<String, ListColumns> lists = Map.of("/leads", Leads.COLUMNS, "/requirements", Requirements.COLUMNS,
                "/documents", Library.COLUMNS, "/meetings", Meetings.COLUMNS, "/action-items", ActionItems.COLUMNS,
                "/opportunities", Pipeline.COLUMNS, "/programs", Programs.COLUMNS);
        ListSorting.everyColumnSortsBothWaysAndTheFilterKeepsItsText(web, lists, Set.of("/opportunities"));
    }
}
