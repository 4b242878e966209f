package org.dicas.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Stored (and reflected) cross-site scripting. Every payload goes into every user-text field that pages show (in
 * three groups side by side, so each value still fits a title), once through the JSON API and once through the HTML
 * forms, in English and Japanese. Every page that shows the text is then parsed: it must contain no foreign script,
 * no event attribute, no {@code javascript:} URL, and it must show the text escaped (so the test cannot pass because
 * the text is simply missing). The JSON API returns the text verbatim, as JSON.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredXssTest {

    /** A payload; {@code markdownShows} is what a reader sees when it is rendered as Markdown (null: the text itself). */
    record Payload(String name, String text, String markdownShows) {
        String shownAsMarkdown() {
            return markdownShows == null ? text : markdownShows;
        }
    }

    static final List<Payload> PAYLOADS = List.of(
            new Payload("script element", "<script>alert(1)</script>", null),
            new Payload("attribute breakout with img onerror", "\"><img src=x onerror=alert(1)>", null),
            new Payload("single-quote attribute breakout", "' onmouseover='alert(1)", null),
            new Payload("Markdown javascript: link", "[click](javascript:alert(1))", "click"),
            new Payload("Markdown javascript: autolink", "<javascript:alert(1)>", "javascript:alert(1)"),
            new Payload("raw anchor with javascript: href", "<a href=\"javascript:alert(1)\">x</a>", null),
            new Payload("svg onload", "<svg/onload=alert(1)>", null),
            new Payload("Japanese text with script", "日本語<script>alert('日本')</script>", null),
            new Payload("mixed-case JaVaScRiPt: link", "[x](JaVaScRiPt:alert(1))", "x"),
            new Payload("entity-obfuscated java&#9;script: link", "[x](java&#9;script:alert(1))", "x"),
            new Payload("htmx attribute injection", "<div hx-get=\"/logout\" hx-trigger=\"load\">htmx</div>", null),
            new Payload("textarea breakout", "</textarea><script>alert(1)</script>", null),
            new Payload("title breakout", "</title><script>alert(1)</script>", null));

    /**
     * The payloads stored together in one value (each value must fit a 200-character title). Side by side they are
     * harder on the escaping than alone: one payload's quote could open what the next one closes.
     */
    static final List<List<Payload>> GROUPS = List.of(
            List.of(PAYLOADS.get(0), PAYLOADS.get(1), PAYLOADS.get(2), PAYLOADS.get(3), PAYLOADS.get(4), PAYLOADS.get(6)),
            List.of(PAYLOADS.get(5), PAYLOADS.get(7), PAYLOADS.get(8), PAYLOADS.get(9), PAYLOADS.get(12)),
            List.of(PAYLOADS.get(10), PAYLOADS.get(11)));

    static final String MARKING = "CUI//REL TO USA, JPN";

    /** The fields of one record set; {@code md} fields are rendered as Markdown on their pages. */
    enum Field {
        DOC_TITLE("dt", false, false), DOC_BODY("db", true, false),
        THREAD_TITLE("tt", false, false), THREAD_BODY("tb", true, false), REPLY_BODY("rb", true, false),
        MEETING_TITLE_EN("me", false, false), MEETING_TITLE_JA("mj", false, true), MEETING_LOCATION("ml", false, false),
        MINUTES("mm", true, false),
        AGENDA_TITLE("at", false, false), AGENDA_DESCRIPTION("ad", true, false), AGENDA_PRESENTER("ap", false, false),
        DECISION("dx", false, false), ACTION_TITLE("ai", false, false),
        WG_NAME_EN("we", false, false), WG_NAME_JA("wj", false, true), WG_MANDATE_EN("wm", true, false),
        WG_MANDATE_JA("wk", true, true), WG_CO_CHAIR("wc", false, false);

        final String code;
        final boolean md;
        final boolean japanese;

        Field(String code, boolean md, boolean japanese) {
            this.code = code;
            this.md = md;
            this.japanese = japanese;
        }
    }

    /** A group of payloads stored in every field through one channel (API or forms), with the ids of what was created. */
    static final class Stored {
        final List<Payload> payloads;
        final boolean api;
        final String marker;
        long wg;
        long doc;
        long thread;
        long reply;
        long meeting;
        long agenda;
        long action;

        Stored(int index, List<Payload> payloads, boolean api) {
            this.payloads = payloads;
            this.api = api;
            this.marker = String.format("xss%02d%s", index, api ? "a" : "f");
        }

        private String prefix(Field f) {
            return marker + "-" + f.code + " " + (f.japanese ? "日本語の項目 " : "");
        }

        /** The value stored in a field. */
        String v(Field f) {
            return prefix(f) + String.join(" ", payloads.stream().map(Payload::text).toList());
        }

        /** What a reader sees of a field where it is rendered (Markdown or plain text). */
        String shown(Field f) {
            return f.md ? prefix(f) + String.join(" ", payloads.stream().map(Payload::shownAsMarkdown).toList()) : v(f);
        }

        /** What a reader sees of a field in an edit form (always the plain text). */
        String literal(Field f) {
            return v(f);
        }

        @Override
        public String toString() {
            return "payloads " + payloads.stream().map(p -> "'" + p.name() + "'").toList() + " stored through "
                    + (api ? "the API" : "the forms") + " (" + marker + ")";
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String acqToken;
    String adminToken;
    Http web;
    Http adminWeb;
    Http jaWeb;
    String webCsrf;
    String adminCsrf;
    long acqId;
    String jpAtlaLocale;
    int meetingsCreated;
    final List<Stored> sets = new ArrayList<>();
    final List<String> dashboardFailures = new ArrayList<>();

    @BeforeAll
    void storePayloadsEverywhere() {
        http = new Http(port);
        acqToken = AttackSupport.token(port, DemoUsers.US_ACQ);
        adminToken = AttackSupport.token(port, DemoUsers.ADMIN);
        web = AttackSupport.session(port, DemoUsers.US_ACQ);
        adminWeb = AttackSupport.session(port, DemoUsers.ADMIN);
        webCsrf = Http.csrf(web.get("/", null).body());
        adminCsrf = Http.csrf(adminWeb.get("/", null).body());
        acqId = AttackSupport.userId(jdbc, DemoUsers.US_ACQ);
        jpAtlaLocale = jdbc.sql("select locale from app_user where username = 'jp.atla'").query(String.class).optional()
                .orElse(null);
        for (int i = 0; i < GROUPS.size(); i++) {
            for (boolean api : new boolean[] {true, false}) {
                Stored s = new Stored(i, GROUPS.get(i), api);
                if (api) {
                    createThroughApi(s);
                } else {
                    createThroughForms(s);
                }
                sets.add(s);
                // the dashboard shows the 5 most recent threads and the 5 soonest meetings: check this set right away
                String dashboard = page(web, "/", s);
                expectShown("dashboard /", dashboard, s, List.of(s.v(Field.THREAD_TITLE), s.v(Field.MEETING_TITLE_EN),
                        s.v(Field.MEETING_LOCATION), s.v(Field.ACTION_TITLE)), dashboardFailures);
            }
        }
        jaWeb = AttackSupport.session(port, DemoUsers.JP_ATLA); // switched to Japanese, and back at the end
        assertThat(jaWeb.get("/?lang=ja", null).body()).contains("lang=\"ja\"");
    }

    @AfterAll
    void restoreLanguage() {
        jaWeb.get("/?lang=en", null);
        jdbc.sql("update app_user set locale = :l where username = 'jp.atla'").param("l", jpAtlaLocale).update();
    }

    // ---- creating the records ----------------------------------------------------------------------------------

    Map<String, Object> meetingTimes() {
        // each new meeting starts earlier than the previous ones and is still running: first among "upcoming"
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        meetingsCreated++;
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        return Map.of("startsAt", now.minusDays(2).minusHours(meetingsCreated).format(f),
                "endsAt", now.plusDays(30).format(f));
    }

    void createThroughApi(Stored s) {
        var wg = http.post("/api/v1/working-groups", adminToken, Map.of("code", s.marker.toUpperCase(),
                "nameEn", s.v(Field.WG_NAME_EN), "nameJa", s.v(Field.WG_NAME_JA), "mandateEn", s.v(Field.WG_MANDATE_EN),
                "mandateJa", s.v(Field.WG_MANDATE_JA), "status", "ACTIVE", "marking", MARKING,
                "coChairs", List.of(Map.of("nation", "USA", "name", s.v(Field.WG_CO_CHAIR)))));
        assertThat(wg.status()).as(s + ": create working group " + wg.body()).isEqualTo(201);
        s.wg = wg.json().get("id").asLong();
        var doc = http.post("/api/v1/documents", acqToken, Map.of("title", s.v(Field.DOC_TITLE),
                "body", s.v(Field.DOC_BODY), "marking", MARKING, "workingGroupId", s.wg));
        assertThat(doc.status()).as(s + ": create document " + doc.body()).isEqualTo(201);
        s.doc = doc.json().get("id").asLong();
        var thread = http.post("/api/v1/threads", acqToken, Map.of("workingGroupId", s.wg,
                "title", s.v(Field.THREAD_TITLE), "body", s.v(Field.THREAD_BODY), "marking", MARKING));
        assertThat(thread.status()).as(s + ": create thread " + thread.body()).isEqualTo(201);
        s.thread = thread.json().get("id").asLong();
        var reply = http.post("/api/v1/threads/" + s.thread + "/replies", acqToken,
                Map.of("body", s.v(Field.REPLY_BODY), "marking", MARKING));
        assertThat(reply.status()).as(s + ": reply " + reply.body()).isEqualTo(201);
        s.reply = reply.json().get("id").asLong();
        Map<String, Object> meeting = new LinkedHashMap<>(Map.of("kind", "WORKING_GROUP", "workingGroupId", s.wg,
                "titleEn", s.v(Field.MEETING_TITLE_EN), "titleJa", s.v(Field.MEETING_TITLE_JA), "timeZone", "UTC",
                "location", s.v(Field.MEETING_LOCATION), "marking", MARKING));
        meeting.putAll(meetingTimes());
        var m = http.post("/api/v1/meetings", acqToken, meeting);
        assertThat(m.status()).as(s + ": create meeting " + m.body()).isEqualTo(201);
        s.meeting = m.json().get("id").asLong();
        var agenda = http.post("/api/v1/meetings/" + s.meeting + "/agenda-items", acqToken, Map.of(
                "title", s.v(Field.AGENDA_TITLE), "description", s.v(Field.AGENDA_DESCRIPTION),
                "presenter", s.v(Field.AGENDA_PRESENTER), "marking", MARKING));
        assertThat(agenda.status()).as(s + ": agenda item " + agenda.body()).isEqualTo(201);
        s.agenda = agenda.json().get("id").asLong();
        var decision = http.post("/api/v1/meetings/" + s.meeting + "/decisions", acqToken,
                Map.of("text", s.v(Field.DECISION), "agendaItemId", s.agenda, "marking", MARKING));
        assertThat(decision.status()).as(s + ": decision " + decision.body()).isEqualTo(201);
        var action = http.post("/api/v1/action-items", acqToken, Map.of("meetingId", s.meeting, "agendaItemId", s.agenda,
                "title", s.v(Field.ACTION_TITLE), "ownerId", acqId, "dueDate", "2099-12-31", "marking", MARKING));
        assertThat(action.status()).as(s + ": action item " + action.body()).isEqualTo(201);
        s.action = action.json().get("id").asLong();
        var minutes = http.put("/api/v1/meetings/" + s.meeting + "/minutes", acqToken, Map.of("minutes", s.v(Field.MINUTES)));
        assertThat(minutes.status()).as(s + ": minutes " + minutes.body()).isEqualTo(200);
    }

    long idFromLocation(Http.Response r, String prefix, Stored s, String what) {
        assertThat(r.status()).as(s + ": " + what + " via form should redirect, got " + r.status() + " "
                + AttackSupport.abbreviate(r.body())).isEqualTo(302);
        String location = r.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(location).as(s + ": " + what + " redirect").startsWith(prefix);
        return Long.parseLong(location.substring(prefix.length()).replaceAll("[^0-9].*$", ""));
    }

    void createThroughForms(Stored s) {
        Map<String, String> wg = new LinkedHashMap<>();
        wg.put("code", s.marker.toUpperCase());
        wg.put("nameEn", s.v(Field.WG_NAME_EN));
        wg.put("nameJa", s.v(Field.WG_NAME_JA));
        wg.put("mandateEn", s.v(Field.WG_MANDATE_EN));
        wg.put("mandateJa", s.v(Field.WG_MANDATE_JA));
        wg.put("status", "ACTIVE");
        wg.put("groupCode", "");
        wg.put("marking", MARKING);
        wg.put("chairNations[0]", "USA");
        wg.put("chairNames[0]", s.v(Field.WG_CO_CHAIR));
        s.wg = idFromLocation(adminWeb.form("/working-groups", adminCsrf, wg), "/working-groups/", s, "working group");
        s.doc = idFromLocation(web.form("/documents", webCsrf, Map.of("title", s.v(Field.DOC_TITLE),
                "body", s.v(Field.DOC_BODY), "marking", MARKING, "workingGroupId", "" + s.wg)), "/documents/", s, "document");
        s.thread = idFromLocation(web.form("/discussions", webCsrf, Map.of("title", s.v(Field.THREAD_TITLE),
                "body", s.v(Field.THREAD_BODY), "marking", MARKING, "workingGroupId", "" + s.wg)), "/discussions/", s, "thread");
        var reply = web.form("/discussions/" + s.thread + "/replies", webCsrf,
                Map.of("body", s.v(Field.REPLY_BODY), "marking", MARKING));
        assertThat(reply.status()).as(s + ": reply via form " + AttackSupport.abbreviate(reply.body())).isEqualTo(302);
        s.reply = Long.parseLong(reply.header("Location").replaceAll(".*#reply-", ""));
        Map<String, String> meeting = new LinkedHashMap<>(Map.of("kind", "WORKING_GROUP", "workingGroupId", "" + s.wg,
                "titleEn", s.v(Field.MEETING_TITLE_EN), "titleJa", s.v(Field.MEETING_TITLE_JA), "timeZone", "UTC",
                "location", s.v(Field.MEETING_LOCATION), "marking", MARKING));
        meetingTimes().forEach((k, v) -> meeting.put(k, (String) v));
        s.meeting = idFromLocation(web.form("/meetings", webCsrf, meeting), "/meetings/", s, "meeting");
        String base = "/meetings/" + s.meeting;
        idFromLocation(web.form(base + "/agenda", webCsrf, Map.of("title", s.v(Field.AGENDA_TITLE),
                "description", s.v(Field.AGENDA_DESCRIPTION), "presenter", s.v(Field.AGENDA_PRESENTER),
                "marking", MARKING)), "/meetings/", s, "agenda item");
        s.agenda = jdbc.sql("select max(id) from agenda_item where meeting_id = :m").param("m", s.meeting)
                .query(Long.class).single();
        idFromLocation(web.form(base + "/decisions", webCsrf, Map.of("text", s.v(Field.DECISION),
                "agendaItemId", "" + s.agenda, "marking", MARKING)), "/meetings/", s, "decision");
        idFromLocation(web.form(base + "/action-items", webCsrf, Map.of("title", s.v(Field.ACTION_TITLE),
                "ownerId", "" + acqId, "dueDate", "2099-12-31", "agendaItemId", "" + s.agenda, "marking", MARKING)),
                "/meetings/", s, "action item");
        s.action = jdbc.sql("select max(id) from action_item where meeting_id = :m").param("m", s.meeting)
                .query(Long.class).single();
        idFromLocation(web.form(base + "/minutes", webCsrf, Map.of("minutes", s.v(Field.MINUTES),
                "version", Http.version(web.get(base, null).body()))), "/meetings/", s, "minutes");
    }

    // ---- checking pages ----------------------------------------------------------------------------------------

    String page(Http client, String path, Object what) {
        var r = client.get(path, null);
        assertThat(r.status()).as("GET " + path + " for " + what).isEqualTo(200);
        assertThat(r.header("Content-Type")).as("GET " + path).startsWith("text/html");
        return r.body();
    }

    /** The page runs no injected script, shows none of the raw payload markup, and shows each expected text escaped. */
    void expectShown(String where, String html, Object what, List<String> expected, List<String> failures) {
        expectShown(where, html, Jsoup.parse(html), what, expected, failures);
    }

    void expectShown(String where, String html, Document doc, Object what, List<String> expected, List<String> failures) {
        for (String problem : AttackSupport.scriptInjection(doc)) {
            failures.add(where + " for " + what + ": " + problem);
        }
        if (what instanceof Stored s) {
            for (Payload p : s.payloads) {
                if (p.text().contains("<") && html.contains(p.text())) {
                    failures.add(where + " for " + what + ": raw payload '" + p.name()
                            + "' appears unescaped in the HTML source: " + p.text());
                }
            }
        }
        String shown = AttackSupport.shownText(doc);
        for (String e : expected) {
            if (!shown.contains(AttackSupport.normalize(e))) {
                failures.add(where + " for " + what + ": the escaped text is not shown: " + e);
            }
        }
    }

    @Test
    void dashboardShowsEveryPayloadEscaped() {
        assertThat(dashboardFailures).as("dashboard").isEmpty();
    }

    @Test
    void detailAndEditPagesShowEveryPayloadEscaped() {
        List<String> failures = new ArrayList<>();
        int pages = 0;
        for (Stored s : sets) {
            expectShown("/documents/" + s.doc, page(web, "/documents/" + s.doc, s), s,
                    List.of(s.shown(Field.DOC_TITLE), s.shown(Field.DOC_BODY)), failures);
            expectShown("/documents/" + s.doc + "/edit", page(web, "/documents/" + s.doc + "/edit", s), s,
                    List.of(s.literal(Field.DOC_TITLE), s.literal(Field.DOC_BODY), s.v(Field.WG_NAME_EN)), failures);
            expectShown("/discussions/" + s.thread, page(web, "/discussions/" + s.thread, s), s,
                    List.of(s.shown(Field.THREAD_TITLE), s.shown(Field.THREAD_BODY), s.shown(Field.REPLY_BODY)), failures);
            String replyEdit = "/discussions/" + s.thread + "/replies/" + s.reply + "/edit";
            expectShown(replyEdit, page(web, replyEdit, s), s, List.of(s.literal(Field.REPLY_BODY)), failures);
            expectShown("/meetings/" + s.meeting, page(web, "/meetings/" + s.meeting, s), s, List.of(
                    s.shown(Field.MEETING_TITLE_EN), s.shown(Field.MEETING_TITLE_JA), s.shown(Field.MEETING_LOCATION),
                    s.shown(Field.MINUTES), s.literal(Field.MINUTES), s.shown(Field.AGENDA_TITLE),
                    s.shown(Field.AGENDA_DESCRIPTION), s.shown(Field.AGENDA_PRESENTER), s.shown(Field.DECISION),
                    s.shown(Field.ACTION_TITLE), s.shown(Field.WG_NAME_EN)), failures);
            expectShown("/meetings/" + s.meeting + "/edit", page(web, "/meetings/" + s.meeting + "/edit", s), s,
                    List.of(s.literal(Field.MEETING_TITLE_EN), s.literal(Field.MEETING_TITLE_JA),
                            s.literal(Field.MEETING_LOCATION), s.v(Field.WG_NAME_EN)), failures);
            expectShown("/working-groups/" + s.wg, page(web, "/working-groups/" + s.wg, s), s, List.of(
                    s.shown(Field.WG_NAME_EN), s.shown(Field.WG_NAME_JA), s.shown(Field.WG_MANDATE_EN),
                    s.shown(Field.WG_CO_CHAIR), s.shown(Field.MEETING_TITLE_EN), s.shown(Field.THREAD_TITLE),
                    s.shown(Field.DOC_TITLE)), failures);
            expectShown("/working-groups/" + s.wg + "/edit (admin)", page(adminWeb, "/working-groups/" + s.wg + "/edit", s),
                    s, List.of(s.literal(Field.WG_NAME_EN), s.literal(Field.WG_NAME_JA), s.literal(Field.WG_MANDATE_EN),
                            s.literal(Field.WG_MANDATE_JA), s.literal(Field.WG_CO_CHAIR)), failures);
            // Japanese pages show the Japanese names and mandate
            expectShown("/meetings/" + s.meeting + " (ja)", page(jaWeb, "/meetings/" + s.meeting, s), s,
                    List.of(s.shown(Field.MEETING_TITLE_JA), s.shown(Field.MEETING_TITLE_EN)), failures);
            expectShown("/working-groups/" + s.wg + " (ja)", page(jaWeb, "/working-groups/" + s.wg, s), s,
                    List.of(s.shown(Field.WG_NAME_JA), s.shown(Field.WG_MANDATE_JA), s.shown(Field.WG_NAME_EN)), failures);
            pages += 10;
        }
        assertThat(failures).as(failures.size() + " problems in " + pages + " pages").isEmpty();
    }

    @Test
    void listPagesAndFormsShowEveryPayloadEscaped() {
        List<String> failures = new ArrayList<>();
        Map<String, List<Field>> lists = new LinkedHashMap<>();
        lists.put("/documents", List.of(Field.DOC_TITLE));
        lists.put("/discussions", List.of(Field.THREAD_TITLE));
        lists.put("/meetings?size=200", List.of(Field.MEETING_TITLE_EN, Field.MEETING_LOCATION));
        lists.put("/action-items", List.of(Field.ACTION_TITLE));
        lists.put("/working-groups", List.of(Field.WG_NAME_EN, Field.WG_CO_CHAIR));
        lists.put("/documents/new", List.of(Field.WG_NAME_EN));
        lists.put("/discussions/new", List.of(Field.WG_NAME_EN));
        lists.put("/meetings/new", List.of(Field.WG_NAME_EN));
        for (var e : lists.entrySet()) {
            String html = page(web, e.getKey(), "all sets");
            Document doc = Jsoup.parse(html);
            for (Stored s : sets) {
                expectShown(e.getKey(), html, doc, s, e.getValue().stream().map(s::shown).toList(), failures);
            }
        }
        Map<String, List<Field>> japanese = new LinkedHashMap<>();
        japanese.put("/meetings?size=200", List.of(Field.MEETING_TITLE_JA, Field.MEETING_LOCATION));
        japanese.put("/working-groups", List.of(Field.WG_NAME_JA, Field.WG_CO_CHAIR));
        japanese.put("/", List.of());
        for (var e : japanese.entrySet()) {
            String html = page(jaWeb, e.getKey(), "all sets (ja)");
            assertThat(html).as(e.getKey() + " in Japanese").contains("lang=\"ja\"");
            Document doc = Jsoup.parse(html);
            for (Stored s : sets) {
                expectShown(e.getKey() + " (ja)", html, doc, s, e.getValue().stream().map(s::shown).toList(), failures);
            }
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void searchPageShowsEveryPayloadEscaped() {
        List<String> failures = new ArrayList<>();
        for (Stored s : sets) {
            String path = "/search?q=" + s.marker;
            String html = page(web, path, s);
            expectShown(path, html, s, List.of(s.shown(Field.DOC_TITLE), s.shown(Field.THREAD_TITLE),
                    s.shown(Field.MEETING_TITLE_EN), s.shown(Field.AGENDA_TITLE), s.shown(Field.ACTION_TITLE),
                    s.shown(Field.WG_NAME_EN)), failures);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void reflectedPayloadsInSearchQueriesFormErrorsAndUrlsAreEscaped() {
        List<String> failures = new ArrayList<>();
        for (Payload p : PAYLOADS) {
            String path = "/search?q=" + AttackSupport.enc(p.text());
            String html = page(web, path, p.name());
            expectShown(path, html, "reflected " + p.name(), List.of(p.text()), failures);
            if (html.contains(p.text()) && p.text().contains("<")) {
                failures.add(path + ": raw query appears unescaped");
            }
            // a form whose marking is invalid shows the submitted values (and the error naming them) again
            var form = web.form("/documents", webCsrf, Map.of("title", p.text(), "body", p.text(),
                    "marking", "CUI//REL TO " + p.text()));
            assertThat(form.status()).as("invalid document form with " + p.name()).isEqualTo(200);
            expectShown("POST /documents (form errors)", form.body(), "reflected " + p.name(), List.of(p.text()), failures);
            if (form.body().contains(p.text()) && p.text().contains("<")) {
                failures.add("POST /documents (form errors) with " + p.name() + ": raw payload appears unescaped");
            }
            var notFound = web.get("/documents/" + AttackSupport.segment(p.text()), null);
            assertThat(notFound.status()).as("/documents/<" + p.name() + ">").isIn(400, 404);
            if (notFound.status() == 404) {
                AttackSupport.scriptInjection(notFound.body())
                        .forEach(problem -> failures.add("/documents/<" + p.name() + ">: " + problem));
            }
            if (p.text().contains("<") && notFound.body().contains(p.text())) {
                failures.add("/documents/<" + p.name() + ">: raw payload appears unescaped in the error page");
            }
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void jsonApiReturnsTheTextVerbatimAsJson() {
        List<String> failures = new ArrayList<>();
        for (Stored s : sets) {
            expectJson("/api/v1/documents/" + s.doc, s, List.of(Field.DOC_TITLE, Field.DOC_BODY), failures);
            expectJson("/api/v1/threads/" + s.thread, s, List.of(Field.THREAD_TITLE, Field.THREAD_BODY, Field.REPLY_BODY),
                    failures);
            expectJson("/api/v1/threads/" + s.thread + "/replies/" + s.reply, s, List.of(Field.REPLY_BODY), failures);
            expectJson("/api/v1/meetings/" + s.meeting, s, List.of(Field.MEETING_TITLE_EN, Field.MEETING_TITLE_JA,
                    Field.MEETING_LOCATION, Field.MINUTES, Field.AGENDA_TITLE, Field.AGENDA_DESCRIPTION,
                    Field.AGENDA_PRESENTER, Field.DECISION, Field.ACTION_TITLE), failures);
            expectJson("/api/v1/action-items/" + s.action, s, List.of(Field.ACTION_TITLE), failures);
            expectJson("/api/v1/working-groups/" + s.wg, s, List.of(Field.WG_NAME_EN, Field.WG_NAME_JA,
                    Field.WG_MANDATE_EN, Field.WG_MANDATE_JA, Field.WG_CO_CHAIR), failures);
            expectJson("/api/v1/search?q=" + s.marker, s, List.of(Field.DOC_TITLE, Field.THREAD_TITLE,
                    Field.MEETING_TITLE_EN, Field.AGENDA_TITLE, Field.ACTION_TITLE, Field.WG_NAME_EN),
                    failures);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    void expectJson(String path, Stored s, List<Field> fields, List<String> failures) {
        var r = http.get(path, acqToken);
        if (r.status() != 200 || !r.header("Content-Type").startsWith("application/json")) {
            failures.add(path + " for " + s + ": " + r.status() + " " + r.header("Content-Type"));
            return;
        }
        List<String> strings = new ArrayList<>();
        collect(r.json(), strings);
        for (Field f : fields) {
            if (!strings.contains(s.v(f))) {
                failures.add(path + " for " + s + ": " + f + " is not returned verbatim: " + s.v(f));
            }
        }
    }

    static void collect(JsonNode node, List<String> strings) {
        if (node.isString()) {
            strings.add(node.asString());
        }
        for (JsonNode child : node) {
            collect(child, strings);
        }
    }
}
