package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dicas.PlatformTest;
import org.dicas.security.Directory;
import org.dicas.security.DicasUser;
import org.dicas.support.Http;
import org.dicas.support.RequirementCopies;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workflows around the long lists (issue 15, point 7): create forms behind a button that open on errors, a
 * success message after each change, a confirm step before Track and Promote, no second opportunity for a
 * pair or a lead already in the pipeline, and error pages inside the application's chrome.
 */
@PlatformTest
class ListWorkflowsPageTest {

    static final Pattern OPEN_LEAD_FORM = Pattern.compile("<details class=\"create-form\" id=\"new-lead-form\" open");

    @LocalServerPort
    int port;
    @Autowired
    Requirements requirements;
    @Autowired
    Directory directory;

    Http web;
    Http api;
    String us;
    String jp;
    DicasUser usUser;

    @BeforeEach
    void signIn() {
        web = new Http(port).signIn("us.acq", "demo");
        api = new Http(port);
        us = Tokens.of(port, "us.acq");
        jp = Tokens.of(port, "jp.atla");
        usUser = directory.userByUsername("us.acq").orElseThrow();
    }

    /** A fresh pair of a US and a Japanese requirement (copies of the PAC-3 pair) that nothing tracks yet. */
    long[] freshPair() {
        Requirement usReq = requirements.readable(usUser).stream()
                .filter(r -> "PAC-3 MSE interceptor production ramp-up".equals(r.titleEn())).findFirst().orElseThrow();
        Requirement jpReq = requirements.readable(usUser).stream()
                .filter(r -> "ペトリオットPAC-3 MSE迎撃ミサイルのライセンス生産能力の増強".equals(r.titleJa())).findFirst()
                .orElseThrow();
        return new long[] {RequirementCopies.copy(api, us, usReq), RequirementCopies.copy(api, jp, jpReq)};
    }

    @Test
    void aCreateFormWaitsBehindItsButtonAndOpensWhenItComesBackWithErrors() {
        String list = web.get("/leads?lang=en", null).body();
        assertThat(list).contains("<details class=\"create-form\" id=\"new-lead-form\">",
                "<summary><h2 id=\"new-lead\">Enter a lead</h2></summary>");
        assertThat(OPEN_LEAD_FORM.matcher(list).find()).as("closed until asked for").isFalse();
        var bad = web.form("/leads", Http.csrf(list), Map.of("sourceType", "OTHER", "sourceName", "Form test",
                "title", "FORMTEST lead with a bad date", "date", "2025-13-45", "text", "text", "marking",
                "CUI//REL TO USA, JPN"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(OPEN_LEAD_FORM.matcher(bad.body()).find()).as("open with its errors").isTrue();
        assertThat(bad.body()).contains("value=\"FORMTEST lead with a bad date\"", "error-summary");
    }

    @Test
    void aChangeIsAcknowledgedOnceOnTheNextPageInTheReadersLanguage() {
        Http ja = new Http(port).inLanguage("ja").signIn("us.acq", "demo");
        try {
            String list = ja.get("/leads?lang=ja", null).body();
            var created = ja.form("/leads", Http.csrf(list), Map.of("sourceType", "OTHER", "sourceName", "Flash test",
                    "title", "FLASHTEST 共同調達の打診", "text", "共同調達の打診があった。", "marking",
                    "CUI//REL TO USA, JPN"));
            assertThat(created.status()).as(created.body()).isEqualTo(302);
            String next = ja.get(created.header("Location"), null).body();
            assertThat(next).contains("<div class=\"flash\" role=\"status\"><p>リード「FLASHTEST 共同調達の打診」を登録しました。</p></div>");
            assertThat(ja.get(created.header("Location"), null).body()).as("said once").doesNotContain("class=\"flash\"");

            String notices = ja.get("/notifications", null).body();
            var marked = ja.form("/notifications/read", Http.csrf(notices), Map.of());
            assertThat(marked.status()).isEqualTo(302);
            assertThat(ja.get(marked.header("Location"), null).body()).as("any other change, in general words")
                    .contains("<div class=\"flash\" role=\"status\"><p>変更を保存しました。</p></div>");
        } finally {
            ja.get("/?lang=en", null);
        }
    }

    @Test
    void trackAndPromoteEachAskToBeConfirmedInsideTheirButton() {
        long[] pair = freshPair();
        String pairPage = web.get("/opportunities/pair?lang=en&a=" + pair[0] + "&b=" + pair[1], null).body();
        assertThat(pairPage).containsPattern("<details class=\"confirm\">\\s*<summary class=\"button primary\">"
                + "Track this opportunity</summary>\\s*<form method=\"post\" class=\"form\" action=\"/opportunities\">"
                + "(<input type=\"hidden\" name=\"_csrf\"[^>]*>)?\\s*<p>This starts tracking");
        assertThat(pairPage).contains("<button type=\"submit\" class=\"primary\">Yes, track it</button>")
                .doesNotContain(">Track this opportunity</button>");

        long lead = api.post("/api/v1/leads", us, Map.of("sourceType", "OTHER", "sourceName", "Confirm test",
                "title", "CONFIRMTEST lead", "text", "PAC-3 interceptor production", "marking",
                "CUI//REL TO USA, JPN")).json().get("id").asLong();
        String leadPage = web.get("/leads/" + lead + "?lang=en", null).body();
        assertThat(leadPage).containsPattern("<details class=\"confirm\">\\s*<summary class=\"button primary\">"
                + "Promote to the pipeline</summary>");
    }

    @Test
    void aPairAlreadyTrackedIsRefusedWith409NamingTheOpportunityAndThePageLinksToItInsteadOfTheButton() {
        long[] pair = freshPair();
        Map<String, Object> body = Map.of("title", "DUPTEST PAC-3 pair", "requirementIds", List.of(pair[0], pair[1]));
        var first = api.post("/api/v1/opportunities", us, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long existing = first.json().get("id").asLong();

        var again = api.post("/api/v1/opportunities", jp, Map.of("title", "DUPTEST again",
                "requirementIds", List.of(pair[1], pair[0])));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("existingId").asLong()).isEqualTo(existing);
        assertThat(again.json().get("field").asString()).isEqualTo("requirementIds");
        assertThat(again.json().get("detail").asString()).contains("this pair is already tracked as “DUPTEST PAC-3 pair” (#" + existing + ", Candidate)");

        String page = web.get("/opportunities/pair?lang=en&a=" + pair[0] + "&b=" + pair[1], null).body();
        assertThat(page).contains("Already tracked as:", "href=\"/opportunities/" + existing + "\"")
                .doesNotContain("Track this opportunity</summary>");
        var posted = web.form("/opportunities", Http.csrf(page), List.of(Map.entry("requirementIds",
                String.valueOf(pair[0])), Map.entry("requirementIds", String.valueOf(pair[1]))));
        assertThat(posted.status()).as("the page refuses too, on the board").isEqualTo(200);
        assertThat(posted.body()).contains("this pair is already tracked as “DUPTEST PAC-3 pair” (#" + existing);
    }

    @Test
    void aLeadIsPromotedOnceAndThenLinksItsOpportunity() {
        long lead = api.post("/api/v1/leads", us, Map.of("sourceType", "OTHER", "sourceName", "Promote test",
                "title", "PROMOTETEST lead", "text", "PAC-3 interceptor production", "marking",
                "CUI//REL TO USA, JPN")).json().get("id").asLong();
        var first = api.post("/api/v1/opportunities", us, Map.of("title", "PROMOTETEST", "leadId", lead));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var again = api.post("/api/v1/opportunities", us, Map.of("title", "PROMOTETEST again", "leadId", lead));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("field").asString()).isEqualTo("leadId");
        String page = web.get("/leads/" + lead + "?lang=en", null).body();
        assertThat(page).contains("href=\"/opportunities/" + first.json().get("id").asLong() + "\"")
                .doesNotContain("Promote to the pipeline</summary>");
    }

    @Test
    void theNotFoundPageKeepsTheNavigationTheUserAndTheBanner() {
        // a hidden or missing record (an exception handler's page); an unknown path (/error) is in LongListsBrowserTest
        for (String path : List.of("/opportunities/999999999?lang=en", "/leads/999999999?lang=en")) {
            var missing = web.get(path, null);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).contains("Not found", "class=\"nav\"", "href=\"/leads\"",
                    "Sign out", "class=\"lang-switch\"", "class=\"banner banner-public\"", usUser.displayName());
        }
    }
}
