package org.dicas.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.JsonNode;

/**
 * In-app notices over real HTTP and the real database: who is told of a reply, a mention, an assignment and a meeting
 * change (readers of the record only, never the actor); read and unread, one by one or all at once, in the API and on
 * the page; and e-mail, off unless configured, queues nothing.
 */
@PlatformTest
class NoticesTest {

    static final String REL = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    Http http;
    String tag;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        tag = "NOTICES-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String token(String username) {
        return http.token(username, DemoUsers.PASSWORD);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** The user's notices about one record, as the API gives them. */
    List<JsonNode> notices(String username, long recordId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : http.all("/api/v1/notifications", token(username))) {
            if (n.get("recordId") != null && !n.get("recordId").isNull() && n.get("recordId").asLong() == recordId) {
                out.add(n);
            }
        }
        return out;
    }

    List<String> keys(String username, long recordId) {
        return notices(username, recordId).stream().map(n -> n.get("key").asString()).toList();
    }

    long thread(String username, String marking, String body) {
        var r = http.post("/api/v1/threads", token(username), Map.of("title", tag + " thread", "body", body,
                "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long reply(String username, long thread, Long parent, String marking) {
        Map<String, Object> body = new HashMap<>(Map.of("body", tag + " reply", "marking", marking));
        if (parent != null) {
            body.put("parentId", parent);
        }
        var r = http.post("/api/v1/threads/" + thread + "/replies", token(username), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void aReplyTellsTheAuthorOfTheThreadAndOfTheReplyItAnswersButNotTheReplier() {
        long thread = thread(DemoUsers.US_ACQ, REL, "Shall we meet in May?");
        long first = reply(DemoUsers.JP_ATLA, thread, null, REL);

        List<JsonNode> toAuthor = notices(DemoUsers.US_ACQ, first);
        assertThat(toAuthor).hasSize(1);
        assertThat(toAuthor.get(0).get("key").asString()).isEqualTo("notification.reply.toThread");
        assertThat(toAuthor.get(0).get("message").asString())
                .isEqualTo("森 遥 (Haruka Mori) replied to your thread: \"Re: " + tag + " thread\"");
        assertThat(toAuthor.get(0).get("read").asBoolean()).isFalse();
        assertThat(toAuthor.get(0).get("link").asString()).isEqualTo("/discussions/" + thread + "#reply-" + first);
        assertThat(keys(DemoUsers.JP_ATLA, first)).as("the replier is not told of their own reply").isEmpty();

        long answer = reply(DemoUsers.US_ACQ, thread, first, REL);
        assertThat(keys(DemoUsers.JP_ATLA, answer)).containsExactly("notification.reply.toReply");
        assertThat(keys(DemoUsers.US_ACQ, answer)).isEmpty();

        long third = reply(DemoUsers.US_NAVY, thread, answer, REL);
        assertThat(keys(DemoUsers.US_ACQ, third)).as("author of both the thread and the reply: told once")
                .containsExactly("notification.reply.toReply");
    }

    @Test
    void aMentionTellsOnlyPeopleWhoMayReadThePostAndOnlyOnce() {
        long thread = thread(DemoUsers.US_ACQ, "CUI//NOFORN", "Please review, @us.navy and @jp.atla. Mail a.b@us.policy");
        assertThat(keys(DemoUsers.US_NAVY, thread)).containsExactly("notification.mention");
        assertThat(notices(DemoUsers.US_NAVY, thread).get(0).get("message").asString())
                .isEqualTo("Michael Trent mentioned you in \"" + tag + " thread\"");
        assertThat(keys(DemoUsers.JP_ATLA, thread)).as("NOFORN: a Japanese official is not told it exists").isEmpty();
        assertThat(jdbc.sql("select count(*) from notification where record_id = :r and user_id = :u")
                .param("r", thread).param("u", userId(DemoUsers.JP_ATLA)).query(Integer.class).single()).isZero();
        assertThat(keys(DemoUsers.US_POLICY, thread)).as("an e-mail address is not a mention").isEmpty();

        var edited = http.put("/api/v1/threads/" + thread, token(DemoUsers.US_ACQ), Map.of("title", tag + " thread",
                "body", "Please review, @us.navy and @jp.atla. Also @us.fdo", "marking", "CUI//NOFORN"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(keys(DemoUsers.US_NAVY, thread)).as("mentioned before the edit: not told again").hasSize(1);
        assertThat(keys(DemoUsers.US_FDO, thread)).containsExactly("notification.mention");
    }

    Map<String, Object> actionItem(long ownerId) {
        return Map.of("title", tag + " action", "description", "Draft the annex", "ownerId", ownerId,
                "dueDate", "2027-06-01", "marking", "CUI");
    }

    @Test
    void assigningAnActionItemTellsItsOwnerAndGivingItToSomeoneElseTellsThem() {
        String us = token(DemoUsers.US_ACQ);
        var created = http.post("/api/v1/action-items", us, actionItem(userId(DemoUsers.US_NAVY)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(keys(DemoUsers.US_NAVY, id)).containsExactly("notification.actionItem.assigned");
        assertThat(notices(DemoUsers.US_NAVY, id).get(0).get("message").asString())
                .isEqualTo("Michael Trent assigned you the action item \"" + tag + " action\"");
        assertThat(keys(DemoUsers.US_ACQ, id)).isEmpty();

        var moved = http.put("/api/v1/action-items/" + id, us, actionItem(userId(DemoUsers.JP_ATLA)));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(keys(DemoUsers.JP_ATLA, id)).containsExactly("notification.actionItem.assigned");
        assertThat(keys(DemoUsers.US_NAVY, id)).hasSize(1);

        assertThat(http.put("/api/v1/action-items/" + id, us, actionItem(userId(DemoUsers.JP_ATLA))).status())
                .isEqualTo(200);
        assertThat(keys(DemoUsers.JP_ATLA, id)).as("the same owner again: nothing new").hasSize(1);
    }

    Map<String, Object> meeting(String starts, String location, List<Long> attendees) {
        return Map.of("kind", "PLENARY", "titleEn", tag + " plenary", "titleJa", tag + " 本会合",
                "startsAt", starts, "endsAt", starts.replace("T10", "T12"), "timeZone", "Asia/Tokyo",
                "location", location, "marking", REL, "attendeeIds", attendees);
    }

    @Test
    void aMeetingTellsItsAttendeesOfTheInvitationAndOfANewTimeOrPlace() {
        String us = token(DemoUsers.US_ACQ);
        long navy = userId(DemoUsers.US_NAVY);
        var created = http.post("/api/v1/meetings", us, meeting("2027-05-10T10:00:00", "Ichigaya", List.of(navy)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(keys(DemoUsers.US_NAVY, id)).containsExactly("notification.meeting.invited");

        assertThat(http.put("/api/v1/meetings/" + id, us, meeting("2027-05-10T10:00:00", "Pentagon",
                List.of(navy, userId(DemoUsers.JP_ATLA)))).status()).isEqualTo(200);
        assertThat(keys(DemoUsers.US_NAVY, id)).containsExactlyInAnyOrder("notification.meeting.invited",
                "notification.meeting.moved");
        assertThat(keys(DemoUsers.JP_ATLA, id)).as("newly added: invited, not told of the move")
                .containsExactly("notification.meeting.invited");

        assertThat(http.put("/api/v1/meetings/" + id, us, meeting("2027-05-11T10:00:00", "Pentagon",
                List.of(navy, userId(DemoUsers.JP_ATLA)))).status()).isEqualTo(200);
        assertThat(keys(DemoUsers.JP_ATLA, id)).containsExactlyInAnyOrder("notification.meeting.invited",
                "notification.meeting.rescheduled");
        assertThat(keys(DemoUsers.US_ACQ, id)).as("the organiser is not told of their own change").isEmpty();
    }

    @Test
    void editingAnAgendaItemOrADecisionTellsTheAttendeesWhoMayReadItButNotTheEditor() {
        String us = token(DemoUsers.US_ACQ);
        long navy = userId(DemoUsers.US_NAVY);
        long jp = userId(DemoUsers.JP_ATLA);
        long meeting = http.post("/api/v1/meetings", us, meeting("2027-06-10T10:00:00", "Ichigaya", List.of(navy, jp)))
                .json().get("id").asLong();
        String items = "/api/v1/meetings/" + meeting + "/agenda-items";
        long shared = http.post(items, us, Map.of("title", tag + " shared item", "marking", REL)).json().get("id").asLong();
        long usOnly = http.post(items, us, Map.of("title", tag + " U.S. item", "marking", "CUI//NOFORN"))
                .json().get("id").asLong();
        assertThat(keys(DemoUsers.US_NAVY, shared)).as("adding an item is no edit").isEmpty();

        var edited = http.put(items + "/" + shared, us, Map.of("title", tag + " shared item, new title", "marking", REL));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(keys(DemoUsers.US_NAVY, shared)).containsExactly("notification.meeting.agendaItemChanged");
        assertThat(keys(DemoUsers.JP_ATLA, shared)).containsExactly("notification.meeting.agendaItemChanged");
        assertThat(keys(DemoUsers.US_ACQ, shared)).as("the editor is not told of their own change").isEmpty();
        JsonNode notice = notices(DemoUsers.JP_ATLA, shared).get(0);
        assertThat(notice.get("link").asString()).isEqualTo("/meetings/" + meeting + "#agenda-" + shared);
        // saved as it was: nothing to tell
        assertThat(http.put(items + "/" + shared, us, Map.of("title", tag + " shared item, new title", "marking", REL))
                .status()).isEqualTo(200);
        assertThat(keys(DemoUsers.US_NAVY, shared)).hasSize(1);
        // an item Japan may not read: only the American attendee is told
        assertThat(http.put(items + "/" + usOnly, us, Map.of("title", tag + " U.S. item, moved",
                "marking", "CUI//NOFORN")).status()).isEqualTo(200);
        assertThat(keys(DemoUsers.US_NAVY, usOnly)).containsExactly("notification.meeting.agendaItemChanged");
        assertThat(keys(DemoUsers.JP_ATLA, usOnly)).isEmpty();

        String decisions = "/api/v1/meetings/" + meeting + "/decisions";
        var d = http.post(decisions, us, Map.of("text", tag + " decided", "marking", REL));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long decision = d.json().get("id").asLong();
        assertThat(http.put(decisions + "/" + decision, us, Map.of("text", tag + " decided otherwise",
                "marking", REL)).status()).isEqualTo(200);
        assertThat(keys(DemoUsers.JP_ATLA, decision)).containsExactly("notification.meeting.decisionChanged");
        assertThat(notices(DemoUsers.JP_ATLA, decision).get(0).get("link").asString())
                .isEqualTo("/meetings/" + meeting + "#decision-" + decision);
    }

    @Test
    void aDecisionOnARequirementOrALeadTellsWhoWroteItButNotTheDecider() {
        String jp = token(DemoUsers.JP_ATLA);
        Map<String, Object> req = new HashMap<>(Map.of("nation", "JPN", "service", "海上自衛隊",
                "capabilityArea", "MUNITIONS.ANTI_SHIP", "titleJa", tag + " 対艦誘導弾", "needBy", "2031-03-31",
                "marking", "CUI//NOFORN", "status", "DRAFT"));
        var created = http.post("/api/v1/requirements", jp, req);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long requirement = created.json().get("id").asLong();
        // the author's own change tells no one; a Japanese service validating it tells its author
        req.put("quantity", 12);
        assertThat(http.put("/api/v1/requirements/" + requirement, jp, req).status()).isEqualTo(200);
        assertThat(keys(DemoUsers.JP_ATLA, requirement)).isEmpty();
        req.put("status", "VALIDATED");
        var validated = http.put("/api/v1/requirements/" + requirement, token(DemoUsers.JP_MSDF), req);
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(keys(DemoUsers.JP_ATLA, requirement)).containsExactly("notification.requirement.status");
        assertThat(keys(DemoUsers.JP_MSDF, requirement)).isEmpty();
        JsonNode notice = notices(DemoUsers.JP_ATLA, requirement).get(0);
        assertThat(notice.get("message").asString()).contains("“Validated”", "Wataru Ishida");

        String us = token(DemoUsers.US_ACQ);
        var lead = http.post("/api/v1/leads", us, Map.of("sourceType", "OTHER", "sourceName", tag,
                "title", tag + " lead", "text", tag + " text", "marking", REL));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        long leadId = lead.json().get("id").asLong();
        var tracked = http.post("/api/v1/opportunities", jp, Map.of("title", tag + " from the lead", "leadId", leadId,
                "marking", REL));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(201);
        assertThat(keys(DemoUsers.US_ACQ, leadId)).containsExactly("notification.lead.promoted");
        assertThat(notices(DemoUsers.US_ACQ, leadId).get(0).get("link").asString()).isEqualTo("/leads/" + leadId);
    }

    @Test
    void cancellingAMeetingTellsItsAttendeesAndShowsItCancelledEverywhere() {
        String us = token(DemoUsers.US_ACQ);
        long navy = userId(DemoUsers.US_NAVY);
        long id = http.post("/api/v1/meetings", us, meeting("2027-05-20T10:00:00", "Ichigaya", List.of(navy)))
                .json().get("id").asLong();
        String etag = http.etag("/api/v1/meetings/" + id, us);
        assertThat(http.postIfMatch("/api/v1/meetings/" + id + "/cancel", us, "", "\"999\"").status())
                .as("a stale version cancels nothing").isEqualTo(412);
        var cancelled = http.postIfMatch("/api/v1/meetings/" + id + "/cancel", us, "", etag);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelled").asBoolean()).isTrue();
        assertThat(keys(DemoUsers.US_NAVY, id)).containsExactlyInAnyOrder("notification.meeting.invited",
                "notification.meeting.cancelled");
        var again = http.postIfMatch("/api/v1/meetings/" + id + "/cancel", us, "",
                http.etag("/api/v1/meetings/" + id, us));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").asString()).contains("is cancelled already");

        Http page = new Http(port).signIn(DemoUsers.US_NAVY, DemoUsers.PASSWORD);
        assertThat(page.get("/meetings/" + id, null).body()).contains("This meeting is cancelled.");
        assertThat(page.get("/meetings/" + id + "/calendar.ics", null).body()).contains("STATUS:CANCELLED");
    }

    @Test
    void noticesStayUnreadUntilMarkedOneByOneOrAllAndAnotherUsersNoticeIsNotFound() {
        long thread = thread(DemoUsers.US_POLICY, "UNCLASSIFIED", "Agenda ideas");
        long r1 = reply(DemoUsers.AU_DOD, thread, null, "UNCLASSIFIED");
        long r2 = reply(DemoUsers.AU_DOD, thread, null, "UNCLASSIFIED");
        String policy = token(DemoUsers.US_POLICY);
        long n1 = notices(DemoUsers.US_POLICY, r1).get(0).get("id").asLong();
        long n2 = notices(DemoUsers.US_POLICY, r2).get(0).get("id").asLong();
        http.get("/api/v1/notifications", policy);
        assertThat(notices(DemoUsers.US_POLICY, r1).get(0).get("read").asBoolean())
                .as("listing does not mark read").isFalse();

        assertThat(http.post("/api/v1/notifications/" + n1 + "/read", policy, "").status()).isEqualTo(204);
        assertThat(notices(DemoUsers.US_POLICY, r1).get(0).get("read").asBoolean()).isTrue();
        assertThat(notices(DemoUsers.US_POLICY, r2).get(0).get("read").asBoolean()).isFalse();

        var foreign = http.post("/api/v1/notifications/" + n2 + "/read", token(DemoUsers.AU_DOD), "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/notifications/99999999/read", policy, "").status()).isEqualTo(404);

        var all = http.post("/api/v1/notifications/read", policy, "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("marked").asInt()).isPositive();
        assertThat(notices(DemoUsers.US_POLICY, r2).get(0).get("read").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from notification where user_id = :u and read_at is null")
                .param("u", userId(DemoUsers.US_POLICY)).query(Integer.class).single()).isZero();
    }

    @Test
    void theNoticesPageShowsUnreadUntilMarkedAndAnEmailLinkOpensTheRecord() {
        long thread = thread(DemoUsers.US_POLICY, "UNCLASSIFIED", "Page test");
        long r1 = reply(DemoUsers.AU_DOD, thread, null, "UNCLASSIFIED");
        long r2 = reply(DemoUsers.AU_DOD, thread, null, "UNCLASSIFIED");
        long n1 = notices(DemoUsers.US_POLICY, r1).get(0).get("id").asLong();
        Http page = new Http(port).signIn(DemoUsers.US_POLICY, DemoUsers.PASSWORD);
        String html = page.get("/notifications", null).body();
        assertThat(html).contains("id=\"notification-" + n1 + "\"", "tag-unread", "Mark all read");
        assertThat(page.get("/notifications", null).body()).as("seeing the list does not mark it read")
                .contains("tag-unread");

        var open = page.get("/notifications/" + n1 + "/open", null);
        assertThat(open.status()).isEqualTo(302);
        assertThat(open.header("Location")).endsWith("/discussions/" + thread + "#reply-" + r1);
        assertThat(notices(DemoUsers.US_POLICY, r1).get(0).get("read").asBoolean()).isTrue();
        assertThat(new Http(port).signIn(DemoUsers.AU_DOD, DemoUsers.PASSWORD)
                .get("/notifications/" + n1 + "/open", null).status()).as("another user's notice").isEqualTo(404);

        html = page.get("/notifications", null).body();
        var marked = page.form("/notifications/read", Http.csrf(html), Map.of());
        assertThat(marked.status()).isEqualTo(302);
        assertThat(marked.header("Location")).endsWith("/notifications?marked");
        String after = page.get("/notifications?marked", null).body();
        assertThat(after).doesNotContain("tag-unread", "Mark all read").contains("Marked as read.");
        assertThat(notices(DemoUsers.US_POLICY, r2).get(0).get("read").asBoolean()).isTrue();
    }

    @Test
    void settingsKeepTheEmailChoiceAndRefuseABadAddressNamingIt() {
        Http page = new Http(port).signIn(DemoUsers.US_FDO, DemoUsers.PASSWORD);
        String html = page.get("/settings", null).body();
        assertThat(html).contains("E-mail notifications", "name=\"frequency\"", "value=\"DAILY\"",
                "E-mail is not set up on this platform");
        var bad = page.form("/settings/notices", Http.csrf(html), Map.of("address", "not-an-address",
                "frequency", "IMMEDIATE"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("not-an-address is not an e-mail address", "value=\"not-an-address\"");
        var none = page.form("/settings/notices", Http.csrf(html), Map.of("address", "", "frequency", "DAILY"));
        assertThat(none.body()).contains("Enter an e-mail address, or choose no e-mail.");
        var ok = page.form("/settings/notices", Http.csrf(html), Map.of("address", "pryor@example.org",
                "frequency", "DAILY"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/settings?saved#notices");
        assertThat(jdbc.sql("select address || ' ' || frequency from notice_mail_preference where user_id = :u")
                .param("u", userId(DemoUsers.US_FDO)).query(String.class).single())
                .isEqualTo("pryor@example.org DAILY");
        assertThat(page.get("/settings", null).body()).contains("value=\"pryor@example.org\"");
    }

    @Test
    void theEmailChoiceIsReadAndSetThroughTheApiAndBadInputSavesNothing() {
        String t = token(DemoUsers.JP_MSDF);
        var bad = http.put("/api/v1/me/notice-mail", t, Map.of("address", "ishida@", "frequency", "DAILY"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("field").asString()).isEqualTo("address");
        assertThat(http.put("/api/v1/me/notice-mail", t, Map.of("address", "ishida@example.jp", "frequency",
                "WEEKLY")).json().get("field").asString()).isEqualTo("frequency");
        var none = http.get("/api/v1/me/notice-mail", t).json();
        assertThat(none.get("address").asString()).isEmpty();
        assertThat(none.get("frequency").asString()).isEqualTo("IMMEDIATE");
        assertThat(none.get("mailOn").asBoolean()).isFalse();
        var saved = http.put("/api/v1/me/notice-mail", t, Map.of("address", "ishida@example.jp",
                "frequency", "DAILY"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("address").asString()).isEqualTo("ishida@example.jp");
        assertThat(http.get("/api/v1/me/notice-mail", t).json().get("frequency").asString()).isEqualTo("DAILY");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'jp.msdf' and action = 'NOTICE_MAIL_CHOSEN'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void eMailOffByDefaultQueuesAndSendsNothing() {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).as("no SMTP configured").isNull();
        long navy = userId(DemoUsers.US_NAVY);
        jdbc.sql("""
                insert into notice_mail_preference (user_id, address, frequency) values (:u, 'vance@example.org', 'IMMEDIATE')
                on conflict (user_id) do update set address = excluded.address, frequency = excluded.frequency""")
                .param("u", navy).update();
        long before = jdbc.sql("select count(*) from notice_mail").query(Long.class).single();
        var created = http.post("/api/v1/action-items", token(DemoUsers.US_ACQ), actionItem(navy));
        long id = created.json().get("id").asLong();
        assertThat(keys(DemoUsers.US_NAVY, id)).as("the in-app notice is there").hasSize(1);
        assertThat(jdbc.sql("select count(*) from notice_mail").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from notification where digest_pending").query(Long.class).single())
                .isZero();
    }
}
