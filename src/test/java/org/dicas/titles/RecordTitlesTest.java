package org.dicas.titles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Records in both languages (ADR 0031): the other language's title is written by government users who may read the
 * record, against its version, audited; a draft stays labelled until confirmed; the page shows the reader's language
 * first; search finds a record by its other-language title for readers who may read it, and only for them.
 */
@PlatformTest
class RecordTitlesTest {

    static final String MARKING = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long document(Http http, String token, String title) {
        var r = http.post("/api/v1/documents", token, Map.of("title", title, "body", "Notes.", "marking", MARKING));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Http.Response putTitle(Http http, String token, long id, String language, String title, boolean confirmed,
                           String ifMatch) {
        return http.putIfMatch("/api/v1/records/" + id + "/titles/" + language, token,
                Map.of("title", title, "summary", "", "confirmed", confirmed), ifMatch);
    }

    int auditEntries(long id, String action) {
        return jdbc.sql("select count(*) from audit_entry where record_id = :id and action = :a").param("id", id)
                .param("a", action).query(Integer.class).single();
    }

    @Test
    void aJapaneseOfficialDraftsThenConfirmsTheJapaneseTitleOfAnAmericanRecord() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String jp = http.token("jp.atla", "demo");
        long id = document(http, us, "Trainer jets for the allied school");

        var read = http.get("/api/v1/records/" + id + "/titles", jp);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("original").asString()).isEqualTo("en");
        assertThat(read.json().get("marking").asString()).isEqualTo(MARKING);
        assertThat(read.json().get("en").get("title").asString()).isEqualTo("Trainer jets for the allied school");
        assertThat(read.json().get("en").get("own").asBoolean()).isTrue();
        assertThat(read.json().get("ja").isNull()).isTrue();
        String etag = read.header("ETag");

        var draft = http.get("/api/v1/records/" + id + "/titles/ja/draft", jp);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("title").asString()).contains("練習機");
        assertThat(draft.json().get("stored").asBoolean()).isFalse();
        assertThat(draft.json().get("marking").asString()).isEqualTo(MARKING);

        var saved = putTitle(http, jp, id, "ja", "同盟国学校向け練習機", false, etag);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("ja").get("draft").asBoolean()).isTrue();
        assertThat(saved.json().get("ja").get("own").asBoolean()).isFalse();
        assertThat(saved.header("ETag")).isNotEqualTo(etag);
        assertThat(auditEntries(id, "TITLE")).isEqualTo(1);

        // a change made against the version before the draft saves nothing
        var stale = putTitle(http, jp, id, "ja", "古い版からの件名", true, etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(http.get("/api/v1/records/" + id + "/titles", jp).json().get("ja").get("title").asString())
                .isEqualTo("同盟国学校向け練習機");

        var confirmed = putTitle(http, jp, id, "ja", "同盟国の学校向け練習機", true, saved.header("ETag"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        JsonNode ja = confirmed.json().get("ja");
        assertThat(ja.get("draft").asBoolean()).isFalse();
        assertThat(ja.get("title").asString()).isEqualTo("同盟国の学校向け練習機");
        assertThat(ja.get("writtenBy").asString()).contains("森");
        assertThat(auditEntries(id, "TITLE")).isEqualTo(2);
        // the American author reads both
        assertThat(http.get("/api/v1/records/" + id + "/titles", us).json().get("ja").get("title").asString())
                .isEqualTo("同盟国の学校向け練習機");
    }

    @Test
    void industryUsersWhoDidNotWriteTheRecordAreRefusedAndHiddenRecordsAnswerLikeMissingOnes() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String industry = http.token("jp.industry", "demo");
        String au = http.token("au.dod", "demo");
        long id = document(http, us, "Radar sustainment notes");
        String etag = http.get("/api/v1/records/" + id + "/titles", us).header("ETag");

        var refused = putTitle(http, industry, id, "ja", "レーダー", true, etag);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(auditEntries(id, "TITLE")).isZero();

        assertThat(http.get("/api/v1/records/" + id + "/titles", au).status()).isEqualTo(404);
        assertThat(putTitle(http, au, id, "ja", "レーダー", true, etag).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/records/" + id + "/titles/ja/draft", au).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from record_title where record_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theRecordsOwnTitleAndBadInputAreRefusedInTheCallersLanguage() throws Exception {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        long id = document(http, us, "Own title");
        String etag = http.get("/api/v1/records/" + id + "/titles", us).header("ETag");

        var own = putTitle(http, us, id, "en", "Another English title", true, etag);
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.json().get("field").asString()).isEqualTo("language");
        assertThat(own.json().get("detail").asString()).contains("English title is the record's own");

        var empty = putTitle(http, us, id, "ja", "  ", true, etag);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asString()).isEqualTo("title");

        var badLanguage = putTitle(http, us, id, "fr", "Titre", true, etag);
        assertThat(badLanguage.status()).isEqualTo(400);

        HttpResponse<String> ja = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/records/" + id + "/titles/en"))
                .header("Authorization", "Bearer " + us).header("Accept-Language", "ja")
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\",\"summary\":\"\",\"confirmed\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ja.statusCode()).isEqualTo(400);
        JsonNode problem = Http.JSON.readTree(ja.body());
        assertThat(problem.get("detail").asString()).contains("言語", "英語の件名は記録の元の件名です");
        assertThat(problem.get("messageKey").asString()).isEqualTo("titles.error.ownTitle");
        assertThat(jdbc.sql("select count(*) from record_title where record_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aJapaneseReaderSeesTheJapaneseTitleFirstTheEnglishBeneathAndADraftLabelled() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        long id = document(http, us, "Interceptor co-production review");

        Http web = new Http(port).signIn("jp.atla", "demo");
        String before = web.get("/documents/" + id + "?lang=ja", null).body();
        var offer = Jsoup.parse(before).select("#titles a.title-draft-offer");
        assertThat(offer).hasSize(1);
        assertThat(offer.text()).isEqualTo("用語集から日本語の件名の下書きを作成");

        String form = web.get("/documents/" + id + "?titles=ja", null).body();
        var input = Jsoup.parse(form).select("#titles form.title-form input[name=title]");
        assertThat(input.attr("value")).isEqualTo("迎撃ミサイル共同生産 review");
        assertThat(Jsoup.parse(form).select("#titles form.title-form").text()).contains("下書き（未確定）");

        var r = web.form("/records/" + id + "/titles/ja", Http.csrf(form), Map.of("title", "迎撃ミサイル共同生産の審査",
                "summary", "", "version", Jsoup.parse(form).select("#titles input[name=version]").attr("value"),
                "confirmed", "false"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/documents/" + id);

        var shown = Jsoup.parse(web.get("/documents/" + id, null).body()).select("#titles dl.titles dd");
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0).attr("lang")).isEqualTo("ja");
        assertThat(shown.get(0).select(".title-text").text()).isEqualTo("迎撃ミサイル共同生産の審査");
        assertThat(shown.get(0).select(".draft-label").text()).isEqualTo("下書き（未確定）");
        assertThat(shown.get(1).attr("lang")).isEqualTo("en");
        assertThat(shown.get(1).select(".title-text").text()).isEqualTo("Interceptor co-production review");

        // the American reader: English first, the Japanese draft beneath and labelled in English
        Http usWeb = new Http(port).signIn("us.acq", "demo");
        var usShown = Jsoup.parse(usWeb.get("/documents/" + id, null).body()).select("#titles dl.titles dd");
        assertThat(usShown.get(0).attr("lang")).isEqualTo("en");
        assertThat(usShown.get(1).attr("lang")).isEqualTo("ja");
        assertThat(usShown.get(1).select(".draft-label").text()).isEqualTo("Draft — not yet confirmed");

        // an empty title is refused on the form, what was typed is kept, nothing is saved
        String again = web.get("/documents/" + id + "?titles=ja", null).body();
        var bad = web.form("/records/" + id + "/titles/ja", Http.csrf(again), Map.of("title", " ",
                "summary", "概要だけ", "version", Jsoup.parse(again).select("#titles input[name=version]").attr("value"),
                "confirmed", "true"));
        assertThat(bad.status()).isEqualTo(302);
        String refused = web.get(bad.header("Location"), null).body();
        assertThat(Jsoup.parse(refused).select("#titles .error-summary").text()).contains("件名を入力してください");
        assertThat(Jsoup.parse(refused).select("#titles textarea[name=summary]").text()).isEqualTo("概要だけ");
        assertThat(jdbc.sql("select draft from record_title where record_id = :id and language = 'ja'").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void searchFindsARecordByItsOtherLanguageTitleOnlyForReadersWhoMayReadIt() throws Exception {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        String jp = http.token("jp.atla", "demo");
        String au = http.token("au.dod", "demo");
        long id = document(http, us, "Quarterly workshop notes");
        String etag = http.get("/api/v1/records/" + id + "/titles", jp).header("ETag");
        assertThat(putTitle(http, jp, id, "ja", "四半期の揚陸艇検討会メモ", true, etag).status()).isEqualTo(200);

        assertThat(found(http, jp, "揚陸艇検討会", id)).isTrue();
        assertThat(found(http, us, "揚陸艇検討会", id)).isTrue();
        assertThat(found(http, au, "揚陸艇検討会", id)).isFalse();
    }

    boolean found(Http http, String token, String q, long id) throws InterruptedException {
        String path = "/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            var r = http.get(path, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            for (JsonNode hit : r.json().get("items")) {
                if (hit.get("id").asLong() == id) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void kindsThatHoldBothTitlesInTheirOwnRowKeepTheTableInStep() {
        Long meeting = jdbc.sql("select id from meeting where title_ja <> '' and title_en <> '' order by id limit 1")
                .query(Long.class).optional().orElse(null);
        assertThat(meeting).as("a demo meeting with both titles").isNotNull();
        assertThat(jdbc.sql("select count(*) from record_title where record_id = :id and written_by is null")
                .param("id", meeting).query(Integer.class).single()).isEqualTo(2);
        String was = jdbc.sql("select title_ja from meeting where id = :id").param("id", meeting).query(String.class).single();
        try {
            jdbc.sql("update meeting set title_ja = '改題した会合' where id = :id").param("id", meeting).update();
            assertThat(jdbc.sql("select title from record_title where record_id = :id and language = 'ja'")
                    .param("id", meeting).query(String.class).single()).isEqualTo("改題した会合");
        } finally {
            jdbc.sql("update meeting set title_ja = :t where id = :id").param("t", was).param("id", meeting).update();
        }
    }

    /** Every kind with a page of its own shows the titles under its heading (one fragment, every record page). */
    @Test
    void everyRecordPageShowsTheTitlesUnderItsHeading() {
        Http web = new Http(port).signIn("us.acq", "demo");
        Http jpWeb = new Http(port).signIn("jp.atla", "demo");
        java.util.List<String> kinds = java.util.List.of("DOCUMENT", "THREAD", "MEETING", "WORKING_GROUP", "PROGRAM",
                "AGREEMENT", "REQUIREMENT", "ACQUISITION_PLAN", "LEAD", "OPPORTUNITY", "SOSA_REQUEST", "SUPPLY_NETWORK",
                "REPAIR_JOB", "REPAIR_FACILITY", "COPRODUCTION_PLAN");
        java.util.List<String> without = new java.util.ArrayList<>();
        for (String kind : kinds) {
            java.util.List<String> links = jdbc.sql("select link from record where kind = :k and link <> '' order by id limit 20")
                    .param("k", kind).query(String.class).list();
            assertThat(links).as("demo records of kind " + kind).isNotEmpty();
            String page = null;
            for (String link : links) {
                for (Http h : java.util.List.of(web, jpWeb)) {
                    var r = h.get(link, null);
                    if (r.status() == 200) {
                        page = r.body();
                        break;
                    }
                    assertThat(r.status()).as(kind + " " + link).isIn(403, 404);
                }
                if (page != null) {
                    break;
                }
            }
            assertThat(page).as("a readable page of kind " + kind).isNotNull();
            var doc = Jsoup.parse(page);
            if (doc.select("h1 + #titles").isEmpty() || doc.select("#titles dl.titles dd[lang]").isEmpty()) {
                without.add(kind);
            }
        }
        assertThat(without).as("record pages without the titles under their heading").isEmpty();
    }
}
