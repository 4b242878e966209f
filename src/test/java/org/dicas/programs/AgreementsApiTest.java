package org.dicas.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Agreements over real HTTP and PostgreSQL: parties, signed date, links to forum documents and programs (readable
 * ones only; others withheld), bad input naming the field with nothing saved, hidden = 404, demo agreements, pages.
 */
@PlatformTest
class AgreementsApiTest {

    static final String API = "/api/v1/agreements";
    static final String REL = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String jp;
    String us;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        us = Tokens.of(port, "us.acq");
    }

    static Map<String, Object> agreement(String title, String marking, List<String> parties, List<Long> documents,
                                         List<Long> programs) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", "PROJECT_ARRANGEMENT");
        m.put("title", title);
        m.put("description", "Test arrangement");
        m.put("parties", parties);
        m.put("signedOn", "2025-03-14");
        m.put("documentIds", documents);
        m.put("programIds", programs);
        m.put("marking", marking);
        return m;
    }

    long program(String token, String name, String marking) {
        var r = http.post("/api/v1/programs", token, Map.of("nameEn", name, "type", "CO_PRODUCTION",
                "partners", List.of(Map.of("nation", "USA", "costShare", 50), Map.of("nation", "JPN", "costShare", 50)),
                "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long document(String token, String title, String marking) {
        var r = http.post("/api/v1/documents", token, Map.of("title", title, "body", "text", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    int agreementRows() {
        return jdbc.sql("select (select count(*) from agreement) + (select count(*) from record where kind = 'AGREEMENT')")
                .query(Integer.class).single();
    }

    @Test
    void anAgreementLinksPartiesDocumentsAndProgramsAndShowsOnTheProgram() {
        long program = program(us, "AGRTEST program", REL);
        long doc = document(us, "AGRTEST signed text", REL);
        var r = http.post(API, us, agreement("AGRTEST arrangement", REL, List.of("USA", "JPN"), List.of(doc),
                List.of(program)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        JsonNode a = http.get(API + "/" + id, jp).json();
        assertThat(a.get("type").asString()).isEqualTo("PROJECT_ARRANGEMENT");
        assertThat(a.get("parties").toString()).isEqualTo("[\"USA\",\"JPN\"]");
        assertThat(a.get("signedOn").asString()).isEqualTo("2025-03-14");
        assertThat(a.get("documents").get(0).get("title").asString()).isEqualTo("AGRTEST signed text");
        assertThat(a.get("programs").get(0).get("id").asLong()).isEqualTo(program);
        assertThat(a.get("withheldLinks").asInt()).isZero();
        String page = new Http(port).signIn("jp.atla", "demo").get("/programs/" + program, null).body();
        assertThat(page).contains("AGRTEST arrangement");
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() {
        long japanOnlyProgram = program(jp, "AGRTEST Japan-only program", "CUI//NOFORN");
        long doc = document(us, "AGRTEST doc", REL);
        int before = agreementRows();
        assertThat(http.post(API, us, agreement("x", REL, List.of("USA", "XXX"), List.of(), List.of())).json()
                .get("field").asString()).isEqualTo("parties");
        assertThat(http.post(API, us, agreement("x", REL, List.of(), List.of(), List.of())).json()
                .get("field").asString()).isEqualTo("parties");
        assertThat(http.post(API, us, agreement("x", REL, List.of("USA"), List.of(), List.of(japanOnlyProgram))).json()
                .get("field").asString()).isEqualTo("programIds");
        // a document is not a program, and a program is not a document
        assertThat(http.post(API, us, agreement("x", REL, List.of("USA"), List.of(), List.of(doc))).json()
                .get("field").asString()).isEqualTo("programIds");
        var r = http.post(API, us, agreement("x", REL, List.of("USA"), List.of(999_999_999L), List.of()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo("documentIds");
        Map<String, Object> noType = agreement("x", REL, List.of("USA"), List.of(), List.of());
        noType.remove("type");
        assertThat(http.post(API, us, noType).json().get("field").asString()).isEqualTo("type");
        assertThat(agreementRows()).isEqualTo(before);
    }

    @Test
    void hiddenAgreementIsNotFoundAndUnreadableLinksAreWithheld() {
        long japanOnlyProgram = program(jp, "AGRTEST secret program", "CUI//NOFORN");
        var hidden = http.post(API, jp, agreement("AGRTEST Japan-only note", "CUI//NOFORN", List.of("JPN"), List.of(),
                List.of()));
        long hiddenId = hidden.json().get("id").asLong();
        assertThat(http.get(API + "/" + hiddenId, us).status()).isEqualTo(404);
        assertThat(http.all(API, us).toString()).doesNotContain("AGRTEST Japan-only note");
        var shared = http.post(API, jp, agreement("AGRTEST shared arrangement", REL, List.of("JPN", "USA"), List.of(),
                List.of(japanOnlyProgram)));
        long id = shared.json().get("id").asLong();
        var theirs = http.get(API + "/" + id, us);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().get("programs").size()).isZero();
        assertThat(theirs.json().get("withheldLinks").asInt()).isEqualTo(1);
        assertThat(theirs.body()).doesNotContain("AGRTEST secret program");
        assertThat(http.get(API + "/" + id, jp).json().get("programs").size()).isEqualTo(1);
    }

    @Test
    void updateChangesTheAgreement() {
        long id = http.post(API, us, agreement("AGRTEST draft", REL, List.of("USA", "JPN"), List.of(), List.of()))
                .json().get("id").asLong();
        Map<String, Object> c = agreement("AGRTEST signed", REL, List.of("USA", "JPN", "AUS"), List.of(), List.of());
        c.put("type", "MOU");
        var r = http.put(API + "/" + id, us, c);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("title").asString()).isEqualTo("AGRTEST signed");
        assertThat(r.json().get("parties").size()).isEqualTo(3);
        assertThat(http.put(API + "/" + id, http.token("us.industry", "demo"), c).status()).isIn(403, 404);
    }

    @Test
    void demoAgreementsAreThePublicOnesWithTheTermsOfReferenceDocument() {
        JsonNode all = http.all(API, http.token("jp.industry", "demo"));
        Map<String, JsonNode> byTitle = new HashMap<>();
        all.forEach(a -> byTitle.put(a.get("title").asString(), a));
        assertThat(byTitle.get("U.S.–Japan RDT&E Memorandum of Understanding").get("signedOn").asString())
                .startsWith("2023-01");
        assertThat(byTitle.get("U.S.–Japan Security of Supply Arrangement (SoSA)").get("type").asString())
                .isEqualTo("SOSA");
        assertThat(byTitle.get("CCA AI project arrangement").get("signedOn").asString()).startsWith("2023-12");
        JsonNode tor = byTitle.get("DICAS Terms of Reference");
        assertThat(tor.get("type").asString()).isEqualTo("TERMS_OF_REFERENCE");
        assertThat(tor.get("signedOn").asString()).startsWith("2024-06");
        assertThat(tor.get("documents").size()).isEqualTo(1);
        assertThat(tor.get("documents").get(0).get("title").asString()).startsWith("DICAS Terms of Reference");
    }

    @Test
    void pagesListShowAndCreateAgreements() {
        Http web = new Http(port).signIn("us.acq", "demo");
        var list = web.get("/agreements?size=200", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("DICAS Terms of Reference", "class=\"banner");
        var form = web.get("/agreements/new", null);
        assertThat(form.status()).isEqualTo(200);
        int before = agreementRows();
        var bad = web.form("/agreements", Http.csrf(form.body()), Map.of("type", "MOU", "title", "AGRTEST form",
                "signedOn", "not-a-date", "parties", "USA", "marking", REL));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("error-summary", "signedOn");
        assertThat(agreementRows()).isEqualTo(before);
        var ok = web.form("/agreements", Http.csrf(form.body()), Map.of("type", "MOU", "title", "AGRTEST form",
                "signedOn", "2025-02-01", "parties", "USA", "marking", REL));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(web.get(ok.header("Location"), null).body()).contains("AGRTEST form", "Sat 1 Feb 2025");
    }
}
