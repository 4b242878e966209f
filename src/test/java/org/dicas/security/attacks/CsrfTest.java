package org.dicas.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-site request forgery. Every state-changing form endpoint refuses a signed-in session's POST that carries no
 * CSRF token, a garbage token, or a valid token of another session (what an attacker can obtain), with 403 and
 * without changing anything. The very same requests with the session's own token succeed, so the 403s come from the
 * CSRF check and not from a malformed request. The JSON API (where CSRF protection is off) ignores the session cookie.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String acqToken;
    long acqId;
    long wg;
    String wgCode;
    long doc;
    long thread;
    long reply;
    long meeting;
    long action;
    /** A valid CSRF token, but of an attacker's own session. */
    String attackersToken;

    /** A state-changing form endpoint, the session that may use it, and a valid form body. */
    record Endpoint(String path, boolean admin, Map<String, String> fields) {
    }

    @BeforeAll
    void createTargets() {
        http = new Http(port);
        acqToken = AttackSupport.token(port, DemoUsers.US_ACQ);
        String admin = AttackSupport.token(port, DemoUsers.ADMIN);
        acqId = AttackSupport.userId(jdbc, DemoUsers.US_ACQ);
        wgCode = "CSRFWG";
        wg = id(http.post("/api/v1/working-groups", admin, Map.of("code", wgCode, "nameEn", "CSRF target group",
                "nameJa", "CSRF部会", "status", "ACTIVE", "marking", "UNCLASSIFIED")));
        doc = id(http.post("/api/v1/documents", acqToken, Map.of("title", "CSRF target", "body", "original",
                "marking", "UNCLASSIFIED")));
        thread = id(http.post("/api/v1/threads", acqToken, Map.of("title", "CSRF thread", "body", "original",
                "marking", "UNCLASSIFIED")));
        reply = id(http.post("/api/v1/threads/" + thread + "/replies", acqToken, Map.of("body", "original reply",
                "marking", "UNCLASSIFIED")));
        meeting = id(http.post("/api/v1/meetings", acqToken, Map.of("kind", "PLENARY", "titleEn", "CSRF meeting",
                "titleJa", "CSRF会合", "startsAt", "2099-05-01T10:00:00", "endsAt", "2099-05-01T12:00:00",
                "timeZone", "UTC", "marking", "UNCLASSIFIED")));
        action = id(http.post("/api/v1/action-items", acqToken, Map.of("meetingId", meeting, "title", "CSRF action",
                "ownerId", acqId, "dueDate", "2099-06-01", "marking", "UNCLASSIFIED")));
        attackersToken = Http.csrf(AttackSupport.session(port, DemoUsers.AU_DOD).get("/", null).body());
    }

    long id(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    List<Endpoint> endpoints() {
        Map<String, String> meetingForm = Map.of("kind", "PLENARY", "titleEn", "forged meeting", "titleJa", "偽の会合",
                "startsAt", "2099-07-01T10:00", "endsAt", "2099-07-01T12:00", "timeZone", "UTC", "location", "x",
                "marking", "UNCLASSIFIED");
        Map<String, String> wgForm = new LinkedHashMap<>(Map.of("nameEn", "forged group", "nameJa", "偽の部会",
                "status", "ACTIVE", "groupCode", "", "marking", "UNCLASSIFIED"));
        Map<String, String> newWg = new LinkedHashMap<>(wgForm);
        newWg.put("code", "CSRFNEW");
        Map<String, String> editWg = new LinkedHashMap<>(wgForm);
        editWg.put("code", wgCode);
        // the order matters for the controls: the reply is edited before it is deleted, and sign-out comes last
        return List.of(
                new Endpoint("/documents", false, Map.of("title", "forged", "body", "x", "marking", "UNCLASSIFIED")),
                new Endpoint("/documents/" + doc + "/edit", false, Map.of("title", "forged", "body", "x",
                        "marking", "UNCLASSIFIED")),
                new Endpoint("/discussions", false, Map.of("title", "forged", "body", "x", "marking", "UNCLASSIFIED")),
                new Endpoint("/discussions/" + thread + "/replies", false, Map.of("body", "forged", "marking", "UNCLASSIFIED")),
                new Endpoint("/discussions/" + thread + "/replies/" + reply + "/edit", false,
                        Map.of("body", "forged", "marking", "UNCLASSIFIED")),
                new Endpoint("/discussions/" + thread + "/replies/" + reply + "/delete", false, Map.of()),
                new Endpoint("/meetings", false, meetingForm),
                new Endpoint("/meetings/" + meeting + "/edit", false, meetingForm),
                new Endpoint("/meetings/" + meeting + "/agenda", false, Map.of("title", "forged", "marking", "UNCLASSIFIED")),
                new Endpoint("/meetings/" + meeting + "/decisions", false, Map.of("text", "forged", "marking", "UNCLASSIFIED")),
                new Endpoint("/meetings/" + meeting + "/minutes", false, Map.of("minutes", "forged")),
                new Endpoint("/meetings/" + meeting + "/action-items", false, Map.of("title", "forged",
                        "ownerId", "" + acqId, "dueDate", "2099-06-01", "marking", "UNCLASSIFIED")),
                new Endpoint("/action-items/" + action + "/done", false, Map.of("done", "true")),
                new Endpoint("/working-groups", true, newWg),
                new Endpoint("/working-groups/" + wg + "/edit", true, editWg),
                new Endpoint("/logout", false, Map.of()));
    }

    @Test
    void everyStateChangingFormRefusesPostsWithoutTheSessionsCsrfTokenAndAcceptsThemWithIt() {
        Http user = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD); // its own: the control signs it out
        Http admin = AttackSupport.session(port, DemoUsers.ADMIN);
        var before = AttackSupport.fingerprint(jdbc);
        List<String> failures = new ArrayList<>();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("a garbage token", "forged-0123456789abcdef");
        forged.put("another session's valid token", attackersToken);
        List<Endpoint> endpoints = endpoints();
        for (Endpoint e : endpoints) {
            Http session = e.admin() ? admin : user;
            for (var f : forged.entrySet()) {
                var r = session.form(e.path(), f.getValue(), e.fields());
                if (r.status() != 403) {
                    failures.add("POST " + e.path() + " with " + f.getKey() + ": " + r.status() + " " + r.header("Location"));
                }
            }
        }
        var after = AttackSupport.fingerprint(jdbc);
        if (!after.equals(before)) {
            failures.add("database after forged posts: the database changed in "
                    + AttackSupport.changed(before, after));
        }
        assertThat(failures).as(failures.size() + " forged posts not refused").isEmpty();
        // still signed in: the refused sign-outs did not sign anyone out, and neither does a GET (an <img src=/logout>)
        assertThat(user.get("/", null).status()).as("us.acq still signed in after forged sign-outs").isEqualTo(200);
        user.get("/logout", null);
        assertThat(user.get("/", null).status()).as("GET /logout must not sign out").isEqualTo(200);

        // controls: the very same requests with the session's own token go through
        String userCsrf = Http.csrf(user.get("/", null).body());
        String adminCsrf = Http.csrf(admin.get("/", null).body());
        for (Endpoint e : endpoints) {
            // an editing form carries the version it was opened at, as the page would: the record's current one
            Map<String, String> fields = new LinkedHashMap<>(e.fields());
            var editing = java.util.regex.Pattern.compile("/(\\d+)/(edit|delete|minutes)$").matcher(e.path());
            if (editing.find()) {
                fields.put("version", String.valueOf(jdbc.sql("select version from record where id = :id")
                        .param("id", Long.parseLong(editing.group(1))).query(Long.class).single()));
            }
            var r = (e.admin() ? admin : user).form(e.path(), e.admin() ? adminCsrf : userCsrf, fields);
            if (r.status() != 302) {
                failures.add("control: POST " + e.path() + " with the session's token: " + r.status() + " "
                        + AttackSupport.abbreviate(r.body()));
            }
        }
        assertThat(failures).as(failures.size() + " controls failed").isEmpty();
        assertThat(AttackSupport.fingerprint(jdbc)).as("the controls changed the database").isNotEqualTo(before);
        var signedOut = user.get("/", null);
        assertThat(signedOut.status()).as("signed out after a real sign-out").isEqualTo(302);
        assertThat(signedOut.header("Location")).endsWith("/login");
    }

    @Test
    void theApiIgnoresTheBrowserSessionSoItCannotBeForged() {
        Http browser = AttackSupport.session(port, DemoUsers.US_ACQ);
        int before = AttackSupport.count(jdbc, "record");
        var r = browser.post("/api/v1/documents", null, Map.of("title", "forged through the API", "body", "x",
                "marking", "UNCLASSIFIED"));
        assertThat(r.status()).as("POST /api/v1/documents with only a session cookie").isEqualTo(401);
        var put = browser.put("/api/v1/documents/" + doc, null, Map.of("title", "forged", "body", "x",
                "marking", "UNCLASSIFIED"));
        assertThat(put.status()).as("PUT /api/v1/documents/{id} with only a session cookie").isEqualTo(401);
        var delete = browser.delete("/api/v1/threads/" + thread + "/replies/" + reply, null);
        assertThat(delete.status()).as("DELETE /api/v1/threads/{id}/replies/{rid} with only a session cookie")
                .isEqualTo(401);
        // a form-encoded (simple, cross-site) request to the API is not accepted either
        var form = browser.form("/api/v1/documents", null, Map.of("title", "forged", "body", "x", "marking", "UNCLASSIFIED"));
        assertThat(form.status()).as("form-encoded POST /api/v1/documents with a session cookie").isIn(401, 415);
        assertThat(AttackSupport.count(jdbc, "record")).isEqualTo(before);
    }
}
