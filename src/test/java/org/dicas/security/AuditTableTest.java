package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The audit page is a long list like the others: sorted on the server by time, actor, action or record (newest first
 * unless asked), filtered by actor, action, record and dates, a page at a time in the reader's language, and
 * exported as filtered and sorted to CSV that carries its banner, opens in Excel (a byte-order mark), is named in the
 * reader's language and is itself audited. Only the secretariat reads it.
 */
@PlatformTest
class AuditTableTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditReads reads;

    record Events(long recordId, List<String> actors) {
    }

    /** Three actors of their own acting on one fresh record id: c, then a, then b (so that no order is an accident). */
    Events threeActorsOnOneRecord() {
        long recordId = AuditReadsTest.freshRecordId();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> actors = List.of("t" + run + "-c", "t" + run + "-a", "t" + run + "-b");
        audit.append(actors.get(0), "TEST", recordId, "DOCUMENT", Sentence.of("audit.detail.user", "one"));
        reads.record(actors.get(1), "DOCUMENT", recordId, "CUI");
        audit.append(actors.get(2), "CREATE", recordId, "DOCUMENT", Sentence.of("audit.detail.user", "three"));
        return new Events(recordId, actors);
    }

    /** The actors of the audit table's rows, top to bottom. */
    static List<String> actorsShown(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td>(t[0-9a-f]{8}-[abc])</td>").matcher(page);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theAuditPageSortsOnTheServerByTheColumnAskedForNewestFirstUnlessAsked() {
        Events e = threeActorsOnOneRecord();
        Http web = new Http(port).signIn("admin", "demo");
        String newestFirst = web.get("/admin/audit?recordId=" + e.recordId(), null).body();
        assertThat(actorsShown(newestFirst)).containsExactly(e.actors().get(2), e.actors().get(1), e.actors().get(0));
        assertThat(newestFirst).contains("aria-sort=\"descending\"");

        String byActor = web.get("/admin/audit?recordId=" + e.recordId() + "&sort=actor&dir=asc", null).body();
        assertThat(actorsShown(byActor)).isSorted().hasSize(3);
        assertThat(byActor).containsPattern("aria-sort=\"ascending\">\\s*<a href=\"/admin/audit\\?recordId="
                + e.recordId() + "&amp;sort=actor&amp;dir=desc\"");
        assertThat(actorsShown(web.get("/admin/audit?recordId=" + e.recordId() + "&sort=actor&dir=desc", null)
                .body())).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(3);

        String byAction = web.get("/admin/audit?recordId=" + e.recordId() + "&sort=action&dir=asc", null).body();
        assertThat(actorsShown(byAction)).as("CREATE, READ, TEST")
                .containsExactly(e.actors().get(2), e.actors().get(1), e.actors().get(0));
        String oldestFirst = web.get("/admin/audit?recordId=" + e.recordId() + "&sort=time&dir=asc", null).body();
        assertThat(actorsShown(oldestFirst)).containsExactlyElementsOf(e.actors());
        // the sort links keep the filter and go back to the first page
        assertThat(web.get("/admin/audit?recordId=" + e.recordId() + "&page=2&size=1", null).body())
                .contains("href=\"/admin/audit?recordId=" + e.recordId() + "&amp;size=1&amp;sort=record&amp;dir=asc\"");
    }

    @Test
    void theAuditPageFiltersByActorActionRecordAndDates() {
        Events e = threeActorsOnOneRecord();
        Http web = new Http(port).signIn("admin", "demo");
        assertThat(actorsShown(web.get("/admin/audit?actor=" + e.actors().get(1), null).body()))
                .containsExactly(e.actors().get(1));
        assertThat(actorsShown(web.get("/admin/audit?recordId=" + e.recordId() + "&action=CREATE", null).body()))
                .containsExactly(e.actors().get(2));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String around = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        assertThat(actorsShown(web.get("/admin/audit?recordId=" + e.recordId() + around, null).body())).hasSize(3);
        String future = web.get("/admin/audit?recordId=" + e.recordId() + "&from=" + today.plusDays(2), null).body();
        assertThat(actorsShown(future)).isEmpty();
        assertThat(future).contains("Nothing to show.");
        // the filter form keeps the sort
        String sorted = web.get("/admin/audit?recordId=" + e.recordId() + "&sort=actor&dir=asc", null).body();
        assertThat(sorted).contains("name=\"sort\" value=\"actor\"").contains("name=\"dir\" value=\"asc\"");
    }

    @Test
    void theAuditPagePagesInTheReadersLanguageAndRefusesAnUnknownSort() {
        Events e = threeActorsOnOneRecord();
        Http ja = new Http(port).inLanguage("ja").signIn("admin", "demo");
        String second = ja.get("/admin/audit?recordId=" + e.recordId() + "&sort=actor&dir=asc&size=1&page=2", null)
                .body();
        assertThat(actorsShown(second)).containsExactly(e.actors().get(2));
        assertThat(second).contains("全3件中 2–2件").contains("前へ").contains("次へ")
                .contains("sort=actor&amp;dir=asc&amp;size=1&amp;page=3");
        Http.Response bad = ja.get("/admin/audit?sort=detail", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("「detail」では並べ替えできません").contains("id, time, actor, action, record");
        Http.Response english = new Http(port).signIn("admin", "demo").get("/admin/audit?sort=detail", null);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("cannot sort by &#39;detail&#39;");
    }

    @Test
    void theCsvExportHasTheFilterAndSortOfThePageItsBannerFirstAByteOrderMarkAndANameInTheReadersLanguage() {
        Events e = threeActorsOnOneRecord();
        Http ja = new Http(port).inLanguage("ja").signIn("admin", "demo");
        String page = ja.get("/admin/audit?recordId=" + e.recordId() + "&sort=actor&dir=asc", null).body();
        Matcher link = Pattern.compile("id=\"audit-csv\"\\s+href=\"([^\"]+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        String href = link.group(1).replace("&amp;", "&");
        assertThat(href).contains("recordId=" + e.recordId()).contains("sort=actor").contains("dir=asc");

        Http.Response csv = ja.get(href, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("PUBLIC").isEqualTo(csv.header("X-DICAS-Marking"));
        assertThat(lines.get(1)).isEqualTo("エントリ,日時,実行者,操作,記録,詳細");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("PUBLIC");
        List<String> rows = lines.subList(2, lines.size() - 1);
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(r -> r.split(",")[2]).toList()).containsExactly(e.actors().get(1),
                e.actors().get(2), e.actors().get(0));
        assertThat(rows.get(0)).contains(",閲覧,");

        String disposition = csv.header("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"audit-log.csv\"").contains("filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("監査ログ.csv");
    }

    @Test
    void aCsvExportIsAuditedWithTheBannerItCarriesAndOnlyTheSecretariatMayTakeOne() {
        Http web = new Http(port).signIn("admin", "demo");
        long before = audit.entries(new AuditLog.Filter("admin", AuditLog.EXPORTED, null, null, null),
                Paging.FIRST, Locale.ENGLISH).total();
        assertThat(web.get("/admin/audit.csv?action=SIGN_IN", null).status()).isEqualTo(200);
        var exports = audit.entries(new AuditLog.Filter("admin", AuditLog.EXPORTED, null, null, null), Paging.FIRST,
                Locale.ENGLISH);
        assertThat(exports.total()).isEqualTo(before + 1);
        assertThat(exports.items().get(0).detail()).isEqualTo("Audit log (CSV), marked PUBLIC");

        for (String user : List.of("us.fdo", "jp.atla", "us.acq")) {
            Http other = new Http(port).signIn(user, "demo");
            assertThat(other.get("/admin/audit.csv", null).status()).as(user).isEqualTo(404);
            assertThat(other.get("/admin/audit?sort=actor", null).status()).as(user).isEqualTo(404);
        }
    }

    @Test
    void theApiAuditListSortsAndPagesLikeEveryOtherList() {
        Events e = threeActorsOnOneRecord();
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        JsonNode body = http.get("/api/v1/audit?recordId=" + e.recordId() + "&sort=actor,desc", admin).json();
        assertThat(body.get("marking").asString()).isEqualTo("PUBLIC");
        assertThat(body.get("total").asLong()).isEqualTo(3);
        List<String> actors = new ArrayList<>();
        body.get("items").forEach(i -> actors.add(i.get("actor").asString()));
        assertThat(actors).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSize(3);
        Http.Response bad = http.get("/api/v1/audit?sort=hash,asc", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asString()).isEqualTo("sort");
        assertThat(bad.json().get("detail").asString()).contains("id, time, actor, action, record");
    }
}
