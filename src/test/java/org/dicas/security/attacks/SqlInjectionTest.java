package org.dicas.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ReadableRecords;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * SQL injection. Classic injection strings go into every search and filter parameter, into path ids and into the
 * fields of creates. Nothing may answer 500 (or take long enough to suggest an injected {@code pg_sleep}); search
 * results must be exactly the records that literally contain every query word and that the user may read — never
 * "everything" — and the database keeps all its tables and rows.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlInjectionTest {

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "' OR 1=1 --",
            "'; DROP TABLE record; --",
            "%' OR 1=1 --",
            "') OR ('a'='a",
            "\" OR \"\"=\"",
            "1 OR 1=1",
            "1; DROP TABLE app_user",
            "' UNION SELECT id, username, password_hash, 'CUI', '', '' FROM app_user --",
            "' || (SELECT string_agg(password_hash, ',') FROM app_user) || '",
            "'; SELECT pg_sleep(3); --",
            "' OR pg_sleep(3) IS NULL --",
            "$$; DROP TABLE document; $$",
            "\\",
            "\\\\",
            "\\'",
            "_",
            "%",
            "%%",
            "%_%",
            "\u2018 OR \u20181\u2019=\u20181",
            "\uFF07 OR \uFF071\uFF07=\uFF071",
            "\u02BC OR 1=1 --",
            "a\u0000b",
            "x".repeat(200),
            "'".repeat(200),
            "x".repeat(201),
            "' OR '1'='1 ".repeat(400));

    /**
     * A few of them for parameters and fields that have a type or a grammar (an enum, a boolean, a number, a date,
     * a marking): these are refused by conversion before any SQL, so every string behaves alike.
     */
    static final List<String> FEW = List.of("' OR '1'='1", "1 OR 1=1", "'; DROP TABLE record; --", "%", "\\",
            "\u2018 OR \u20181\u2019=\u20181", "a\u0000b", "x".repeat(201));

    /** A record whose text literally contains the injection strings, visible to au.dod: an honest search finds it. */
    static final String LITERAL = "sqlliteral O'Brien ' OR '1'='1 %' OR 1=1 -- 100% _under_score_ back\\slash "
            + "\u2018smart\u2019 \uFF07wide\uFF07 \u02BC";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    ReadableRecords readable;

    Http http;
    String au;
    String acq;
    String admin;
    Http auWeb;
    long literalDocument;

    @BeforeAll
    void signIn() {
        http = new Http(port);
        au = AttackSupport.token(port, DemoUsers.AU_DOD);
        acq = AttackSupport.token(port, DemoUsers.US_ACQ);
        admin = AttackSupport.token(port, DemoUsers.ADMIN);
        auWeb = AttackSupport.session(port, DemoUsers.AU_DOD);
        for (String marking : List.of("CUI//REL TO USA, JPN", "UNCLASSIFIED")) {
            var r = http.post("/api/v1/documents", acq, Map.of("title", LITERAL, "body", LITERAL, "marking", marking));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            literalDocument = r.json().get("id").asLong();
        }
    }

    /** Table names and the row counts of the core tables: an injection that dropped or emptied anything shows here. */
    record Integrity(List<String> tables, int records, int documents, int users) {
    }

    Integrity integrity() {
        return new Integrity(AttackSupport.publicTables(jdbc), AttackSupport.count(jdbc, "record"),
                AttackSupport.count(jdbc, "document"), AttackSupport.count(jdbc, "app_user"));
    }

    /** What an honest search returns: the records the user may read whose title or text contains every word. */
    List<Long> literalMatches(String username, String q) {
        List<String> words = Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(10).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        DicasUser user = directory.userByUsername(username).orElseThrow();
        StringBuilder sql = new StringBuilder("select r.id from record r where {readable:r}");
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and strpos(lower(r.title || ' ' || r.search_text), lower(:w").append(i).append(")) > 0");
        }
        var spec = readable.query(user, sql.toString());
        for (int i = 0; i < words.size(); i++) {
            spec = spec.param("w" + i, words.get(i));
        }
        return spec.query(Long.class).list();
    }

    int visibleRecords(String username) {
        return readable.query(directory.userByUsername(username).orElseThrow(),
                "select count(*) from record r where {readable:r}").query(Integer.class).single();
    }

    static String show(String s) {
        String one = s.replace("\u0000", "\\0");
        return one.length() > 40 ? one.substring(0, 40) + "…(" + s.length() + " chars)" : one;
    }

    /** Sends a request, failing on a 500 or on a response slow enough to be an injected sleep. */
    Http.Response timed(String what, java.util.function.Supplier<Http.Response> call, List<String> failures) {
        long start = System.nanoTime();
        Http.Response r = call.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 2500) {
            failures.add(what + ": took " + ms + " ms (time-based injection?)");
        }
        if (r.status() >= 500) {
            failures.add(what + ": " + r.status() + " " + AttackSupport.abbreviate(r.body()));
        }
        return r;
    }

    @Test
    void searchReturnsOnlyLiteralMatchesTheUserMayRead() {
        Integrity before = integrity();
        int auVisible = visibleRecords(DemoUsers.AU_DOD);
        List<String> failures = new ArrayList<>();
        boolean literalFound = false;
        for (String q : INJECTIONS) {
            for (String user : List.of(DemoUsers.AU_DOD, DemoUsers.US_ACQ)) {
                String token = user.equals(DemoUsers.AU_DOD) ? au : acq;
                String what = "GET /api/v1/search?q=" + show(q) + " as " + user;
                var r = timed(what, () -> http.get("/api/v1/search?q=" + AttackSupport.enc(q) + "&size=200", token), failures);
                if (r.status() == 400) {
                    if (q.strip().length() <= 200 && !q.contains("\u0000")) {
                        failures.add(what + ": 400 for a query of " + q.strip().length() + " characters");
                    }
                    continue;
                }
                if (r.status() != 200) {
                    if (r.status() < 500) {
                        failures.add(what + ": " + r.status());
                    }
                    continue;
                }
                List<Long> expected = literalMatches(user, q);
                List<Long> hits = new ArrayList<>();
                r.json().get("items").forEach(h -> hits.add(h.get("id").asLong()));
                if (!new HashSet<>(expected).containsAll(hits)) {
                    List<Long> extra = new ArrayList<>(hits);
                    extra.removeAll(expected);
                    failures.add(what + ": returned records that do not literally match or that " + user
                            + " may not read: " + extra);
                }
                if (hits.size() != Math.min(expected.size(), 200) || r.json().get("total").asLong() != expected.size()) {
                    failures.add(what + ": " + hits.size() + " hits of " + r.json().get("total") + ", but "
                            + expected.size() + " records match literally");
                }
                if (user.equals(DemoUsers.AU_DOD) && hits.size() >= auVisible) {
                    failures.add(what + ": returned everything au.dod may read (" + hits.size() + ")");
                }
                if (user.equals(DemoUsers.AU_DOD) && q.equals("' OR '1'='1")) {
                    literalFound = hits.contains(literalDocument);
                }
            }
        }
        var after = integrity();
        if (!after.equals(before)) {
            failures.add("database after injected searches: the database changed: " + before + " -> " + after);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
        assertThat(literalFound).as("au.dod's search for ' OR '1'='1 finds the record that literally contains it").isTrue();
    }

    @Test
    void searchPageAndFiltersNeverFailAndNeverShowMore() {
        Integrity before = integrity();
        List<String> failures = new ArrayList<>();
        int allAu = rows(auWeb.get("/action-items?size=200", null).body());
        long allAuApi = http.get("/api/v1/action-items", au).json().get("total").asLong();
        for (String q : INJECTIONS) {
            String what = "GET /search?q=" + show(q) + " as au.dod";
            var page = timed(what, () -> auWeb.get("/search?q=" + AttackSupport.enc(q), null), failures);
            if (page.status() == 200) {
                int shown = Jsoup.parse(page.body()).select("main ul.cards > li").size();
                int expected = q.strip().length() > 200 ? 0 : Math.min(literalMatches(DemoUsers.AU_DOD, q).size(), 50);
                if (shown != expected) {
                    failures.add(what + ": shows " + shown + " hits, " + expected + " match literally");
                }
                AttackSupport.scriptInjection(page.body()).forEach(p -> failures.add(what + ": " + p));
            } else if (page.status() != 400 && page.status() < 500) {
                failures.add(what + ": " + page.status());
            }
            String filter = "/action-items?size=200&filter=" + AttackSupport.enc(q);
            var r = timed("GET /action-items?filter=" + show(q) + " as au.dod", () -> auWeb.get(filter, null), failures);
            if (r.status() == 200 && rows(r.body()) > allAu) {
                failures.add("GET /action-items?filter=" + show(q) + " as au.dod shows " + rows(r.body())
                        + " rows, more than all (" + allAu + ")");
            } else if (r.status() != 200 && r.status() != 400 && r.status() < 500) {
                failures.add("GET /action-items?filter=" + show(q) + ": " + r.status());
            }
            // the long lists' text filter and sort column (issue 15): a parameter, or a key refused with 400
            for (String param : List.of("q", "sort", "dir")) {
                String path = "/action-items?size=200&" + param + "=" + AttackSupport.enc(q);
                String said = "GET /action-items?" + param + "=" + show(q) + " as au.dod";
                var t = timed(said, () -> auWeb.get(path, null), failures);
                if (t.status() == 200 && rows(t.body()) > allAu) {
                    failures.add(said + " shows " + rows(t.body()) + " rows, more than all (" + allAu + ")");
                } else if (t.status() != 200 && t.status() != 400) {
                    failures.add(said + ": " + t.status());
                }
                if (t.status() == 200) { // (a request too long for the server gets the container's own 400)
                    AttackSupport.scriptInjection(t.body()).forEach(x -> failures.add(said + ": " + x));
                }
            }
        }
        for (String q : FEW) {
            Map<String, String> apiParams = new LinkedHashMap<>();
            apiParams.put("status", "/api/v1/action-items?status=" + AttackSupport.enc(q));
            apiParams.put("mine", "/api/v1/action-items?mine=" + AttackSupport.enc(q));
            apiParams.put("status=OPEN&mine", "/api/v1/action-items?status=OPEN&mine=" + AttackSupport.enc(q));
            apiParams.put("size", "/api/v1/search?q=MSRA&size=" + AttackSupport.enc(q));
            apiParams.put("page", "/api/v1/documents?page=" + AttackSupport.enc(q));
            for (String filter : List.of("nation", "area", "status", "text")) {
                apiParams.put("requirements " + filter, "/api/v1/requirements?" + filter + "=" + AttackSupport.enc(q));
            }
            apiParams.put("acquisition-plans requirement", "/api/v1/acquisition-plans?requirement=" + AttackSupport.enc(q));
            apiParams.forEach((name, path) -> {
                var r = timed("GET /api/v1/...?" + name + "=" + show(q) + " as au.dod", () -> http.get(path, au), failures);
                if (r.status() != 400 && r.status() != 200 && r.status() < 500) {
                    failures.add("GET ?" + name + "=" + show(q) + ": " + r.status());
                }
                if (r.status() == 200 && path.contains("action-items") && r.json().get("total").asLong() > allAuApi) {
                    failures.add("GET ?" + name + "=" + show(q) + ": more action items than unfiltered");
                }
            });
        }
        for (String size : List.of("-1", "0", "1", "200", "201", "999999", "2147483647", "2147483648", "1e3", "0x10")) {
            var r = timed("GET /api/v1/search?size=" + size, () -> http.get("/api/v1/search?q=a&size=" + size, au),
                    failures);
            boolean inRange = size.equals("1") || size.equals("200");
            if (r.status() != (inRange ? 200 : 400)) {
                failures.add("GET /api/v1/search?size=" + size + ": " + r.status());
            } else if (inRange && r.json().get("items").size() > Integer.parseInt(size)) {
                failures.add("GET /api/v1/search?size=" + size + ": more hits than the size");
            }
        }
        for (String page : List.of("-1", "0", "2147483647", "2147483648", "1e3", "0x10", "999999999")) {
            var r = timed("GET /api/v1/search?page=" + page, () -> http.get("/api/v1/search?q=a&page=" + page, au),
                    failures);
            boolean inRange = page.equals("2147483647") || page.equals("999999999");
            if (r.status() != (inRange ? 200 : 400) || inRange && !r.json().get("items").isEmpty()) {
                failures.add("GET /api/v1/search?page=" + page + ": " + r.status() + " " + r.body());
            }
        }
        var after = integrity();
        if (!after.equals(before)) {
            failures.add("database after injected filters: the database changed: " + before + " -> " + after);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    static int rows(String html) {
        return Jsoup.parse(html).select("main table tbody tr").size();
    }

    @Test
    void injectedPathIdsAreBadRequestsOrNotFound() {
        Integrity before = integrity();
        List<String> failures = new ArrayList<>();
        List<String> ids = List.of("1 OR 1=1", "1' OR '1'='1", "1;DROP TABLE record", "-1",
                "99999999999999999999", "(select 1)", "1 UNION SELECT 1", "%");
        List<String> apiPaths = List.of("/api/v1/documents/%s", "/api/v1/threads/%s", "/api/v1/threads/%s/replies",
                "/api/v1/threads/1/replies/%s", "/api/v1/meetings/%s", "/api/v1/meetings/%s/calendar.ics",
                "/api/v1/action-items/%s", "/api/v1/working-groups/%s", "/api/v1/requirements/%s",
                "/api/v1/acquisition-plans/%s", "/api/v1/opportunities/%s", "/api/v1/programs/%s", "/api/v1/agreements/%s",
                "/api/v1/programs/%s/work-share", "/api/v1/programs/1/work-packages/%s", "/api/v1/coproduction/plans/%s");
        List<String> pages = List.of("/documents/%s", "/documents/%s/edit", "/discussions/%s", "/meetings/%s",
                "/meetings/%s/calendar.ics", "/working-groups/%s", "/discussions/1/replies/%s/edit", "/requirements/%s",
                "/acquisition-plans/%s", "/opportunities/%s", "/leads/%s", "/programs/%s", "/agreements/%s",
                "/programs/%s/work-share", "/coproduction/%s", "/coproduction/%s/edit", "/coproduction/%s/lines/new",
                "/coproduction/%s/runs/1");
        for (String id : ids) {
            String seg = AttackSupport.segment(id);
            for (String p : apiPaths) {
                String path = String.format(p, seg);
                var r = timed("GET " + path, () -> http.get(path, au), failures);
                if (r.status() != 400 && r.status() != 404) {
                    failures.add("GET " + String.format(p, id) + ": " + r.status());
                }
                if (!path.contains("/replies") && !path.endsWith(".ics")) {
                    var put = timed("PUT " + path, () -> http.put(path, acq, "{}"), failures);
                    if (put.status() != 400 && put.status() != 404) {
                        failures.add("PUT " + String.format(p, id) + ": " + put.status());
                    }
                }
            }
            for (String p : pages) {
                String path = String.format(p, seg);
                var r = timed("GET " + path, () -> auWeb.get(path, null), failures);
                if (r.status() != 400 && r.status() != 404) {
                    failures.add("GET " + String.format(p, id) + ": " + r.status());
                }
            }
        }
        var after = integrity();
        if (!after.equals(before)) {
            failures.add("database after injected ids: the database changed: " + before + " -> " + after);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void injectionStringsAsFieldValuesAreStoredVerbatimOrRejected() {
        Integrity before = integrity();
        List<String> failures = new ArrayList<>();
        int created = 0;
        int createdDocuments = 0;
        for (String v : INJECTIONS) {
            boolean storable = !v.isBlank() && v.length() <= 200 && !v.contains("\u0000");
            var doc = timed("POST /api/v1/documents title=" + show(v), () -> http.post("/api/v1/documents", acq,
                    Map.of("title", v, "body", v, "marking", "UNCLASSIFIED")), failures);
            if (doc.status() == 201) {
                created++;
                createdDocuments++;
                JsonNode back = http.get("/api/v1/documents/" + doc.json().get("id").asLong(), acq).json();
                if (!v.equals(back.get("title").asString()) || !v.equals(back.get("body").asString())) {
                    failures.add("document " + show(v) + " not stored verbatim: " + back);
                }
            } else if (doc.status() < 500 && (doc.status() != 400 || storable)) {
                failures.add("POST /api/v1/documents title=" + show(v) + ": " + doc.status() + " " + doc.body());
            }
            var thread = timed("POST /api/v1/threads title=" + show(v), () -> http.post("/api/v1/threads", au,
                    Map.of("title", v, "body", v, "marking", "UNCLASSIFIED")), failures);
            if (thread.status() == 201) {
                created++;
                JsonNode back = http.get("/api/v1/threads/" + thread.json().get("id").asLong(), au).json();
                if (!v.equals(back.get("title").asString())) {
                    failures.add("thread " + show(v) + " not stored verbatim");
                }
            } else if (thread.status() < 500 && (thread.status() != 400 || storable)) {
                failures.add("POST /api/v1/threads title=" + show(v) + ": " + thread.status() + " " + thread.body());
            }
            var meeting = timed("POST /api/v1/meetings location=" + show(v), () -> http.post("/api/v1/meetings", acq,
                    Map.of("kind", "PLENARY", "titleEn", "sql meeting", "titleJa", "会合", "startsAt", "2099-08-01T10:00:00",
                            "endsAt", "2099-08-01T12:00:00", "timeZone", "UTC", "location", v, "marking", "UNCLASSIFIED")),
                    failures);
            if (meeting.status() == 201) {
                created++;
                if (!v.equals(meeting.json().get("location").asString())) {
                    failures.add("meeting location " + show(v) + " not stored verbatim");
                }
            } else if (meeting.status() < 500 && (meeting.status() != 400 || storable)) {
                failures.add("POST /api/v1/meetings location=" + show(v) + ": " + meeting.status() + " " + meeting.body());
            }
            if (v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                var bearer = http.get("/api/v1/me", v);
                if (bearer.status() != 401) {
                    failures.add("GET /api/v1/me with bearer " + show(v) + ": " + bearer.status());
                }
            }
        }
        long gpi = 0;
        for (JsonNode p : http.all("/api/v1/programs", acq)) {
            if (p.get("nameEn").asString().startsWith("Glide Phase Interceptor")) {
                gpi = p.get("id").asLong();
            }
        }
        String workPackages = "/api/v1/programs/" + gpi + "/work-packages";
        for (String v : FEW) {
            // fields with a grammar or a type refuse the strings as bad input
            Map<String, Http.Response> rejected = new LinkedHashMap<>();
            rejected.put("work-package code", http.post(workPackages, acq, Map.of("code", v, "titleEn", "t",
                    "marking", "CUI//REL TO USA, JPN")));
            rejected.put("work-package controls", http.post(workPackages, acq, Map.of("code", "WP-SQL", "titleEn", "t",
                    "controls", List.of(v), "marking", "CUI//REL TO USA, JPN")));
            rejected.put("work-share what-if tolerance", http.post(workPackages + "/balance", acq,
                    "{\"whatIf\":\"WIDEN_TOLERANCE\",\"tolerance\":" + Http.JSON.writeValueAsString(v) + "}"));
            rejected.put("document marking", http.post("/api/v1/documents", acq, Map.of("title", "t", "body", "b",
                    "marking", v)));
            rejected.put("meeting time zone", http.post("/api/v1/meetings", acq, Map.of("kind", "PLENARY",
                    "titleEn", "t", "titleJa", "t", "startsAt", "2099-08-01T10:00:00", "endsAt", "2099-08-01T12:00:00",
                    "timeZone", v, "marking", "UNCLASSIFIED")));
            rejected.put("meeting kind", http.post("/api/v1/meetings", acq, Map.of("kind", v, "titleEn", "t",
                    "titleJa", "t", "startsAt", "2099-08-01T10:00:00", "endsAt", "2099-08-01T12:00:00",
                    "timeZone", "UTC", "marking", "UNCLASSIFIED")));
            rejected.put("working-group code", http.post("/api/v1/working-groups", admin, Map.of("code", v,
                    "nameEn", "n", "nameJa", "n", "status", "ACTIVE", "marking", "UNCLASSIFIED")));
            rejected.put("document workingGroupId", http.post("/api/v1/documents", acq, "{\"title\":\"t\",\"body\":\"b\","
                    + "\"marking\":\"UNCLASSIFIED\",\"workingGroupId\":" + Http.JSON.writeValueAsString(v) + "}"));
            rejected.put("action-item dueDate", http.post("/api/v1/action-items", acq, Map.of("title", "t",
                    "ownerId", 1, "dueDate", v, "marking", "UNCLASSIFIED")));
            rejected.forEach((field, r) -> {
                if (r.status() != 400) {
                    failures.add(field + " = " + show(v) + ": " + r.status() + " " + AttackSupport.abbreviate(r.body()));
                }
            });
        }
        // signing in with them fails cleanly (a few: every failed sign-in hashes a password, which is slow on purpose)
        for (String v : List.of("' OR '1'='1", "admin' --", "a\u0000b")) {
            var token = timed("POST /api/v1/auth/token username=" + show(v), () -> http.post("/api/v1/auth/token", null,
                    Map.of("username", v, "password", "x' OR '1'='1")), failures);
            if (token.status() != 401 && token.status() != 400 && token.status() < 500) {
                failures.add("POST /api/v1/auth/token username=" + show(v) + ": " + token.status());
            }
        }
        Integrity expected = new Integrity(before.tables(), before.records() + created,
                before.documents() + createdDocuments, before.users());
        Integrity after = integrity();
        if (!after.equals(expected)) {
            failures.add("the database is not as the accepted creates leave it: expected " + expected + ", found " + after);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void idsOfTheWrongKindAreBadInputNotServerErrors() {
        Integrity before = integrity();
        long readableDocument = jdbc.sql("select min(d.id) from document d join record r on r.id = d.id"
                + " where r.marking = 'UNCLASSIFIED'").query(Long.class).single();
        List<String> failures = new ArrayList<>();
        Map<String, Http.Response> calls = new LinkedHashMap<>();
        calls.put("POST /api/v1/threads {workingGroupId: a document's id}", http.post("/api/v1/threads", acq,
                Map.of("title", "t", "body", "b", "marking", "UNCLASSIFIED", "workingGroupId", readableDocument)));
        calls.put("POST /api/v1/documents {workingGroupId: a document's id}", http.post("/api/v1/documents", acq,
                Map.of("title", "t", "body", "b", "marking", "UNCLASSIFIED", "workingGroupId", readableDocument)));
        calls.put("POST /api/v1/meetings {workingGroupId: a document's id}", http.post("/api/v1/meetings", acq,
                Map.of("kind", "WORKING_GROUP", "workingGroupId", readableDocument, "titleEn", "t", "titleJa", "t",
                        "startsAt", "2099-08-01T10:00:00", "endsAt", "2099-08-01T12:00:00", "timeZone", "UTC",
                        "marking", "UNCLASSIFIED")));
        calls.put("POST /api/v1/action-items {meetingId: a document's id}", http.post("/api/v1/action-items", acq,
                Map.of("meetingId", readableDocument, "title", "t", "ownerId", AttackSupport.userId(jdbc, "us.acq"),
                        "dueDate", "2099-08-01", "marking", "UNCLASSIFIED")));
        calls.forEach((name, r) -> {
            if (r.status() != 400 && r.status() != 404) {
                failures.add(name + ": " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            }
        });
        var after = integrity();
        if (!after.equals(before)) {
            failures.add("database after wrong-kind ids: the database changed: " + before + " -> " + after);
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }
}
