package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The server-rendered pages: sign-in, forms with CSRF, form errors that save nothing, banners and headers. */
@PlatformTest
class ForumPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    int documents() {
        return jdbc.sql("select count(*) from document").query(Integer.class).single();
    }

    @Test
    void pagesRequireSignInAndSendSecurityHeaders() {
        Http anonymous = new Http(port);
        var r = anonymous.get("/documents", null);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/login");
        var login = anonymous.get("/login", null);
        assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void everyPageHasAnIconThatLoadsWithoutSigningIn() {
        Http anonymous = new Http(port);
        assertThat(anonymous.get("/login", null).body()).contains("rel=\"icon\" href=\"/img/favicon.svg\"");
        var svg = anonymous.get("/img/favicon.svg", null);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        var ico = anonymous.get("/favicon.ico", null);
        assertThat(ico.status()).as("browsers that ask for /favicon.ico do not get a 404").isEqualTo(200);
    }

    @Test
    void wrongPasswordOnTheFormShowsAnError() {
        Http web = new Http(port).acceptSignInNotice();
        var page = web.get("/login", null);
        var r = web.form("/login", Http.csrf(page.body()), Map.of("username", "jp.atla", "password", "wrong"));
        assertThat(r.header("Location")).contains("/login?error");
    }

    @Test
    void documentFormCreatesADocumentAndShowsItWithItsBanner() {
        Http web = new Http(port).signIn("us.acq", "demo");
        var form = web.get("/documents/new", null);
        var r = web.form("/documents", Http.csrf(form.body()), Map.of("title", "Form document",
                "body", "Plain **bold** <b>raw</b>", "marking", "CUI//REL TO USA, JPN"));
        assertThat(r.status()).isEqualTo(302);
        String page = web.get(r.header("Location"), null).body();
        assertThat(page).contains("Form document", "<strong>bold</strong>", "&lt;b&gt;raw&lt;/b&gt;");
        assertThat(page).contains("(CUI//REL TO USA, JPN)");
        // banner at top and bottom
        assertThat(page.split("class=\"banner banner-cui\"", -1)).hasSize(3);
    }

    @Test
    void invalidMarkingOnTheFormIsShownAndNothingIsSaved() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        int before = documents();
        var form = web.get("/documents/new", null);
        var r = web.form("/documents", Http.csrf(form.body()), Map.of("title", "Bad marking", "body", "x",
                "marking", "CUI//REL TO JPN,USA"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("error-summary", "Marking:", "JPN,USA");
        assertThat(documents()).isEqualTo(before);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    static java.util.Set<Long> offered(String page, String select) {
        return org.jsoup.Jsoup.parse(page).select(select + " option").stream()
                .map(o -> Long.parseLong(o.attr("value"))).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void meetingFormOffersAsAttendeesOnlyThoseWhoMayReadTheMeetingAtTheFormsMarking() {
        Http web = new Http(port).signIn("us.acq", "demo");
        long au = userId("au.dod");
        long usIndustry = userId("us.industry");
        long jpAtla = userId("jp.atla");
        long jpIndustry = userId("jp.industry");
        // a new meeting's form starts at CUI//REL TO USA, JPN
        var form = web.get("/meetings/new", null);
        assertThat(offered(form.body(), "select#attendeeIds")).contains(jpAtla, jpIndustry)
                .doesNotContain(au, usIndustry);
        // the form shown again offers the readers at the marking it now holds
        var again = web.form("/meetings", Http.csrf(form.body()), Map.of("kind", "PLENARY", "titleEn", "",
                "titleJa", "", "startsAt", "2099-03-01T10:00", "endsAt", "2099-03-01T12:00", "timeZone", "UTC",
                "location", "x", "marking", "UNCLASSIFIED//REL TO USA, JPN, AUS"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("error-summary");
        assertThat(offered(again.body(), "select#attendeeIds")).contains(au, usIndustry, jpAtla, jpIndustry);
    }

    @Test
    void formWithoutCsrfTokenIsRefused() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        int before = documents();
        var r = web.form("/documents", null, Map.of("title", "No CSRF", "body", "x", "marking", "PUBLIC"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void languageSwitchShowsJapaneseAndIsRememberedForTheUser() {
        Http web = new Http(port).signIn("jp.msdf", "demo");
        assertThat(web.get("/?lang=ja", null).body()).contains("lang=\"ja\"", "作業部会", "ダッシュボード");
        Http again = new Http(port).signInKeepingLanguage("jp.msdf", "demo");
        assertThat(again.get("/", null).body()).contains("lang=\"ja\"", "作業部会");
        assertThat(again.get("/?lang=en", null).body()).contains("lang=\"en\"", "Working groups");
    }

    @Test
    void replyIsPostedEditedAndDeletedFromThePages() {
        Http web = new Http(port).signIn("au.dod", "demo");
        var form = web.get("/discussions/new", null);
        var created = web.form("/discussions", Http.csrf(form.body()), Map.of("title", "Pages thread",
                "body", "Opening", "marking", "UNCLASSIFIED"));
        String threadPath = created.header("Location");
        var page = web.get(threadPath, null);
        var reply = web.form(threadPath + "/replies", Http.csrf(page.body()), Map.of("body", "First answer",
                "marking", "UNCLASSIFIED"));
        assertThat(reply.status()).isEqualTo(302);
        String replyId = reply.header("Location").replaceAll(".*#reply-", "");
        page = web.get(threadPath, null);
        assertThat(page.body()).contains("First answer", "id=\"reply-" + replyId + "\"");
        web.form(threadPath + "/replies/" + replyId + "/delete", Http.csrf(page.body()),
                Map.of("version", Http.version(page.body())));
        page = web.get(threadPath, null);
        assertThat(page.body()).contains("id=\"reply-" + replyId + "\"").doesNotContain("First answer")
                .contains("deleted by its author");
    }

    @Test
    void meetingCalendarDownloadsAsIcs() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        long meeting = jdbc.sql("select min(id) from meeting").query(Long.class).single();
        var ics = web.get("/meetings/" + meeting + "/calendar.ics", null);
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.header("Content-Disposition")).contains("attachment");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT", "END:VCALENDAR");
        for (String line : ics.body().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }
}
