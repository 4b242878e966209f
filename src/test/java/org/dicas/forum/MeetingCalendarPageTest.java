package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The month calendar of meetings: only meetings the reader may read, on their day in the reader's zone, under the
 * high-water mark of what it shows, in the reader's language; a bad month is a 400 page that names the problem.
 */
@PlatformTest
class MeetingCalendarPageTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;

    /** Organises a meeting through the meetings form as us.acq, at {@code startsAt} (UTC) for two hours. */
    long organise(String titleEn, String titleJa, String startsAt, String marking) {
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        var form = web.get("/meetings/new", null);
        var r = web.form("/meetings", Http.csrf(form.body()), Map.of("kind", "PLENARY", "titleEn", titleEn,
                "titleJa", titleJa, "startsAt", startsAt, "endsAt", startsAt.replace("T10:", "T12:"),
                "timeZone", "UTC", "location", "Tokyo", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static Document page(Http web, String path) {
        var r = web.get(path, null);
        assertThat(r.status()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    static Element day(Document page, String iso) {
        return page.selectFirst("td.calendar-day:has(time.calendar-date[datetime=" + iso + "])");
    }

    static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }

    @Test
    void aMeetingInTheMonthShowsOnItsDayWithItsMarkTimeAndLink() {
        String title = "Calendar sync " + suffix();
        long id = organise(title, "カレンダー同期 " + suffix(), "2031-05-14T10:00", "CUI//REL TO USA, JPN");
        String cancelledTitle = "Called off " + suffix();
        long cancelled = organise(cancelledTitle, "中止 " + suffix(), "2031-05-20T10:00", "CUI//REL TO USA, JPN");
        Http web = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        var detail = web.get("/meetings/" + cancelled, null).body();
        assertThat(web.form("/meetings/" + cancelled + "/cancel", Http.csrf(detail),
                Map.of("version", Http.version(detail))).status()).isEqualTo(302);

        Document page = page(web, "/meetings/calendar?month=2031-05");
        assertThat(page.selectFirst("table.calendar caption").text()).isEqualTo("Meetings in May 2031");
        assertThat(page.select("table.calendar thead th[scope=col]").eachText())
                .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(page.selectFirst("table.calendar thead th abbr").attr("title")).isEqualTo("Monday");
        // 10:00 UTC is 06:00 in Washington (EDT) on the same day
        Element the14th = day(page, "2031-05-14");
        Element entry = the14th.selectFirst("li.calendar-meeting:has(a[href=/meetings/" + id + "])");
        assertThat(entry).as("the meeting is listed on its day").isNotNull();
        assertThat(entry.text()).contains("(CUI", "06:00 EDT", title);
        assertThat(day(page, "2031-05-13").select("a[href=/meetings/" + id + "]")).isEmpty();
        assertThat(day(page, "2031-05-15").select("a[href=/meetings/" + id + "]")).isEmpty();
        // a cancelled meeting is struck through and tagged
        Element off = day(page, "2031-05-20").selectFirst("li.calendar-cancelled");
        assertThat(off).isNotNull();
        assertThat(off.select("s a[href=/meetings/" + cancelled + "]").text()).contains(cancelledTitle);
        assertThat(off.select(".tag-cancelled").text()).isEqualTo("Cancelled");
        // the neighbouring months, and the banner of what it shows
        assertThat(page.select("nav.calendar-nav a[rel=prev]").attr("href")).endsWith("month=2031-04");
        assertThat(page.select("nav.calendar-nav a[rel=next]").attr("href")).endsWith("month=2031-06");
        assertThat(page.select("a[rel=prev]").text()).isEqualTo("Previous month (April 2031)");
        assertThat(page.select(".banner.banner-cui")).hasSize(2);
        assertThat(page.select("[style]")).as("CSP: no inline styles").isEmpty();
        assertThat(page.select("script:not([src])")).as("CSP: no inline scripts").isEmpty();
    }

    @Test
    void aMeetingTheReaderMayNotReadIsAbsentAndTheBannerIsLowerForThem() {
        String hidden = "Bilateral only " + suffix();
        long cui = organise(hidden, "二国間のみ " + suffix(), "2031-06-11T10:00", "CUI//REL TO USA, JPN");
        String open = "Three nations " + suffix();
        long unclassified = organise(open, "三か国 " + suffix(), "2031-06-12T10:00",
                "UNCLASSIFIED//REL TO USA, JPN, AUS");

        Document forUs = page(new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD),
                "/meetings/calendar?month=2031-06");
        assertThat(forUs.select("a[href=/meetings/" + cui + "]")).isNotEmpty();
        assertThat(forUs.select(".banner.banner-cui")).hasSize(2);

        Document forAustralia = page(new Http(port).signIn(DemoUsers.AU_DOD, DemoUsers.PASSWORD),
                "/meetings/calendar?month=2031-06");
        assertThat(forAustralia.select("a[href=/meetings/" + cui + "]")).isEmpty();
        assertThat(forAustralia.text()).doesNotContain(hidden);
        assertThat(forAustralia.select("a[href=/meetings/" + unclassified + "]").text()).contains(open);
        assertThat(forAustralia.select(".banner.banner-cui")).isEmpty();
        assertThat(forAustralia.select(".banner").first().text()).contains("UNCLASSIFIED");
    }

    @Test
    void aJapaneseReaderReadsMonthAndWeekdayNamesAndTitlesInJapanese() {
        String titleJa = "カレンダー確認会合 " + suffix();
        long id = organise("Calendar check " + suffix(), titleJa, "2031-07-09T10:00", "CUI//REL TO USA, JPN");
        Http ja = new Http(port).inLanguage("ja").signIn(DemoUsers.JP_ATLA, DemoUsers.PASSWORD);

        Document page = page(ja, "/meetings/calendar?month=2031-07");
        assertThat(page.selectFirst("h1").text()).isEqualTo("会合カレンダー");
        assertThat(page.selectFirst("table.calendar caption").text()).isEqualTo("2031年7月の会合");
        assertThat(page.select("table.calendar thead th[scope=col]").eachText())
                .containsExactly("月", "火", "水", "木", "金", "土", "日");
        assertThat(page.selectFirst("table.calendar thead th abbr").attr("title")).isEqualTo("月曜日");
        assertThat(page.select("a[rel=next]").text()).isEqualTo("翌月（2031年8月）");
        // 10:00 UTC is 19:00 in Tokyo, the title in Japanese first
        Element entry = day(page, "2031-07-09").selectFirst("li.calendar-meeting:has(a[href=/meetings/" + id + "])");
        assertThat(entry.text()).contains("19:00 JST");
        assertThat(entry.selectFirst("a.listed-title").text()).isEqualTo(titleJa);
    }

    @Test
    void withoutAMonthTheReadersCurrentMonthIsShownWithTodayMarked() {
        Http web = new Http(port).signIn(DemoUsers.JP_ATLA, DemoUsers.PASSWORD);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        Document page = page(web, "/meetings/calendar");
        Element marked = page.selectFirst("td[aria-current=date]");
        assertThat(marked).isNotNull();
        assertThat(marked.selectFirst("time.calendar-date").attr("datetime")).isEqualTo(today.toString());
        assertThat(page.select("td[aria-current]")).hasSize(1);
        assertThat(web.get("/meetings", null).body()).contains("href=\"/meetings/calendar\"");
    }

    @Test
    void aBadMonthIsA400PageThatNamesTheProblemInTheReadersLanguage() {
        var en = new Http(port).signIn(DemoUsers.US_ACQ, DemoUsers.PASSWORD).get("/meetings/calendar?month=2027-13",
                null);
        assertThat(en.status()).isEqualTo(400);
        assertThat(Jsoup.parse(en.body()).text()).contains("Month", "'2027-13' is not a month (yyyy-mm)");

        var ja = new Http(port).inLanguage("ja").signIn(DemoUsers.JP_ATLA, DemoUsers.PASSWORD)
                .get("/meetings/calendar?month=march", null);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(Jsoup.parse(ja.body()).text()).contains("年月", "「march」は年月（yyyy-mm）ではありません。");
    }
}
