package org.dicas.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * E-mail notices through a real SMTP server (GreenMail): an e-mail carries no record content above PUBLIC, only the
 * kind of event and a link; a daily digest gathers several notices into one e-mail; a failed send is retried and
 * delivered once. The platform runs with SMTP configured (its own context and database).
 */
@PlatformTest
class NoticeMailTest {

    static final String BASE = "https://dicas.test";
    static final int PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> PORT);
        r.add("dicas.mail.base-url", () -> BASE + "/");
        r.add("dicas.mail.from", () -> "dicas@dicas.test");
        r.add("dicas.mail.retry-interval", () -> "PT1H"); // the tests drive retries themselves
        r.add("dicas.mail.digest-cron", () -> "-");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    @BeforeAll
    static void start() {
        smtp = startSmtp();
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    NoticeMail mail;

    Http http;
    String tag;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        tag = "MAILTEST-" + UUID.randomUUID().toString().substring(0, 8);
        smtp.purgeEmailFromAllMailboxes();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long choose(String username, String address, String frequency) {
        long id = userId(username);
        jdbc.sql("""
                        insert into notice_mail_preference (user_id, address, frequency) values (:u, :a, :f)
                        on conflict (user_id) do update set address = excluded.address, frequency = excluded.frequency""")
                .param("u", id).param("a", address).param("f", frequency).update();
        return id;
    }

    long assign(String owner, String marking, String title, String description) {
        var r = http.post("/api/v1/action-items", http.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD),
                Map.of("title", title, "description", description, "ownerId", userId(owner),
                        "dueDate", "2027-06-01", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long noticeId(long userId, long recordId) {
        return jdbc.sql("select id from notification where user_id = :u and record_id = :r")
                .param("u", userId).param("r", recordId).query(Long.class).single();
    }

    List<MimeMessage> to(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The e-mail's text as its reader sees it (decoded), without trailing line breaks. */
    static String text(MimeMessage m) throws Exception {
        return ((String) m.getContent()).strip();
    }

    /** Waits (a few seconds at most) until {@code address} has received {@code count} e-mails. */
    List<MimeMessage> await(String address, int count) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (to(address).size() < count && Instant.now().isBefore(until)) {
            smtp.waitForIncomingEmail(200, smtp.getReceivedMessages().length + 1);
        }
        return to(address);
    }

    @Test
    void assigningACuiActionItemMailsTheOwnerALinkAndNoCuiText() throws Exception {
        long navy = choose(DemoUsers.US_NAVY, "vance@example.org", "IMMEDIATE");
        String title = tag + " hull acoustic signature";
        String body = tag + "-body keel thickness 42 mm";
        long item = assign(DemoUsers.US_NAVY, "CUI", title, body);

        List<MimeMessage> got = await("vance@example.org", 1);
        assertThat(got).hasSize(1);
        MimeMessage m = got.get(0);
        String whole = GreenMailUtil.getWholeMessage(m);
        assertThat(whole).as("no CUI text anywhere in the e-mail").doesNotContain(tag, "hull", "keel", "42 mm");
        assertThat(text(m)).as("nor in the decoded text").doesNotContain(tag, "hull", "keel", "42 mm");
        assertThat(m.getSubject()).isEqualTo("DICAS: An action item was assigned to you");
        String text = text(m);
        long notice = noticeId(navy, item);
        assertThat(text).startsWith("PUBLIC").endsWith("PUBLIC")
                .contains(BASE + "/notifications/" + notice + "/open", "An action item was assigned to you",
                        "This e-mail carries no record content.");
        assertThat(m.getFrom()[0].toString()).isEqualTo("dicas@dicas.test");
        long row = jdbc.sql("select id from notice_mail where notification_ids = array[cast(:n as bigint)]")
                .param("n", notice).query(Long.class).single();
        assertThat(m.getMessageID()).isEqualTo("<notice-mail-" + row + "@dicas.test>");

        var open = new Http(port).signIn(DemoUsers.US_NAVY, DemoUsers.PASSWORD)
                .get("/notifications/" + notice + "/open", null);
        assertThat(open.status()).as("the link leads to the record").isEqualTo(302);
        assertThat(open.header("Location")).endsWith("/action-items/" + item);
    }

    @Test
    void editingACuiAgendaItemMailsTheAttendeesThatAMeetingChangedAndNoCuiText() throws Exception {
        choose(DemoUsers.US_NAVY, "vance@example.org", "IMMEDIATE");
        String us = http.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        var meeting = http.post("/api/v1/meetings", us, Map.of("kind", "PLENARY", "titleEn", tag + " plenary",
                "titleJa", tag + " 本会合", "startsAt", "2027-06-10T10:00:00", "endsAt", "2027-06-10T12:00:00",
                "timeZone", "Asia/Tokyo", "marking", "CUI", "attendeeIds", List.of(userId(DemoUsers.US_NAVY))));
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        long id = meeting.json().get("id").asLong();
        await("vance@example.org", 1); // the invitation
        smtp.purgeEmailFromAllMailboxes();
        String items = "/api/v1/meetings/" + id + "/agenda-items";
        long item = http.post(items, us, Map.of("title", tag + " sonar array", "marking", "CUI")).json().get("id").asLong();
        var edited = http.put(items + "/" + item, us, Map.of("title", tag + " towed sonar array depth 300 m",
                "marking", "CUI"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        List<MimeMessage> got = await("vance@example.org", 1);
        assertThat(got).hasSize(1);
        String whole = GreenMailUtil.getWholeMessage(got.get(0));
        assertThat(whole).as("no CUI text anywhere in the e-mail").doesNotContain(tag, "sonar", "300 m");
        assertThat(got.get(0).getSubject())
                .isEqualTo("DICAS: A meeting you attend was changed, or you were added to its attendees");
        assertThat(text(got.get(0))).startsWith("PUBLIC").endsWith("PUBLIC").contains(BASE + "/notifications/"
                + noticeId(userId(DemoUsers.US_NAVY), item) + "/open");
    }

    @Test
    void aJapaneseOwnerReadsTheEmailInJapaneseAndAPublicRecordIsNamed() throws Exception {
        long atla = choose(DemoUsers.JP_ATLA, "mori@example.jp", "IMMEDIATE");
        jdbc.sql("update app_user set locale = 'ja' where id = :u").param("u", atla).update();
        long item = assign(DemoUsers.JP_ATLA, "PUBLIC", tag + " public agenda", "open text");
        MimeMessage m = await("mori@example.jp", 1).get(0);
        assertThat(m.getSubject()).isEqualTo("DICAS：アクションアイテムの担当者に指定されました");
        String text = text(m);
        assertThat(text).contains("アクションアイテムの担当者に指定されました — " + tag + " public agenda",
                BASE + "/notifications/" + noticeId(atla, item) + "/open").doesNotContain("open text");
    }

    @Test
    void aDailyDigestGathersSeveralNoticesIntoOneEmail() throws Exception {
        long policy = choose(DemoUsers.US_POLICY, "dunn@example.org", "DAILY");
        long a = assign(DemoUsers.US_POLICY, "CUI", tag + " first", "x");
        long b = assign(DemoUsers.US_POLICY, "CUI//REL TO USA, JPN", tag + " second", "y");
        var thread = http.post("/api/v1/threads", http.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD),
                Map.of("title", tag + " thread", "body", "@us.policy please look", "marking", "CUI"));
        long t = thread.json().get("id").asLong();
        assertThat(jdbc.sql("select count(*) from notice_mail where user_id = :u").param("u", policy)
                .query(Integer.class).single()).as("nothing sent before the digest").isZero();

        assertThat(mail.gatherDigests()).isEqualTo(1);
        assertThat(mail.drain()).isEqualTo(1);
        List<MimeMessage> got = to("dunn@example.org");
        assertThat(got).hasSize(1);
        MimeMessage m = got.get(0);
        assertThat(m.getSubject()).isEqualTo("DICAS: 3 new notifications");
        String text = text(m);
        assertThat(text).contains("There are 3 new notifications for you in DICAS:",
                BASE + "/notifications/" + noticeId(policy, a) + "/open",
                BASE + "/notifications/" + noticeId(policy, b) + "/open",
                BASE + "/notifications/" + noticeId(policy, t) + "/open", "Someone mentioned you")
                .doesNotContain(tag);

        assertThat(mail.gatherDigests()).as("each notice goes into one digest").isZero();
        assertThat(mail.drain()).isZero();
        assertThat(to("dunn@example.org")).hasSize(1);
    }

    @Test
    void aFailedSendIsRetriedAndTheEmailArrivesOnce() throws Exception {
        long fdo = choose(DemoUsers.US_FDO, "pryor@example.org", "IMMEDIATE");
        smtp.stop();
        long row;
        try {
            long item = assign(DemoUsers.US_FDO, "CUI", tag + " retry", "z");
            long notice = noticeId(fdo, item);
            row = jdbc.sql("select id from notice_mail where notification_ids = array[cast(:n as bigint)]")
                    .param("n", notice).query(Long.class).single();
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (jdbc.sql("select attempts from notice_mail where id = :id").param("id", row)
                    .query(Integer.class).single() == 0 && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            while (jdbc.sql("select claimed_until is not null from notice_mail where id = :id").param("id", row)
                    .query(Boolean.class).single() && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertThat(jdbc.sql("select sent_at is null and last_error is not null and next_attempt_at > now() "
                            + "from notice_mail where id = :id").param("id", row).query(Boolean.class).single())
                    .as("the failed send is kept for a later attempt").isTrue();
        } finally {
            smtp = startSmtp();
        }
        assertThat(mail.drain()).as("not due yet").isZero();
        jdbc.sql("update notice_mail set next_attempt_at = now() where id = :id").param("id", row).update();
        assertThat(mail.drain()).isEqualTo(1);
        assertThat(mail.drain()).isZero();
        assertThat(to("pryor@example.org")).hasSize(1);
        assertThat(jdbc.sql("select attempts from notice_mail where id = :id").param("id", row)
                .query(Integer.class).single()).isEqualTo(2);
    }
}
