package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times on the pages are in the reader's zone with its label: a VTC set for 22:27 in Tokyo reads 22:27 JST to a
 * Japanese official (in Japanese dates) and 09:27 EDT, beside its own 22:27 JST, to an American one; a user who
 * chooses another zone on the settings page reads times in it from the next page on.
 */
@PlatformTest
class ReaderTimeZonePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static final String JAPANESE = "jp.msdf";
    static final String AMERICAN = "us.navy";

    @AfterEach
    void usersReadInTheirNationsZoneAndEnglishAgain() {
        jdbc.sql("update app_user set time_zone = null where username in (:u)")
                .param("u", java.util.List.of(JAPANESE, AMERICAN)).update();
        jdbc.sql("update app_user set locale = 'en' where username = :u").param("u", JAPANESE).update();
    }

    String meetingInTokyo(Http web, String title) {
        var form = web.get("/meetings/new", null);
        var r = web.form("/meetings", Http.csrf(form.body()), Map.of("kind", "PLENARY", "titleEn", title,
                "titleJa", "時刻表示の確認", "startsAt", "2030-06-10T22:27", "endsAt", "2030-06-10T23:30",
                "timeZone", "Asia/Tokyo", "location", "VTC", "marking", "CUI//REL TO USA, JPN"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return r.header("Location");
    }

    static String starts(String page) {
        return Jsoup.parse(page).select("dl.facts time").first().text();
    }

    @Test
    void aJapaneseOfficialSeesAMeetingInJstAndAnAmericanInEasternTimeBesideIt() {
        String meeting = meetingInTokyo(new Http(port).signIn("us.acq", "demo"), "Time zone VTC");

        Http japanese = new Http(port).signIn(JAPANESE, "demo");
        String ja = japanese.get(meeting + "?lang=ja", null).body();
        assertThat(starts(ja)).isEqualTo("2030年6月10日（月） 22:27 JST");

        Http american = new Http(port).signIn(AMERICAN, "demo");
        String en = american.get(meeting, null).body();
        assertThat(starts(en)).isEqualTo("Mon 10 Jun 2030 09:27 EDT (22:27 JST)");
        // the machine value stays ISO-8601 with its offset
        assertThat(Jsoup.parse(en).select("dl.facts time").first().attr("datetime")).isEqualTo("2030-06-10T22:27+09:00");
        // the meeting list says the same
        String list = american.get("/meetings", null).body();
        assertThat(list).contains("Mon 10 Jun 2030 09:27 EDT (22:27 JST)").doesNotContain("Asia/Tokyo");
    }

    @Test
    void aUserWhoChoosesAnotherZoneReadsTimesInItAtOnce() {
        String meeting = meetingInTokyo(new Http(port).signIn("us.acq", "demo"), "Time zone choice");
        Http american = new Http(port).signIn(AMERICAN, "demo");
        String token = new Http(port).token(AMERICAN, "demo");
        assertThat(american.get("/api/v1/me", token).json().get("timeZone").asString()).isEqualTo("America/New_York");
        var settings = american.get("/settings", null);
        assertThat(Jsoup.parse(settings.body()).select("select#timeZone option[selected]").attr("value"))
                .isEqualTo("America/New_York");
        var saved = american.form("/settings", Http.csrf(settings.body()), Map.of("timeZone", "Asia/Tokyo"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(starts(american.get(meeting, null).body())).isEqualTo("Mon 10 Jun 2030 22:27 JST");
        // and in the next session too
        Http again = new Http(port).signIn(AMERICAN, "demo");
        assertThat(starts(again.get(meeting, null).body())).isEqualTo("Mon 10 Jun 2030 22:27 JST");
        // the API says the zone as its id; its times stay ISO-8601 instants with their offset
        assertThat(american.get("/api/v1/me", token).json().get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        String id = meeting.replaceAll(".*/", "");
        assertThat(american.get("/api/v1/meetings/" + id, token).json().get("startsAt").asString())
                .startsWith("2030-06-10T22:27").contains("+09:00");
    }

    @Test
    void aZoneNotOfferedIsRefusedWithItsFieldNamedAndNothingIsSaved() {
        Http japanese = new Http(port).signIn(JAPANESE, "demo");
        var settings = japanese.get("/settings?lang=ja", null);
        var refused = japanese.form("/settings", Http.csrf(settings.body()), Map.of("timeZone", "Mars/Olympus"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".error-summary li").text())
                .isEqualTo("タイムゾーン：「Mars/Olympus」は選択できるタイムゾーンではありません");
        assertThat(jdbc.sql("select time_zone from app_user where username = :u").param("u", JAPANESE)
                .query(String.class).optional()).isEmpty();
        assertThat(Jsoup.parse(settings.body()).select("select#timeZone option[selected]").text())
                .isEqualTo("日本時間（東京）");
    }
}
