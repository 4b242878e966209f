package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.PlatformTest;
import org.dicas.shared.Sentence;
import org.dicas.support.EnglishInJapanese;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What an audit entry says reads in the reader's language (ADR 0032) wherever entries are shown: the audit API (with
 * the sentence's key and arguments beside it as codes), the audit page, its CSV export and a record's history.
 */
@PlatformTest
class AuditInTheReadersLanguageTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    /** A CUI document by us.navy whose marking is then narrowed to CUI//NOFORN: a CREATE and an UPDATE entry. */
    long documentWithAMarkingChange() {
        Http http = new Http(port);
        String token = http.token("us.navy", "demo");
        long doc = http.post("/api/v1/documents", token, Map.of("title", "Audited in two languages", "body", "b",
                "marking", "CUI")).json().get("id").asLong();
        http.put("/api/v1/documents/" + doc, token, Map.of("title", "Audited in two languages", "body", "b",
                "marking", "CUI//NOFORN"));
        return doc;
    }

    static JsonNode entry(JsonNode page, String action) {
        for (JsonNode e : page.get("items")) {
            if (e.get("action").asString().equals(action)) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " entry in " + page);
    }

    /** Structure over convention: an entry says something only as a sentence; no append takes a detail as text. */
    @Test
    void noAppendTakesItsDetailAsText() {
        List<java.lang.reflect.Method> appends = java.util.Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("append")).toList();
        assertThat(appends).hasSize(4);
        assertThat(appends).allSatisfy(m -> {
            Class<?>[] p = m.getParameterTypes();
            assertThat(p.length == 4 || p[4] == Sentence.class).as(m.toString()).isTrue();
        });
    }

    @Test
    void theAuditApiRendersTheDetailInTheCallersLanguageWithItsKeyAndArgumentsBeside() {
        long doc = documentWithAMarkingChange();
        Http ja = new Http(port).inLanguage("ja");
        Http en = new Http(port).inLanguage("en");
        JsonNode jaPage = ja.get("/api/v1/audit?recordId=" + doc, ja.token("admin", "demo")).json();
        JsonNode enPage = en.get("/api/v1/audit?recordId=" + doc, en.token("admin", "demo")).json();

        JsonNode update = entry(jaPage, "UPDATE");
        assertThat(update.get("detail").asString()).isEqualTo("区分表示：CUI → CUI//NOFORN");
        assertThat(update.get("detailKey").asString()).isEqualTo("audit.detail.markingFromTo");
        assertThat(update.get("detailArgs").toString()).isEqualTo("[\"CUI\",\"CUI//NOFORN\"]");
        assertThat(entry(jaPage, "CREATE").get("detail").asString()).isEqualTo("区分表示：CUI");
        assertThat(entry(enPage, "UPDATE").get("detail").asString()).isEqualTo("Marking CUI → CUI//NOFORN");
        assertThat(entry(enPage, "UPDATE").get("detailKey").asString()).isEqualTo("audit.detail.markingFromTo");
    }

    @Test
    void aNationInADetailIsItsNameForTheReaderAndItsCodeBeside() {
        String actor = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        audit.append(actor, "RELEASE_REQUESTED", null, null, Sentence.of("audit.detail.releaseRequested", 12L,
                AuditLog.nations(List.of("JPN", "AUS")), AuditLog.items(List.of()), "共同研究のため"));
        Http ja = new Http(port).inLanguage("ja");
        JsonNode e = ja.get("/api/v1/audit?actor=" + actor, ja.token("admin", "demo")).json().get("items").get(0);
        assertThat(e.get("detail").asString()).isEqualTo("開示要請 #12（開示先の国：日本、豪州、企業（ID）：なし）理由：共同研究のため");
        assertThat(e.get("detailArgs").get(1).toString())
                .isEqualTo("[{\"key\":\"nation.JPN\",\"args\":[]},{\"key\":\"nation.AUS\",\"args\":[]}]");
        Http en = new Http(port).inLanguage("en");
        assertThat(en.get("/api/v1/audit?actor=" + actor, en.token("admin", "demo")).json().get("items").get(0)
                .get("detail").asString())
                .isEqualTo("Release request #12: nations Japan, Australia, company ids none; justification: 共同研究のため");
    }

    @Test
    void theJapaneseAuditPageAndItsCsvExportSayWhatHappenedInJapanese() {
        long doc = documentWithAMarkingChange();
        Http web = new Http(port).inLanguage("ja").signIn("admin", "demo");
        String page = web.get("/admin/audit?recordId=" + doc, null).body();
        assertThat(page).contains("区分表示：CUI → CUI//NOFORN").contains("区分表示：CUI<")
                .doesNotContain("Marking CUI").doesNotContain(">DOCUMENT")
                .containsPattern("href=\"/admin/audit\\.csv\\?[^\"]*recordId=" + doc + "[&\"]");

        Http.Response csv = web.get("/admin/audit.csv?recordId=" + doc, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().replaceFirst("^\uFEFF", "").lines().toList();
        assertThat(csv.body()).startsWith("\uFEFF");
        assertThat(lines.get(0)).isEqualTo(csv.header("X-DICAS-Marking"));
        assertThat(lines.get(1)).isEqualTo("エントリ,日時,実行者,操作,記録,詳細");
        List<String> rows = new ArrayList<>(lines.subList(2, lines.size() - 1));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(",us.navy,変更,").endsWith(",区分表示：CUI → CUI//NOFORN"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(",us.navy,作成,").endsWith(",区分表示：CUI"));
        assertThat(rows).noneSatisfy(r -> assertThat(r).contains("Marking"));
        rows.forEach(r -> assertThat(EnglishInJapanese.runs(r)).as(r).isEmpty());
    }

    @Test
    void aRecordsHistoryReadsInTheReadersLanguage() {
        long doc = documentWithAMarkingChange();
        Http ja = new Http(port).inLanguage("ja");
        JsonNode events = ja.get("/api/v1/records/" + doc + "/history", ja.token("us.navy", "demo")).json().get("events");
        List<String> details = new ArrayList<>();
        events.forEach(e -> details.add(e.get("detail").asString()));
        assertThat(details).containsExactly("区分表示：CUI → CUI//NOFORN", "区分表示：CUI");
        assertThat(events.get(0).get("detailKey").asString()).isEqualTo("audit.detail.markingFromTo");

        String page = new Http(port).inLanguage("ja").signIn("us.navy", "demo").get("/records/" + doc + "/history", null)
                .body();
        assertThat(page).contains("区分表示：CUI → CUI//NOFORN").doesNotContain("CUI -&gt; CUI//NOFORN");
    }
}
