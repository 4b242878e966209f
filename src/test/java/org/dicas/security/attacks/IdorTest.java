package org.dicas.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Insecure direct object references. Records released only to the USA and Japan are addressed by id, through every
 * API endpoint and every page, by a signed-in Australian user (au.dod). Each must answer 404 exactly as for an id
 * that does not exist — never 403, never 200 — and write attempts must change nothing. Also NOFORN, GROUP and
 * PROPIN records for users of the wrong nation, group or company. Every hidden record is first shown to be readable
 * by a user who may read it, so a 404 cannot come from a wrong id.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdorTest {

    static final String MISSING = "987654321";

    /** Two releasability cases: REL TO alone (rule 1) and REL TO with a level above AUS's clearance (rules 1 and 2). */
    static final List<String> HIDDEN_MARKINGS = List.of("CUI//REL TO USA, JPN", "UNCLASSIFIED//REL TO USA, JPN");

    /** A full set of records under one marking, and the secret word in their titles and texts. */
    record Fixture(String marking, String secret, long wg, String wgCode, long doc, long thread, long reply,
                   long meeting, long agenda, long decision, long action, long program, long workPackage,
                   long option) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String acq;
    String admin;
    String au;
    String jp;
    Http auWeb;
    String auCsrf;
    Http acqWeb;
    Http adminWeb;
    long auId;
    final List<Fixture> fixtures = new ArrayList<>();

    @BeforeAll
    void createRecordsReleasedOnlyToUsaAndJapan() {
        http = new Http(port);
        acq = AttackSupport.token(port, DemoUsers.US_ACQ);
        admin = AttackSupport.token(port, DemoUsers.ADMIN);
        au = AttackSupport.token(port, DemoUsers.AU_DOD);
        jp = AttackSupport.token(port, DemoUsers.JP_ATLA);
        auWeb = AttackSupport.session(port, DemoUsers.AU_DOD);
        auCsrf = Http.csrf(auWeb.get("/", null).body());
        acqWeb = AttackSupport.session(port, DemoUsers.US_ACQ);
        adminWeb = AttackSupport.session(port, DemoUsers.ADMIN);
        auId = AttackSupport.userId(jdbc, DemoUsers.AU_DOD);
        for (int i = 0; i < HIDDEN_MARKINGS.size(); i++) {
            fixtures.add(create(HIDDEN_MARKINGS.get(i), "idorsecret" + i));
        }
    }

    long created(Http.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Fixture create(String marking, String secret) {
        String code = "IDOR" + secret.substring(secret.length() - 1) + "X";
        long wg = created(http.post("/api/v1/working-groups", admin, Map.of("code", code, "nameEn", secret + " group",
                "nameJa", secret + " 部会", "mandateEn", secret + " mandate", "status", "ACTIVE", "marking", marking)),
                "working group " + marking);
        long doc = created(http.post("/api/v1/documents", acq, Map.of("title", secret + " document",
                "body", secret + " body", "marking", marking)), "document " + marking);
        long thread = created(http.post("/api/v1/threads", acq, Map.of("title", secret + " thread",
                "body", secret + " opening", "marking", marking)), "thread " + marking);
        long reply = created(http.post("/api/v1/threads/" + thread + "/replies", acq,
                Map.of("body", secret + " reply", "marking", marking)), "reply " + marking);
        long meeting = created(http.post("/api/v1/meetings", acq, Map.of("kind", "PLENARY",
                "titleEn", secret + " meeting", "titleJa", secret + " 会合", "startsAt", "2099-01-10T10:00:00",
                "endsAt", "2099-01-10T12:00:00", "timeZone", "Asia/Tokyo", "location", secret + " room",
                "marking", marking)), "meeting " + marking);
        long agenda = created(http.post("/api/v1/meetings/" + meeting + "/agenda-items", acq,
                Map.of("title", secret + " agenda", "marking", marking)), "agenda item " + marking);
        long decision = created(http.post("/api/v1/meetings/" + meeting + "/decisions", acq,
                Map.of("text", secret + " decision", "agendaItemId", agenda, "marking", marking)), "decision " + marking);
        long action = created(http.post("/api/v1/action-items", acq, Map.of("meetingId", meeting, "agendaItemId", agenda,
                "title", secret + " action", "ownerId", AttackSupport.userId(jdbc, DemoUsers.JP_ATLA),
                "dueDate", "2099-02-01", "marking", marking)), "action item " + marking);
        // an attendee and the owner who may not read them (the services no longer choose such people, but a reader
        // may lose access later): being invited or the owner must not open them up
        jdbc.sql("insert into meeting_attendee (meeting_id, user_id) values (:m, :u)").param("m", meeting)
                .param("u", auId).update();
        jdbc.sql("update action_item set owner_id = :u where id = :a").param("u", auId).param("a", action).update();
        assertThat(http.put("/api/v1/meetings/" + meeting + "/minutes", acq, Map.of("minutes", secret + " minutes"))
                .status()).isEqualTo(200);
        // a cooperative program with a work package and a firm's option (the work share of issue 13)
        long program = created(http.post("/api/v1/programs", acq, Map.of("nameEn", secret + " program", "type",
                "CO_DEVELOPMENT", "status", "ACTIVE", "partners", List.of(Map.of("nation", "USA", "costShare", 50),
                        Map.of("nation", "JPN", "costShare", 50)), "marking", marking)), "program " + marking);
        long workPackage = created(http.post("/api/v1/programs/" + program + "/work-packages", acq, Map.of("code",
                "WP-1", "titleEn", secret + " work package", "marking", marking)), "work package " + marking);
        long firm = jdbc.sql("select id from organization where kind = 'COMPANY' and nation = 'USA' order by id limit 1")
                .query(Long.class).single();
        long option = created(http.post("/api/v1/programs/" + program + "/work-packages/" + workPackage + "/options",
                acq, Map.of("performerId", firm, "cost", 12.5, "marking", marking + "//PROPIN")), "option " + marking);
        return new Fixture(marking, secret, wg, code, doc, thread, reply, meeting, agenda, decision, action, program,
                workPackage, option);
    }

    static Map<String, String> apiReads(Fixture f) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("documents/{id}", "/api/v1/documents/" + f.doc());
        p.put("threads/{id}", "/api/v1/threads/" + f.thread());
        p.put("threads/{id}/replies", "/api/v1/threads/" + f.thread() + "/replies");
        p.put("threads/{id}/replies/{rid}", "/api/v1/threads/" + f.thread() + "/replies/" + f.reply());
        p.put("meetings/{id}", "/api/v1/meetings/" + f.meeting());
        p.put("meetings/{id}/calendar.ics", "/api/v1/meetings/" + f.meeting() + "/calendar.ics");
        p.put("action-items/{id}", "/api/v1/action-items/" + f.action());
        p.put("working-groups/{id}", "/api/v1/working-groups/" + f.wg());
        p.put("programs/{id}/work-packages", "/api/v1/programs/" + f.program() + "/work-packages");
        p.put("programs/{id}/work-share", "/api/v1/programs/" + f.program() + "/work-share");
        p.put("programs/{id}/work-packages/{wp}", "/api/v1/programs/" + f.program() + "/work-packages/" + f.workPackage());
        return p;
    }

    /** The same path with every id of the fixture replaced by an id that does not exist. */
    static String missing(String path, Fixture f) {
        String p = path;
        for (long id : new long[] {f.option(), f.workPackage(), f.program(), f.reply(), f.thread(), f.doc(), f.meeting(), f.agenda(), f.decision(), f.action(), f.wg()}) {
            p = p.replaceAll("/" + id + "(?=/|$|\\.)", "/" + MISSING);
        }
        return p;
    }

    static String withoutIds(String body, Fixture f) {
        String b = body;
        for (long id : new long[] {f.option(), f.workPackage(), f.program(), f.reply(), f.thread(), f.doc(), f.meeting(), f.agenda(), f.decision(), f.action(), f.wg()}) {
            b = b.replaceAll("\\b" + id + "\\b", "ID");
        }
        return b.replace(MISSING, "ID");
    }

    @Test
    void apiReadsOfRecordsReleasedOnlyToUsaAndJapanAre404ForAustraliaLikeMissingIds() {
        List<String> failures = new ArrayList<>();
        for (Fixture f : fixtures) {
            for (var e : apiReads(f).entrySet()) {
                String what = "GET /api/v1/" + e.getKey() + " (" + f.marking() + ")";
                assertThat(http.get(e.getValue(), acq).status()).as(what + " as us.acq (control)").isEqualTo(200);
                assertThat(http.get(e.getValue(), jp).status()).as(what + " as jp.atla (control)").isEqualTo(200);
                var r = http.get(e.getValue(), au);
                if (r.status() != 404) {
                    failures.add(what + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
                    continue;
                }
                if (r.body().contains(f.secret())) {
                    failures.add(what + " as au.dod: the 404 reveals the record: " + r.body());
                }
                var none = http.get(missing(e.getValue(), f), au);
                if (none.status() != 404 || !withoutIds(none.body(), f).equals(withoutIds(r.body(), f))
                        || !none.header("Content-Type").equals(r.header("Content-Type"))) {
                    failures.add(what + " as au.dod differs from a missing id: " + r.header("Content-Type") + " "
                            + r.body() + " vs " + none.status() + " " + none.header("Content-Type") + " " + none.body());
                }
            }
            // nor do lists, search or the calendar export show them
            for (String list : List.of("/api/v1/documents", "/api/v1/threads", "/api/v1/meetings", "/api/v1/action-items",
                    "/api/v1/working-groups", "/api/v1/search?q=" + f.secret())) {
                var r = http.get(list, au);
                if (r.status() != 200 || r.body().contains(f.secret())) {
                    failures.add("GET " + list + " as au.dod shows " + f.marking() + " records: " + r.status());
                }
            }
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    Map<String, Object> meetingBody() {
        return Map.of("kind", "PLENARY", "titleEn", "hijacked", "titleJa", "乗っ取り", "startsAt", "2099-03-01T10:00:00",
                "endsAt", "2099-03-01T12:00:00", "timeZone", "UTC", "marking", "UNCLASSIFIED");
    }

    @Test
    void apiWritesToThoseRecordsAre404AndChangeNothing() {
        var before = AttackSupport.fingerprint(jdbc);
        List<String> failures = new ArrayList<>();
        for (Fixture f : fixtures) {
            record Write(String name, java.util.function.Supplier<Http.Response> call) {
            }
            List<Write> writes = List.of(
                    new Write("PUT documents/{id}", () -> http.put("/api/v1/documents/" + f.doc(), au,
                            Map.of("title", "hijacked", "body", "x", "marking", "UNCLASSIFIED"))),
                    new Write("PUT threads/{id}", () -> http.put("/api/v1/threads/" + f.thread(), au,
                            Map.of("title", "hijacked", "body", "x", "marking", "UNCLASSIFIED"))),
                    new Write("POST threads/{id}/replies", () -> http.post("/api/v1/threads/" + f.thread() + "/replies", au,
                            Map.of("body", "hijacked", "marking", "UNCLASSIFIED"))),
                    new Write("PUT threads/{id}/replies/{rid}", () -> http.put("/api/v1/threads/" + f.thread()
                            + "/replies/" + f.reply(), au, Map.of("body", "hijacked", "marking", "UNCLASSIFIED"))),
                    new Write("DELETE threads/{id}/replies/{rid}", () -> http.delete("/api/v1/threads/" + f.thread()
                            + "/replies/" + f.reply(), au)),
                    new Write("PUT meetings/{id}", () -> http.put("/api/v1/meetings/" + f.meeting(), au, meetingBody())),
                    new Write("PUT meetings/{id}/minutes", () -> http.put("/api/v1/meetings/" + f.meeting() + "/minutes",
                            au, Map.of("minutes", "hijacked"))),
                    new Write("POST meetings/{id}/agenda-items", () -> http.post("/api/v1/meetings/" + f.meeting()
                            + "/agenda-items", au, Map.of("title", "hijacked", "marking", "UNCLASSIFIED"))),
                    new Write("POST meetings/{id}/decisions", () -> http.post("/api/v1/meetings/" + f.meeting()
                            + "/decisions", au, Map.of("text", "hijacked", "marking", "UNCLASSIFIED"))),
                    new Write("PUT action-items/{id} (by its owner)", () -> http.put("/api/v1/action-items/" + f.action(),
                            au, Map.of("title", "hijacked", "ownerId", auId, "dueDate", "2099-02-01", "status", "DONE",
                                    "marking", "UNCLASSIFIED"))),
                    new Write("PUT working-groups/{id}", () -> http.put("/api/v1/working-groups/" + f.wg(), au,
                            Map.of("code", f.wgCode(), "nameEn", "hijacked", "nameJa", "乗っ取り", "status", "CLOSED",
                                    "marking", "UNCLASSIFIED"))),
                    new Write("POST programs/{id}/work-packages", () -> http.post("/api/v1/programs/" + f.program()
                            + "/work-packages", au, Map.of("code", "WP-X", "titleEn", "hijacked", "marking", "UNCLASSIFIED"))),
                    new Write("PUT programs/{id}/work-packages/{wp}", () -> http.put("/api/v1/programs/" + f.program()
                            + "/work-packages/" + f.workPackage(), au, Map.of("code", "WP-1", "titleEn", "hijacked",
                            "marking", "UNCLASSIFIED"))),
                    new Write("DELETE programs/{id}/work-packages/{wp}", () -> http.delete("/api/v1/programs/"
                            + f.program() + "/work-packages/" + f.workPackage(), au)),
                    new Write("POST programs/{id}/work-packages/{wp}/options", () -> http.post("/api/v1/programs/"
                            + f.program() + "/work-packages/" + f.workPackage() + "/options", au,
                            Map.of("performerId", 1, "cost", 1, "marking", "UNCLASSIFIED//PROPIN"))),
                    new Write("PUT programs/{id}/work-packages/{wp}/options/{o}", () -> http.put("/api/v1/programs/"
                            + f.program() + "/work-packages/" + f.workPackage() + "/options/" + f.option(), au,
                            Map.of("cost", 1))),
                    new Write("DELETE programs/{id}/work-packages/{wp}/options/{o}", () -> http.delete(
                            "/api/v1/programs/" + f.program() + "/work-packages/" + f.workPackage() + "/options/"
                                    + f.option(), au)),
                    new Write("PUT programs/{id}/work-share", () -> http.put("/api/v1/programs/" + f.program()
                            + "/work-share", au, Map.of("tolerance", 50, "releases", List.of()))),
                    new Write("POST programs/{id}/work-packages/balance", () -> http.post("/api/v1/programs/"
                            + f.program() + "/work-packages/balance", au, Map.of())));
            for (Write w : writes) {
                var r = w.call().get();
                if (r.status() != 404) {
                    failures.add(w.name() + " (" + f.marking() + ") as au.dod: " + r.status() + " "
                            + AttackSupport.abbreviate(r.body()));
                }
            }
            // creating records that point at the hidden ones is refused too (as bad input or as not found)
            Map<String, Http.Response> references = new LinkedHashMap<>();
            references.put("POST documents {workingGroupId: hidden}", http.post("/api/v1/documents", au,
                    Map.of("title", "ref", "body", "x", "marking", "UNCLASSIFIED", "workingGroupId", f.wg())));
            references.put("POST threads {workingGroupId: hidden}", http.post("/api/v1/threads", au,
                    Map.of("title", "ref", "body", "x", "marking", "UNCLASSIFIED", "workingGroupId", f.wg())));
            Map<String, Object> meeting = new LinkedHashMap<>(meetingBody());
            meeting.put("kind", "WORKING_GROUP");
            meeting.put("workingGroupId", f.wg());
            references.put("POST meetings {workingGroupId: hidden}", http.post("/api/v1/meetings", au, meeting));
            references.put("POST action-items {meetingId: hidden}", http.post("/api/v1/action-items", au,
                    Map.of("meetingId", f.meeting(), "title", "ref", "ownerId", auId, "dueDate", "2099-02-01",
                            "marking", "UNCLASSIFIED")));
            references.put("POST threads/{hidden}/replies {parentId: hidden}", http.post("/api/v1/threads/"
                    + f.thread() + "/replies", au, Map.of("parentId", f.reply(), "body", "ref", "marking", "UNCLASSIFIED")));
            references.forEach((name, r) -> {
                if (r.status() != 400 && r.status() != 404) {
                    failures.add(name + " (" + f.marking() + ") as au.dod: " + r.status() + " "
                            + AttackSupport.abbreviate(r.body()));
                } else if (r.body().contains(f.secret())) {
                    failures.add(name + " (" + f.marking() + ") as au.dod reveals the record: " + r.body());
                }
            });
        }
        var after = AttackSupport.fingerprint(jdbc);
        if (!after.equals(before)) {
            failures.add("database after au.dod's write attempts: the database changed in "
                    + AttackSupport.changed(before, after));
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    Map<String, String> pages(Fixture f) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("/documents/{id}", "/documents/" + f.doc());
        p.put("/documents/{id}/edit", "/documents/" + f.doc() + "/edit");
        p.put("/discussions/{id}", "/discussions/" + f.thread());
        p.put("/discussions/{id}/replies/{rid}/edit", "/discussions/" + f.thread() + "/replies/" + f.reply() + "/edit");
        p.put("/meetings/{id}", "/meetings/" + f.meeting());
        p.put("/meetings/{id}/edit", "/meetings/" + f.meeting() + "/edit");
        p.put("/meetings/{id}/calendar.ics", "/meetings/" + f.meeting() + "/calendar.ics");
        p.put("/working-groups/{id}", "/working-groups/" + f.wg());
        p.put("/working-groups/{id}/edit", "/working-groups/" + f.wg() + "/edit");
        p.put("/programs/{id}/work-share", "/programs/" + f.program() + "/work-share");
        return p;
    }

    @Test
    void pagesOfThoseRecordsAre404ForAustraliaAndFormPostsChangeNothing() {
        List<String> failures = new ArrayList<>();
        for (Fixture f : fixtures) {
            for (var e : pages(f).entrySet()) {
                String what = "GET " + e.getKey() + " (" + f.marking() + ")";
                Http control = e.getKey().startsWith("/working-groups/{id}/edit") ? adminWeb : acqWeb;
                assertThat(control.get(e.getValue(), null).status()).as(what + " for a reader (control)").isEqualTo(200);
                var r = auWeb.get(e.getValue(), null);
                if (r.status() != 404) {
                    failures.add(what + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
                } else if (r.body().contains(f.secret())) {
                    failures.add(what + " as au.dod: the 404 page reveals the record");
                }
                var none = auWeb.get(missing(e.getValue(), f), null);
                if (none.status() != r.status()) {
                    failures.add(what + " as au.dod answers " + r.status() + " but a missing id answers " + none.status());
                }
            }
            for (String list : List.of("/documents", "/discussions", "/meetings", "/action-items", "/working-groups",
                    "/", "/meetings/calendar.ics")) {
                var r = auWeb.get(list, null);
                if (r.status() != 200 || r.body().contains(f.secret())) {
                    failures.add("GET " + list + " as au.dod shows " + f.marking() + " records: " + r.status());
                }
            }
            // the search page repeats the query itself, so look at its hits
            var search = auWeb.get("/search?q=" + f.secret(), null);
            var hits = Jsoup.parse(search.body()).select("main ul.cards > li");
            if (search.status() != 200 || !hits.isEmpty()) {
                failures.add("GET /search?q=" + f.secret() + " as au.dod finds " + f.marking() + " records: "
                        + search.status() + " " + hits.text());
            }
        }
        var before = AttackSupport.fingerprint(jdbc);
        for (Fixture f : fixtures) {
            Map<String, Map<String, String>> posts = new LinkedHashMap<>();
            posts.put("/documents/" + f.doc() + "/edit", Map.of("title", "hijacked", "body", "x", "marking", "UNCLASSIFIED"));
            posts.put("/discussions/" + f.thread() + "/replies", Map.of("body", "hijacked", "marking", "UNCLASSIFIED"));
            posts.put("/discussions/" + f.thread() + "/replies/" + f.reply() + "/edit",
                    Map.of("body", "hijacked", "marking", "UNCLASSIFIED"));
            posts.put("/discussions/" + f.thread() + "/replies/" + f.reply() + "/delete", Map.of());
            posts.put("/meetings/" + f.meeting() + "/edit", Map.of("kind", "PLENARY", "titleEn", "hijacked",
                    "titleJa", "乗っ取り", "startsAt", "2099-03-01T10:00", "endsAt", "2099-03-01T12:00", "timeZone", "UTC",
                    "location", "x", "marking", "UNCLASSIFIED"));
            posts.put("/meetings/" + f.meeting() + "/agenda", Map.of("title", "hijacked", "marking", "UNCLASSIFIED"));
            posts.put("/meetings/" + f.meeting() + "/decisions", Map.of("text", "hijacked", "marking", "UNCLASSIFIED"));
            posts.put("/meetings/" + f.meeting() + "/minutes", Map.of("minutes", "hijacked"));
            posts.put("/meetings/" + f.meeting() + "/action-items", Map.of("title", "hijacked", "ownerId", "" + auId,
                    "dueDate", "2099-02-01", "marking", "UNCLASSIFIED"));
            posts.put("/action-items/" + f.action() + "/done", Map.of("done", "true"));
            posts.put("/working-groups/" + f.wg() + "/edit", Map.of("code", f.wgCode(), "nameEn", "hijacked",
                    "nameJa", "乗っ取り", "status", "CLOSED", "marking", "UNCLASSIFIED"));
            posts.put("/programs/" + f.program() + "/work-packages", Map.of("code", "WP-X", "titleEn", "hijacked",
                    "marking", "UNCLASSIFIED"));
            posts.put("/programs/" + f.program() + "/work-packages/" + f.workPackage() + "/delete", Map.of("version", "1"));
            posts.put("/programs/" + f.program() + "/work-share/settings", Map.of("tolerance", "50", "releases", "",
                    "version", "1"));
            posts.forEach((path, fields) -> {
                var r = auWeb.form(path, auCsrf, fields);
                if (r.status() != 404) {
                    failures.add("POST " + path + " (" + f.marking() + ") as au.dod with a valid CSRF token: " + r.status()
                            + " " + r.header("Location"));
                }
            });
        }
        var after = AttackSupport.fingerprint(jdbc);
        if (!after.equals(before)) {
            failures.add("database after au.dod's form posts: the database changed in "
                    + AttackSupport.changed(before, after));
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    /** A record under {@code marking} by {@code author}: a document and a thread, and their secret. */
    record Pair(String marking, String secret, long doc, long thread) {
    }

    Pair pair(String author, String marking, String secret) {
        String token = AttackSupport.token(port, author);
        long doc = created(http.post("/api/v1/documents", token, Map.of("title", secret + " document",
                "body", secret, "marking", marking)), author + " document " + marking);
        long thread = created(http.post("/api/v1/threads", token, Map.of("title", secret + " thread",
                "body", secret, "marking", marking)), author + " thread " + marking);
        return new Pair(marking, secret, doc, thread);
    }

    void expectHidden(Pair p, String reader) {
        String token = AttackSupport.token(port, reader);
        Http web = AttackSupport.session(port, reader);
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/api/v1/documents/" + p.doc(), "/api/v1/threads/" + p.thread(),
                "/api/v1/threads/" + p.thread() + "/replies")) {
            var r = http.get(path, token);
            if (r.status() != 404) {
                failures.add("GET " + path + " (" + p.marking() + ") as " + reader + ": " + r.status());
            }
        }
        for (String path : List.of("/documents/" + p.doc(), "/documents/" + p.doc() + "/edit", "/discussions/" + p.thread())) {
            var r = web.get(path, null);
            if (r.status() != 404) {
                failures.add("GET " + path + " (" + p.marking() + ") as " + reader + ": " + r.status());
            }
        }
        for (String path : List.of("/api/v1/search?q=" + p.secret(), "/api/v1/documents", "/api/v1/threads")) {
            if (http.get(path, token).body().contains(p.secret())) {
                failures.add("GET " + path + " as " + reader + " shows the " + p.marking() + " record");
            }
        }
        var put = http.put("/api/v1/documents/" + p.doc(), token, Map.of("title", "x", "body", "x", "marking", "UNCLASSIFIED"));
        if (put.status() != 404) {
            failures.add("PUT /api/v1/documents/{id} (" + p.marking() + ") as " + reader + ": " + put.status());
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    void expectReadable(Pair p, String reader) {
        String token = AttackSupport.token(port, reader);
        assertThat(http.get("/api/v1/documents/" + p.doc(), token).status()).as(p.marking() + " for " + reader + " (control)")
                .isEqualTo(200);
        assertThat(http.get("/api/v1/threads/" + p.thread(), token).status()).as(p.marking() + " for " + reader + " (control)")
                .isEqualTo(200);
    }

    @Test
    void usNofornRecordIs404ForJapan() {
        Pair p = pair(DemoUsers.US_ACQ, "CUI//NOFORN", "idornoforn");
        expectReadable(p, DemoUsers.US_POLICY);
        expectHidden(p, DemoUsers.JP_ATLA);
    }

    @Test
    void groupWgShipRecordIs404ForAUserOutsideTheGroup() {
        Pair p = pair(DemoUsers.US_NAVY, "CUI//GROUP WG-SHIP", "idorgroupship");
        expectReadable(p, DemoUsers.JP_MSDF);
        expectHidden(p, DemoUsers.US_POLICY);
    }

    @Test
    void japaneseCompanyPropinRecordIs404ForAnotherCompany() {
        Pair cui = pair(DemoUsers.JP_INDUSTRY, "CUI//PROPIN", "idorpropincui");
        expectReadable(cui, DemoUsers.JP_ATLA);
        expectHidden(cui, DemoUsers.US_INDUSTRY);
        // us.industry is cleared to UNCLASSIFIED only: an UNCLASSIFIED PROPIN record isolates the company rule
        Pair unclassified = pair(DemoUsers.JP_INDUSTRY, "UNCLASSIFIED//PROPIN", "idorpropinunclassified");
        expectReadable(unclassified, DemoUsers.AU_DOD);
        expectHidden(unclassified, DemoUsers.US_INDUSTRY);
    }

    @Test
    void hiddenChildrenOfVisibleParentsCannotBeReachedOrReferenced() {
        String visible = "UNCLASSIFIED";
        String hidden = "CUI//REL TO USA, JPN";
        long thread = created(http.post("/api/v1/threads", acq, Map.of("title", "idor open thread", "body", "x",
                "marking", visible)), "visible thread");
        long reply = created(http.post("/api/v1/threads/" + thread + "/replies", acq,
                Map.of("body", "idorchildsecret reply", "marking", hidden)), "hidden reply");
        long meeting = created(http.post("/api/v1/meetings", acq, Map.of("kind", "PLENARY", "titleEn", "idor open meeting",
                "titleJa", "公開会合", "startsAt", "2099-04-01T10:00:00", "endsAt", "2099-04-01T12:00:00",
                "timeZone", "UTC", "marking", visible)), "visible meeting");
        long agenda = created(http.post("/api/v1/meetings/" + meeting + "/agenda-items", acq,
                Map.of("title", "idorchildsecret agenda", "marking", hidden)), "hidden agenda item");
        // a reply of another, hidden thread addressed through the visible thread's id
        long otherReply = fixtures.get(0).reply();
        var before = AttackSupport.fingerprint(jdbc);
        List<String> failures = new ArrayList<>();
        Map<String, Http.Response> calls = new LinkedHashMap<>();
        calls.put("GET threads/{visible}/replies/{hidden}", http.get("/api/v1/threads/" + thread + "/replies/" + reply, au));
        calls.put("GET threads/{visible}/replies/{reply of a hidden thread}",
                http.get("/api/v1/threads/" + thread + "/replies/" + otherReply, au));
        calls.put("PUT threads/{visible}/replies/{hidden}", http.put("/api/v1/threads/" + thread + "/replies/" + reply, au,
                Map.of("body", "hijacked", "marking", visible)));
        calls.put("DELETE threads/{visible}/replies/{hidden}",
                http.delete("/api/v1/threads/" + thread + "/replies/" + reply, au));
        calls.put("GET page /discussions/{visible}/replies/{hidden}/edit",
                auWeb.get("/discussions/" + thread + "/replies/" + reply + "/edit", null));
        calls.put("GET page /discussions/{visible}/replies/{reply of a hidden thread}/edit",
                auWeb.get("/discussions/" + thread + "/replies/" + otherReply + "/edit", null));
        calls.put("POST page /discussions/{visible}/replies/{hidden}/delete",
                auWeb.form("/discussions/" + thread + "/replies/" + reply + "/delete", auCsrf, Map.of()));
        calls.forEach((name, r) -> {
            if (r.status() != 404) {
                failures.add(name + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            }
        });
        Map<String, Http.Response> references = new LinkedHashMap<>();
        references.put("POST threads/{visible}/replies {parentId: hidden}", http.post("/api/v1/threads/" + thread
                + "/replies", au, Map.of("parentId", reply, "body", "ref", "marking", visible)));
        references.put("POST meetings/{visible}/decisions {agendaItemId: hidden}", http.post("/api/v1/meetings/" + meeting
                + "/decisions", au, Map.of("agendaItemId", agenda, "text", "ref", "marking", visible)));
        references.put("POST action-items {meetingId: visible, agendaItemId: hidden}", http.post("/api/v1/action-items", au,
                Map.of("meetingId", meeting, "agendaItemId", agenda, "title", "ref", "ownerId", auId,
                        "dueDate", "2099-02-01", "marking", visible)));
        references.forEach((name, r) -> {
            if (r.status() != 400 && r.status() != 404) {
                failures.add(name + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            }
        });
        for (String path : List.of("/api/v1/threads/" + thread, "/api/v1/threads/" + thread + "/replies",
                "/api/v1/meetings/" + meeting, "/api/v1/search?q=idorchildsecret")) {
            if (http.get(path, au).body().contains("idorchildsecret")) {
                failures.add("GET " + path + " as au.dod shows a hidden child");
            }
        }
        for (String path : List.of("/discussions/" + thread, "/meetings/" + meeting)) {
            var r = auWeb.get(path, null);
            if (r.status() != 200 || r.body().contains("idorchildsecret")) {
                failures.add("GET " + path + " as au.dod shows a hidden child (" + r.status() + ")");
            }
        }
        var after = AttackSupport.fingerprint(jdbc);
        if (!after.equals(before)) {
            failures.add("database after au.dod's attempts: the database changed in "
                    + AttackSupport.changed(before, after));
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    @Test
    void aLowerMarkedReplyDoesNotRevealTheHiddenThreadItBelongsTo() {
        long thread = created(http.post("/api/v1/threads", acq, Map.of("title", "idorparentsecret thread title",
                "body", "idorparentsecret body", "marking", "CUI//REL TO USA, JPN")), "hidden thread");
        long reply = created(http.post("/api/v1/threads/" + thread + "/replies", acq,
                Map.of("body", "an unclassified answer", "marking", "UNCLASSIFIED")), "unclassified reply in it");
        List<String> failures = new ArrayList<>();
        var api = http.get("/api/v1/threads/" + thread + "/replies/" + reply, au);
        if (api.status() != 404) {
            failures.add("GET /api/v1/threads/{hidden}/replies/{unclassified} as au.dod: " + api.status());
        }
        var page = auWeb.get("/discussions/" + thread + "/replies/" + reply + "/edit", null);
        if (page.status() != 404) {
            failures.add("GET /discussions/{hidden}/replies/{unclassified}/edit as au.dod: " + page.status()
                    + " (the thread does not exist for au.dod, but this page answers)");
        }
        for (String path : List.of("/api/v1/search?q=idorparentsecret", "/search?q=idorparentsecret")) {
            var r = path.startsWith("/api") ? http.get(path, au) : auWeb.get(path, null);
            if (r.body().contains("idorparentsecret thread title")) { // the query alone is "idorparentsecret"
                failures.add("GET " + path + " as au.dod reveals the hidden thread's title: "
                        + AttackSupport.abbreviate(r.body()));
            }
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    /**
     * The requirements, opportunities, leads, programs and agreements of issue 5: every {@code {id}} endpoint and page,
     * read and write, answers au.dod 404 like a missing id for records released only to the USA and Japan, references
     * to them are refused, and nothing changes.
     */
    @Test
    void requirementsPipelineLeadsProgramsAndAgreementsAre404ForAustraliaAndWritesChangeNothing() {
        String marking = HIDDEN_MARKINGS.get(0);
        String secret = "idorreqsecret";
        long usReq = created(http.post("/api/v1/requirements", acq, Map.of("nation", "USA", "service", "Air Force",
                "capabilityArea", "AIR", "titleEn", secret + " trainer jet", "descriptionEn", secret + " need",
                "quantity", 100, "needBy", "2031-01-01", "marking", marking)), "US requirement");
        long jpReq = created(http.post("/api/v1/requirements", jp, Map.of("nation", "JPN", "service", "ASDF",
                "capabilityArea", "AIR", "titleJa", secret + " 練習機", "descriptionJa", secret + " 更新",
                "quantity", 50, "needBy", "2031-06-01", "marking", marking)), "JP requirement");
        long plan = created(http.post("/api/v1/acquisition-plans", acq, Map.of("requirementId", usReq,
                "title", secret + " plan", "milestones", List.of(Map.of("name", secret + " award", "due", "2029-01-01")),
                "budget", List.of(Map.of("fiscalYear", 2029, "amount", 1000, "currency", "USD")), "marking", marking)),
                "plan");
        long opportunity = created(http.post("/api/v1/opportunities", acq, Map.of("title", secret + " opportunity",
                "requirementIds", List.of(usReq, jpReq), "marking", marking)), "opportunity");
        long lead = created(http.post("/api/v1/leads", acq, Map.of("sourceType", "OTHER", "sourceName", secret,
                "title", secret + " lead", "text", secret + " lead text", "marking", marking)), "lead");
        long program = created(http.post("/api/v1/programs", acq, Map.of("nameEn", secret + " program",
                "type", "CO_DEVELOPMENT", "partners", List.of(Map.of("nation", "USA", "costShare", 50),
                        Map.of("nation", "JPN", "costShare", 50)), "requirementIds", List.of(usReq), "marking", marking)),
                "program");
        long agreement = created(http.post("/api/v1/agreements", acq, Map.of("type", "MOU", "title", secret + " MOU",
                "parties", List.of("USA", "JPN"), "programIds", List.of(program), "marking", marking)), "agreement");
        long feed = created(http.post("/api/v1/leads/feeds", acq, Map.of("url", "https://203.0.113.9/" + secret,
                "name", secret + " feed", "sourceType", "OTHER", "marking", marking)), "feed");
        long[] ids = {usReq, jpReq, plan, opportunity, lead, program, agreement, feed};
        java.util.function.Function<String, String> missing = p -> {
            String s = p;
            for (long id : ids) {
                s = s.replaceAll("(?<=[/=])" + id + "(?=/|$|&|\\.)", MISSING);
            }
            return s;
        };
        java.util.function.Function<String, String> noIds = b -> {
            String s = b;
            for (long id : ids) {
                s = s.replaceAll("\\b" + id + "\\b", "ID");
            }
            return s.replace(MISSING, "ID");
        };
        List<String> failures = new ArrayList<>();
        List<String> reads = List.of("/api/v1/requirements/" + usReq, "/api/v1/requirements/" + jpReq + "/matches",
                "/api/v1/acquisition-plans/" + plan, "/api/v1/opportunities/" + opportunity, "/api/v1/leads/" + lead,
                "/api/v1/programs/" + program, "/api/v1/agreements/" + agreement,
                "/api/v1/opportunities/pair?a=" + usReq + "&b=" + jpReq);
        for (String path : reads) {
            assertThat(http.get(path, acq).status()).as("GET " + path + " as us.acq (control)").isEqualTo(200);
            var r = http.get(path, au);
            var none = http.get(missing.apply(path), au);
            if (r.status() != 404 || r.body().contains(secret)) {
                failures.add("GET " + path + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            } else if (none.status() != 404 || !noIds.apply(none.body()).equals(noIds.apply(r.body()))) {
                failures.add("GET " + path + " as au.dod differs from a missing id: " + r.body() + " vs "
                        + none.status() + " " + none.body());
            }
        }
        for (String list : List.of("/api/v1/requirements", "/api/v1/acquisition-plans", "/api/v1/opportunities",
                "/api/v1/opportunities/finder", "/api/v1/leads", "/api/v1/leads/feeds", "/api/v1/programs",
                "/api/v1/agreements", "/api/v1/acquisition-plans?requirement=" + usReq,
                "/api/v1/requirements?text=" + secret, "/api/v1/search?q=" + secret)) {
            var r = http.get(list, au);
            if (r.status() != 200 || r.body().contains(secret)) {
                failures.add("GET " + list + " as au.dod shows the hidden records: " + r.status());
            }
        }
        var before = AttackSupport.fingerprint(jdbc);
        var beforeTables = fingerprintOf(ISSUE5_TABLES);
        Map<String, java.util.function.Supplier<Http.Response>> writes = new LinkedHashMap<>();
        writes.put("PUT requirements/{id}", () -> http.put("/api/v1/requirements/" + usReq, au, Map.of("nation", "USA",
                "titleEn", "hijacked", "capabilityArea", "AIR", "marking", "UNCLASSIFIED")));
        writes.put("PUT acquisition-plans/{id}", () -> http.put("/api/v1/acquisition-plans/" + plan, au,
                Map.of("requirementId", usReq, "title", "hijacked", "marking", "UNCLASSIFIED")));
        writes.put("PUT opportunities/{id}", () -> http.put("/api/v1/opportunities/" + opportunity, au,
                Map.of("title", "hijacked", "requirementIds", List.of(usReq, jpReq))));
        writes.put("POST opportunities/{id}/stage", () -> http.post("/api/v1/opportunities/" + opportunity + "/stage",
                au, Map.of("toStage", "UNDER_STUDY")));
        writes.put("POST leads/feeds/{id}/poll", () -> http.post("/api/v1/leads/feeds/" + feed + "/poll", au, "{}"));
        writes.put("PUT programs/{id}", () -> http.put("/api/v1/programs/" + program, au, Map.of("nameEn", "hijacked",
                "type", "CO_PRODUCTION", "partners", List.of(Map.of("nation", "AUS", "costShare", 100)),
                "marking", "UNCLASSIFIED")));
        writes.put("PUT agreements/{id}", () -> http.put("/api/v1/agreements/" + agreement, au, Map.of("type", "OTHER",
                "title", "hijacked", "parties", List.of("AUS"), "marking", "UNCLASSIFIED")));
        writes.forEach((name, call) -> {
            var r = call.get();
            if (r.status() != 404) {
                failures.add(name + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            }
        });
        Map<String, Http.Response> references = new LinkedHashMap<>();
        references.put("POST acquisition-plans {requirementId: hidden}", http.post("/api/v1/acquisition-plans", au,
                Map.of("requirementId", usReq, "title", "ref", "marking", "UNCLASSIFIED")));
        references.put("POST opportunities {requirementIds: hidden}", http.post("/api/v1/opportunities", au,
                Map.of("title", "ref", "requirementIds", List.of(usReq, jpReq))));
        references.put("POST opportunities {leadId: hidden}", http.post("/api/v1/opportunities", au,
                Map.of("title", "ref", "leadId", lead)));
        references.put("POST programs {requirementIds: hidden}", http.post("/api/v1/programs", au, Map.of("nameEn",
                "ref", "type", "CO_PRODUCTION", "partners", List.of(Map.of("nation", "AUS", "costShare", 100)),
                "requirementIds", List.of(usReq), "marking", "UNCLASSIFIED")));
        references.put("POST agreements {programIds: hidden}", http.post("/api/v1/agreements", au, Map.of("type",
                "OTHER", "title", "ref", "parties", List.of("AUS"), "programIds", List.of(program),
                "marking", "UNCLASSIFIED")));
        references.forEach((name, r) -> {
            if ((r.status() != 400 && r.status() != 404) || r.body().contains(secret)) {
                failures.add(name + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            }
        });
        List<String> pages = List.of("/requirements/" + usReq, "/requirements/" + usReq + "/edit",
                "/requirements/" + jpReq + "/matches", "/acquisition-plans/" + plan, "/acquisition-plans/" + plan + "/edit",
                "/acquisition-plans/new?requirement=" + usReq, "/opportunities/" + opportunity, "/leads/" + lead,
                "/programs/" + program, "/programs/" + program + "/edit", "/agreements/" + agreement,
                "/agreements/" + agreement + "/edit", "/opportunities/pair?a=" + usReq + "&b=" + jpReq);
        for (String path : pages) {
            assertThat(acqWeb.get(path, null).status()).as("GET " + path + " for a reader (control)").isEqualTo(200);
            var r = auWeb.get(path, null);
            if (r.status() != 404 || r.body().contains(secret)) {
                failures.add("GET " + path + " as au.dod: " + r.status());
            } else if (auWeb.get(path.contains("pair?") ? path.replace("a=" + usReq, "a=" + MISSING)
                    : missing.apply(path), null).status() != 404) { // the same id twice redirects to its matches
                failures.add("GET " + path + " as au.dod answers 404 but a missing id does not");
            }
        }
        for (String list : List.of("/requirements", "/acquisition-plans", "/opportunities", "/opportunities/finder",
                "/leads", "/programs", "/agreements")) {
            var r = auWeb.get(list, null);
            if (r.status() != 200 || r.body().contains(secret)) {
                failures.add("GET " + list + " as au.dod shows the hidden records: " + r.status());
            }
        }
        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put("/requirements/" + usReq, Map.of("nation", "USA", "titleEn", "hijacked", "capabilityArea", "AIR",
                "marking", "UNCLASSIFIED"));
        posts.put("/acquisition-plans/" + plan, Map.of("requirementId", "" + usReq, "title", "hijacked",
                "marking", "UNCLASSIFIED"));
        posts.put("/opportunities/" + opportunity, Map.of("title", "hijacked"));
        posts.put("/opportunities/" + opportunity + "/stage", Map.of("toStage", "UNDER_STUDY"));
        posts.put("/leads/" + lead + "/promote", Map.of("requirementIds", "" + usReq));
        posts.put("/leads/feeds/" + feed + "/poll", Map.of());
        posts.put("/programs/" + program + "/edit", Map.of("nameEn", "hijacked", "type", "CO_PRODUCTION",
                "marking", "UNCLASSIFIED"));
        posts.put("/agreements/" + agreement + "/edit", Map.of("type", "OTHER", "title", "hijacked",
                "marking", "UNCLASSIFIED"));
        postsAre404AndChangeNothing(posts, before, beforeTables, ISSUE5_TABLES, failures);
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    /**
     * Co-production plans (issue 13): a plan released only to the USA and Japan is 404 for au.dod — a government user
     * whom the write rule would allow — on every read and write of the API and the pages, its rows and runs included,
     * exactly like a missing id, and nothing changes.
     */
    @Test
    void coproductionPlansAre404ForAustraliaAndWritesChangeNothing() {
        String secret = "idorcoprodsecret";
        Http.Response made = http.post("/api/v1/coproduction/plans", acq, Map.of("name", secret + " plan",
                "marking", HIDDEN_MARKINGS.get(0), "firstYear", 2027, "periods", 2,
                "lines", List.of(Map.of("code", "L1", "nation", "USA", "product", "P", "capacity", List.of(5, 5),
                        "unitCost", 1), Map.of("code", "L2", "nation", "JPN", "product", "P",
                        "capacity", List.of(1, 1), "unitCost", 1)),
                "components", List.of(Map.of("code", "C1", "name", secret, "capacity", List.of(9, 9),
                        "usage", Map.of("P", 1))),
                "transfers", List.of(Map.of("from", "USA", "to", "JPN", "products", List.of("P"), "whatIf", true))));
        long plan = created(made, "co-production plan");
        String base = "/api/v1/coproduction/plans/" + plan;
        var started = http.post(base + "/runs", acq, Map.of("seconds", 1));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().get("id").asLong();
        List<String> failures = new ArrayList<>();
        for (String path : List.of(base, base + "/runs/" + run)) {
            assertThat(http.get(path, acq).status()).as("GET " + path + " as us.acq (control)").isEqualTo(200);
            var r = http.get(path, au);
            var none = http.get(path.replace("/" + plan, "/" + MISSING), au);
            if (r.status() != 404 || r.body().contains(secret) || none.status() != 404) {
                failures.add("GET " + path + " as au.dod: " + r.status() + " (missing id: " + none.status() + ")");
            }
        }
        var list = http.get("/api/v1/coproduction/plans", au);
        if (list.status() != 200 || list.body().contains(secret)) {
            failures.add("GET /api/v1/coproduction/plans as au.dod shows the plan: " + list.status());
        }
        var before = AttackSupport.fingerprint(jdbc);
        var beforeTables = fingerprintOf(COPRODUCTION_TABLES);
        java.util.function.Supplier<Long> runs = () -> jdbc.sql("select count(*) from coproduction_run where plan_id = :p")
                .param("p", plan).query(Long.class).single();
        long runsBefore = runs.get();
        String etag = "\"1\"";
        Map<String, java.util.function.Supplier<Http.Response>> writes = new LinkedHashMap<>();
        writes.put("PUT plans/{id}", () -> http.putIfMatch(base, au, Map.of("name", "hijacked", "marking",
                "UNCLASSIFIED", "firstYear", 2027, "periods", 2), etag));
        writes.put("POST plans/{id}/lines", () -> http.postIfMatch(base + "/lines", au, Map.of("code", "X",
                "nation", "AUS", "product", "P", "capacity", List.of(1, 1), "unitCost", 1), etag));
        writes.put("PUT plans/{id}/lines/L1", () -> http.putIfMatch(base + "/lines/L1", au, Map.of("code", "L1",
                "nation", "AUS", "product", "P", "capacity", List.of(1, 1), "unitCost", 1), etag));
        writes.put("DELETE plans/{id}/lines/L1", () -> http.deleteIfMatch(base + "/lines/L1", au, etag));
        writes.put("DELETE plans/{id}/components/C1", () -> http.deleteIfMatch(base + "/components/C1", au, etag));
        writes.put("DELETE plans/{id}/transfers/1", () -> http.deleteIfMatch(base + "/transfers/1", au, etag));
        writes.put("POST plans/{id}/runs", () -> http.post(base + "/runs", au, Map.of("seconds", 1)));
        writes.put("POST plans/{id}/what-ifs", () -> http.post(base + "/what-ifs", au, Map.of("kind",
                "ALLOW_TRANSFER", "subject", "1")));
        writes.put("POST runs/{run}/stop", () -> http.post(base + "/runs/" + run + "/stop", au, "{}"));
        writes.forEach((name, call) -> {
            var r = call.get();
            if (r.status() != 404 || r.body().contains(secret)) {
                failures.add(name + " as au.dod: " + r.status() + " " + AttackSupport.abbreviate(r.body()));
            }
        });
        String page = "/coproduction/" + plan;
        for (String path : List.of(page, page + "/edit", page + "/lines/new", page + "/lines/L1/edit",
                page + "/components/C1/edit", page + "/transfers/1/edit", page + "/demands/new",
                page + "/runs/" + run, page + "/runs/" + run + "/run.csv", page + "/runs/" + run + "/chart.json")) {
            assertThat(acqWeb.get(path, null).status()).as("GET " + path + " for a reader (control)").isEqualTo(200);
            var r = auWeb.get(path, null);
            if (r.status() != 404 || r.body().contains(secret)) {
                failures.add("GET " + path + " as au.dod: " + r.status());
            } else if (auWeb.get(path.replace("/" + plan, "/" + MISSING), null).status() != 404) {
                failures.add("GET " + path + " as au.dod answers 404 but a missing id does not");
            }
        }
        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put(page + "/edit", Map.of("name", "hijacked", "marking", "UNCLASSIFIED", "firstYear", "2027",
                "periods", "2", "version", "1"));
        posts.put(page + "/lines", Map.of("code", "X", "nation", "AUS", "product", "P", "capacity", "1",
                "unitCost", "1", "version", "1"));
        posts.put(page + "/lines/L1/edit", Map.of("code", "L1", "nation", "AUS", "product", "P", "capacity", "1",
                "unitCost", "1", "version", "1"));
        posts.put(page + "/lines/L1/delete", Map.of("version", "1"));
        posts.put(page + "/transfers/1/delete", Map.of("version", "1"));
        posts.put(page + "/runs", Map.of("seconds", "1"));
        postsAre404AndChangeNothing(posts, before, beforeTables, COPRODUCTION_TABLES, failures);
        if (runs.get() != runsBefore) {
            failures.add("au.dod started a run of the hidden plan");
        }
        assertThat(failures).as(failures.size() + " problems").isEmpty();
    }

    static final List<String> COPRODUCTION_TABLES = List.of("coproduction_plan", "coproduction_line",
            "coproduction_line_cost", "coproduction_component", "coproduction_transfer", "coproduction_demand");

    static final List<String> ISSUE5_TABLES = List.of("requirement", "acquisition_plan", "acquisition_plan_milestone",
            "acquisition_plan_budget_line", "opportunity", "opportunity_requirement", "opportunity_event", "lead",
            "lead_feed", "program", "program_partner", "program_milestone", "program_requirement", "agreement",
            "agreement_party", "agreement_document", "agreement_program");

    /**
     * Posts each form as au.dod (with a valid CSRF token): every one must be 404, and neither the data tables nor
     * {@code tables} may differ from their fingerprints taken before the attempts.
     */
    void postsAre404AndChangeNothing(Map<String, Map<String, String>> posts, Map<String, String> before,
                                     Map<String, String> beforeTables, List<String> tables, List<String> failures) {
        posts.forEach((path, fields) -> {
            var r = auWeb.form(path, auCsrf, fields);
            if (r.status() != 404) {
                failures.add("POST " + path + " as au.dod with a valid CSRF token: " + r.status() + " "
                        + r.header("Location"));
            }
        });
        var after = AttackSupport.fingerprint(jdbc);
        if (!after.equals(before)) {
            failures.add("database after au.dod's attempts changed in " + AttackSupport.changed(before, after));
        }
        var afterTables = fingerprintOf(tables);
        if (!afterTables.equals(beforeTables)) {
            failures.add("database after au.dod's attempts changed in " + AttackSupport.changed(beforeTables, afterTables));
        }
    }

    Map<String, String> fingerprintOf(List<String> tables) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String table : tables) {
            f.put(table, jdbc.sql("select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                    + " from " + table + " t").query(String.class).single());
        }
        return f;
    }
}
