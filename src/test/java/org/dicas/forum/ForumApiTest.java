package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The JSON API over real HTTP and the real (embedded) PostgreSQL. */
@PlatformTest
class ForumApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String jp;
    String us;

    @BeforeEach
    void signIn() {
        http = new Http(port);
        jp = Tokens.of(port, DemoUsers.JP_ATLA);
        us = Tokens.of(port, DemoUsers.US_ACQ);
    }

    int records() {
        return jdbc.sql("select count(*) from record").query(Integer.class).single();
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        var r = http.post("/api/v1/auth/token", null, Map.of("username", "jp.atla", "password", "nope"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void callsWithoutAValidTokenAreUnauthorized() {
        assertThat(http.get("/api/v1/documents", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/documents", "not-a-token").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", null).header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void revokedTokenNoLongerWorks() {
        String t = http.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        assertThat(http.get("/api/v1/me", t).status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/auth/token", t).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/me", t).status()).isEqualTo(401);
    }

    @Test
    void healthIsUpWithoutSigningIn() {
        var r = http.get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheApi() {
        var r = http.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/documents", "/api/v1/working-groups", "/api/v1/search", "/api/v1/me");
    }

    @Test
    void meDescribesTheSignedInUser() {
        JsonNode me = http.get("/api/v1/me", http.token(DemoUsers.JP_INDUSTRY, DemoUsers.PASSWORD)).json();
        assertThat(me.get("username").asString()).isEqualTo("jp.industry");
        assertThat(me.get("nation").asString()).isEqualTo("JPN");
        assertThat(me.get("accessLevel").asString()).isEqualTo("CUI");
        assertThat(me.get("roles").toString()).contains("INDUSTRY");
        assertThat(me.get("groups").toString()).contains("WG-SHIP", "WG-MISSILE");
        assertThat(me.get("company").asString()).isEqualTo(DemoUsers.JP_HEAVY_INDUSTRY);
        assertThat(me.get("organization").asString()).isEqualTo(DemoUsers.JP_HEAVY_INDUSTRY);
    }

    @Test
    void documentIsCreatedReadAndListedWithItsMarking() {
        var created = http.post("/api/v1/documents", jp, Map.of("title", "共同生産の論点 API test",
                "body", "# Heading\n\n<script>alert(1)</script>", "marking", "CUI//REL TO USA, JPN"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(created.header("Location")).endsWith("/api/v1/documents/" + id);
        JsonNode got = http.get("/api/v1/documents/" + id, us).json();
        assertThat(got.get("title").asString()).isEqualTo("共同生産の論点 API test");
        assertThat(got.get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(http.all("/api/v1/documents", us).toString()).contains("共同生産の論点 API test");
        // a nation outside REL TO does not see it at all
        String au = http.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD);
        assertThat(http.get("/api/v1/documents/" + id, au).status()).isEqualTo(404);
        assertThat(http.all("/api/v1/documents", au).toString()).doesNotContain("共同生産の論点 API test");
    }

    @Test
    void documentUpdateByItsAuthorKeepsTheId() {
        long id = http.post("/api/v1/documents", us, Map.of("title", "Draft", "body", "v1", "marking", "UNCLASSIFIED"))
                .json().get("id").asLong();
        var updated = http.put("/api/v1/documents/" + id, us, Map.of("title", "Final", "body", "v2", "marking", "CUI"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("marking").asString()).isEqualTo("CUI");
        assertThat(http.put("/api/v1/documents/" + id, jp, Map.of("title", "Hijack", "body", "x", "marking", "CUI"))
                .status()).isEqualTo(403);
        assertThat(http.get("/api/v1/documents/" + id, us).json().get("title").asString()).isEqualTo("Final");
    }

    @Test
    void invalidMarkingIsRejectedNamingTheProblemAndNothingIsSaved() {
        int before = records();
        var r = http.post("/api/v1/documents", jp, Map.of("title", "x", "body", "y", "marking", "CUI//REL TO USA,JPN"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo("marking");
        assertThat(r.json().get("detail").asString()).contains("USA,JPN");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void markingTheAuthorCouldNotReadIsRejected() {
        int before = records();
        var r = http.post("/api/v1/documents", jp, Map.of("title", "x", "body", "y", "marking", "CUI//GROUP NOT-MINE"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("marking");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        int before = records();
        // the detail is in the caller's language (jp.atla may have chosen Japanese); the key names the rule in both
        var malformed = http.post("/api/v1/documents", jp, "{\"title\":").json();
        assertThat(malformed.get("messageKey").asString()).isEqualTo("problem.body.malformedAt");
        assertThat(malformed.get("detail").asString()).contains("JSON").containsAnyOf("malformed JSON", "JSONの形式");
        var wrongType = http.post("/api/v1/documents", jp, "{\"title\":\"t\",\"body\":{\"a\":1},\"marking\":\"CUI\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asString()).isEqualTo("body");
        var unknown = http.post("/api/v1/documents", jp, "{\"title\":\"t\",\"body\":\"b\",\"marking\":\"CUI\",\"colour\":1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("colour");
        var numberAsText = http.post("/api/v1/documents", jp, "{\"title\":5,\"body\":\"b\",\"marking\":\"CUI\"}");
        assertThat(numberAsText.status()).isEqualTo(400);
        assertThat(numberAsText.json().get("field").asString()).isEqualTo("title");
        var blank = http.post("/api/v1/documents", jp, Map.of("title", " ", "body", "b", "marking", "CUI"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("field").asString()).isEqualTo("title");
        var tooLong = http.post("/api/v1/documents", jp, Map.of("title", "x".repeat(201), "body", "b", "marking", "CUI"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asString()).isEqualTo("title");
        var unknownGroup = http.post("/api/v1/documents", jp, Map.of("title", "t", "body", "b", "marking", "CUI",
                "workingGroupId", 999999));
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.json().get("field").asString()).isEqualTo("workingGroupId");
        assertThat(http.get("/api/v1/documents/abc", jp).status()).isEqualTo(400);
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void meetingThatEndsBeforeItStartsIsRejected() {
        int before = records();
        var r = http.post("/api/v1/meetings", us, Map.of("kind", "PLENARY", "titleEn", "Bad", "titleJa", "不正",
                "startsAt", "2027-03-01T10:00:00", "endsAt", "2027-03-01T09:00:00", "timeZone", "Asia/Tokyo",
                "marking", "UNCLASSIFIED"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("endsAt");
        var zone = http.post("/api/v1/meetings", us, Map.of("kind", "PLENARY", "titleEn", "Bad", "titleJa", "不正",
                "startsAt", "2027-03-01T10:00:00", "endsAt", "2027-03-01T12:00:00", "timeZone", "Mars/Olympus",
                "marking", "UNCLASSIFIED"));
        assertThat(zone.json().get("field").asString()).isEqualTo("timeZone");
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void meetingWithAgendaDecisionAndActionItemsRoundTrips() {
        long wg = http.get("/api/v1/working-groups", us).json().get("items").get(0).get("id").asLong();
        var m = http.post("/api/v1/meetings", us, Map.of("kind", "WORKING_GROUP", "workingGroupId", wg,
                "titleEn", "API meeting", "titleJa", "APIの会合", "startsAt", "2027-05-10T09:30:00",
                "endsAt", "2027-05-10T12:00:00", "timeZone", "Asia/Tokyo", "location", "Ichigaya",
                "marking", "CUI//REL TO USA, JPN"));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        long id = m.json().get("id").asLong();
        assertThat(m.json().get("startsAt").asString()).startsWith("2027-05-10T09:30").contains("+09:00");
        var agenda = http.post("/api/v1/meetings/" + id + "/agenda-items", us,
                Map.of("title", "Opening", "marking", "UNCLASSIFIED"));
        assertThat(agenda.status()).isEqualTo(201);
        long agendaId = agenda.json().get("id").asLong();
        assertThat(http.post("/api/v1/meetings/" + id + "/decisions", us,
                Map.of("text", "Agreed", "agendaItemId", agendaId, "marking", "CUI//REL TO USA, JPN")).status())
                .isEqualTo(201);
        long owner = ownerId(DemoUsers.JP_ATLA);
        var action = http.post("/api/v1/action-items", us, Map.of("meetingId", id, "agendaItemId", agendaId,
                "title", "Send draft", "ownerId", owner, "dueDate", "2027-06-01", "marking", "CUI//REL TO USA, JPN"));
        assertThat(action.status()).isEqualTo(201);
        assertThat(action.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(http.put("/api/v1/meetings/" + id + "/minutes", us, Map.of("minutes", "## Minutes")).status())
                .isEqualTo(200);
        JsonNode details = http.get("/api/v1/meetings/" + id, jp).json();
        assertThat(details.get("id").asLong()).isEqualTo(id);
        assertThat(details.get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(details.get("agenda").size()).isEqualTo(1);
        assertThat(details.get("decisions").size()).isEqualTo(1);
        assertThat(details.get("actionItems").size()).isEqualTo(1);
        assertThat(details.get("minutes").asString()).isEqualTo("## Minutes");
        // the owner closes it
        long actionId = action.json().get("id").asLong();
        var done = http.put("/api/v1/action-items/" + actionId, jp, Map.of("meetingId", id, "title", "Send draft",
                "ownerId", owner, "dueDate", "2027-06-01", "status", "DONE", "marking", "CUI//REL TO USA, JPN"));
        assertThat(done.json().get("status").asString()).isEqualTo("DONE");
        var ics = http.get("/api/v1/meetings/" + id + "/calendar.ics", jp);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.body()).contains("BEGIN:VEVENT", "DTSTART:20270510T003000Z", "CUI//REL TO USA\\, JPN");
    }

    long ownerId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /**
     * The field and detail of a 400 with the user id replaced, to compare refusals of different ids: the detail
     * names the field by its label, {@code field} by its name.
     */
    static String shape(Http.Response r, long userId) {
        return r.json().get("field").asString() + " | "
                + r.json().get("detail").asString().replace(String.valueOf(userId), "ID");
    }

    @Test
    void peopleWhoMayNotReadTheRecordAreRefusedAsOwnerAttendeeOrMemberLikeUnknownIds() {
        long au = ownerId(DemoUsers.AU_DOD);
        long jpAtla = ownerId(DemoUsers.JP_ATLA);
        long unknown = 987654321L;
        String admin = http.token(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        int before = records();
        // attendees of a meeting released to the USA and Japan only
        java.util.function.Function<Long, Http.Response> meeting = attendee -> http.post("/api/v1/meetings", us,
                Map.of("kind", "PLENARY", "titleEn", "Picker meeting", "titleJa", "選択会合",
                        "startsAt", "2027-03-01T10:00:00", "endsAt", "2027-03-01T12:00:00", "timeZone", "UTC",
                        "marking", "CUI//REL TO USA, JPN", "attendeeIds", List.of(jpAtla, attendee)));
        var hiddenAttendee = meeting.apply(au);
        var unknownAttendee = meeting.apply(unknown);
        assertThat(hiddenAttendee.status()).isEqualTo(400).isEqualTo(unknownAttendee.status());
        assertThat(shape(hiddenAttendee, au)).isEqualTo(shape(unknownAttendee, unknown))
                .isEqualTo("attendeeIds | Attendees: User ID may not read a record marked CUI//REL TO USA, JPN.");
        // members of a working group released to the USA and Japan only
        java.util.function.Function<Long, Http.Response> group = member -> http.post("/api/v1/working-groups", admin,
                Map.of("code", "PICKER", "nameEn", "Picker group", "nameJa", "選択部会", "status", "PROPOSED",
                        "marking", "UNCLASSIFIED//REL TO USA, JPN", "memberIds", List.of(member)));
        var hiddenMember = group.apply(au);
        var unknownMember = group.apply(unknown);
        assertThat(hiddenMember.status()).isEqualTo(400).isEqualTo(unknownMember.status());
        assertThat(shape(hiddenMember, au)).isEqualTo(shape(unknownMember, unknown)).startsWith("memberIds | Members: ");
        // the owner of an action item
        java.util.function.Function<Long, Http.Response> action = owner -> http.post("/api/v1/action-items", us,
                Map.of("title", "Picker action", "ownerId", owner, "dueDate", "2027-06-01",
                        "marking", "CUI//REL TO USA, JPN"));
        var hiddenOwner = action.apply(au);
        var unknownOwner = action.apply(unknown);
        assertThat(hiddenOwner.status()).isEqualTo(400).isEqualTo(unknownOwner.status());
        assertThat(shape(hiddenOwner, au)).isEqualTo(shape(unknownOwner, unknown)).startsWith("ownerId | Owner: ");
        assertThat(records()).as("nothing saved").isEqualTo(before);
        // the record as saved decides: a new marking the owner may not read is refused, naming the owner
        var created = action.apply(jpAtla);
        assertThat(created.status()).isEqualTo(201);
        var narrowed = http.put("/api/v1/action-items/" + created.json().get("id").asLong(), us, Map.of(
                "title", "Picker action", "ownerId", jpAtla, "dueDate", "2027-06-01", "marking", "CUI//NOFORN"));
        assertThat(narrowed.status()).isEqualTo(400);
        assertThat(shape(narrowed, jpAtla)).isEqualTo("ownerId | Owner: User ID may not read a record marked CUI//NOFORN.");
        var narrowedJa = new Http(port).inLanguage("ja").putIfMatch("/api/v1/action-items/" + created.json().get("id").asLong(),
                us, Map.of("title", "Picker action", "ownerId", jpAtla, "dueDate", "2027-06-01", "marking", "CUI//NOFORN"),
                http.get("/api/v1/action-items/" + created.json().get("id").asLong(), us).header("ETag"));
        assertThat(narrowedJa.status()).isEqualTo(400);
        assertThat(shape(narrowedJa, jpAtla)).as("the refusal in the caller's language")
                .isEqualTo("ownerId | 担当者：ユーザー ID は区分表示 CUI//NOFORN の記録を閲覧できません。");
        assertThat(narrowedJa.json().get("messageKey").asString()).isEqualTo("forum.error.userMayNotRead");
        // the same people are welcome where they may read
        assertThat(meeting.apply(ownerId(DemoUsers.JP_INDUSTRY)).status()).isEqualTo(201);
    }

    @Test
    void industryMayNotOrganiseMeetings() {
        String industry = http.token(DemoUsers.JP_INDUSTRY, DemoUsers.PASSWORD);
        var r = http.post("/api/v1/meetings", industry, Map.of("kind", "PLENARY", "titleEn", "x", "titleJa", "x",
                "startsAt", "2027-03-01T10:00:00", "endsAt", "2027-03-01T12:00:00", "timeZone", "Asia/Tokyo",
                "marking", "UNCLASSIFIED"));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void threadRepliesAreEditedAndDeletedOnlyByTheirAuthorAndDeletedOnesStayInPlace() {
        var t = http.post("/api/v1/threads", jp, Map.of("title", "艦船修理の日程", "body", "ドック枠について",
                "marking", "UNCLASSIFIED"));
        assertThat(t.status()).isEqualTo(201);
        long id = t.json().get("id").asLong();
        long first = http.post("/api/v1/threads/" + id + "/replies", us, Map.of("body", "We can offer March",
                "marking", "UNCLASSIFIED")).json().get("id").asLong();
        var nested = http.post("/api/v1/threads/" + id + "/replies", jp, Map.of("parentId", first,
                "body", "3月で調整します", "marking", "UNCLASSIFIED"));
        assertThat(nested.json().get("parentId").asLong()).isEqualTo(first);
        assertThat(http.put("/api/v1/threads/" + id + "/replies/" + first, jp, Map.of("body", "edited by other",
                "marking", "UNCLASSIFIED")).status()).isEqualTo(403);
        var edited = http.put("/api/v1/threads/" + id + "/replies/" + first, us, Map.of("body", "We can offer April",
                "marking", "UNCLASSIFIED"));
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        assertThat(http.delete("/api/v1/threads/" + id + "/replies/" + first, jp).status()).isEqualTo(403);
        var deleted = http.delete("/api/v1/threads/" + id + "/replies/" + first, us);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        JsonNode thread = http.get("/api/v1/threads/" + id, jp).json();
        assertThat(thread.get("id").asLong()).isEqualTo(id);
        assertThat(thread.get("marking").asString()).isEqualTo("UNCLASSIFIED");
        JsonNode replies = thread.get("replies");
        assertThat(replies.size()).isEqualTo(2);
        assertThat(replies.get(0).get("deleted").asBoolean()).isTrue();
        assertThat(replies.get(0).get("body").asString()).isEmpty();
        assertThat(replies.get(1).get("body").asString()).isEqualTo("3月で調整します");
    }

    @Test
    void workingGroupsAreManagedByTheSecretariatOnly() {
        String admin = http.token(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        Map<String, Object> body = Map.of("code", "TRAINER", "nameEn", "Trainer aircraft", "nameJa", "練習機",
                "status", "PROPOSED", "marking", "UNCLASSIFIED",
                "coChairs", List.of(Map.of("nation", "USA", "name", "A. Chair"), Map.of("nation", "JPN", "name", "B. 議長")));
        assertThat(http.post("/api/v1/working-groups", us, body).status()).isEqualTo(403);
        var created = http.post("/api/v1/working-groups", admin, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("coChairs").size()).isEqualTo(2);
        var twoChairsOneNation = http.post("/api/v1/working-groups", admin, Map.of("code", "TWOUS", "nameEn", "x",
                "nameJa", "x", "status", "ACTIVE", "marking", "UNCLASSIFIED",
                "coChairs", List.of(Map.of("nation", "USA", "name", "A"), Map.of("nation", "USA", "name", "B"))));
        assertThat(twoChairsOneNation.status()).isEqualTo(400);
        assertThat(twoChairsOneNation.json().get("field").asString()).isEqualTo("coChairs");
        var duplicate = http.post("/api/v1/working-groups", admin, body);
        assertThat(duplicate.json().get("field").asString()).isEqualTo("code");
        assertThat(duplicate.json().get("detail").asString()).isEqualTo("Code: A working group with code TRAINER already exists.");
        var duplicateJa = new Http(port).inLanguage("ja").post("/api/v1/working-groups", admin, body);
        assertThat(duplicateJa.json().get("detail").asString()).isEqualTo("コード：コード TRAINER の作業部会は既に存在します。");
        var twoChairsJa = new Http(port).inLanguage("ja").post("/api/v1/working-groups", admin, Map.of("code", "TWOUS",
                "nameEn", "x", "nameJa", "x", "status", "ACTIVE", "marking", "UNCLASSIFIED",
                "coChairs", List.of(Map.of("nation", "USA", "name", "A"), Map.of("nation", "USA", "name", "B"))));
        assertThat(twoChairsJa.json().get("detail").asString())
                .isEqualTo("共同議長：共同議長は各国1名です（米国が重複しています）。");
    }

    @Test
    void theWorkingGroupCodeRuleIsExplainedInTheCallersLanguage() {
        String admin = http.token(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        Map<String, Object> body = Map.of("code", "bad code", "nameEn", "x", "nameJa", "x", "status", "ACTIVE",
                "marking", "UNCLASSIFIED");
        var en = new Http(port).inLanguage("en").post("/api/v1/working-groups", admin, body);
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("errors").get("code").asString())
                .isEqualTo("must be 2 to 16 upper-case letters, digits or hyphens");
        var ja = new Http(port).inLanguage("ja").post("/api/v1/working-groups", admin, body);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("errors").get("code").asString())
                .as("the validator interpolates the message from the bundles in the request's language")
                .isEqualTo("英大文字・数字・ハイフンの2～16文字で入力してください");
    }

    @Test
    void searchFindsRecordsOfEveryTypeTheCallerMayReadAndCarriesTheirHighWaterMark() {
        var r = http.get("/api/v1/search?q=MSRA", us).json();
        assertThat(r.get("items").size()).isGreaterThan(0);
        assertThat(r.get("total").asLong()).isGreaterThanOrEqualTo(r.get("items").size());
        JsonNode hit = r.get("items").get(0);
        assertThat(hit.has("type") && hit.has("id") && hit.has("title") && hit.has("marking")).isTrue();
        assertThat(r.get("marking").asString()).isNotBlank();
        assertThat(http.get("/api/v1/search?q=" + "x".repeat(300), us).status()).isEqualTo(400);
    }
}
