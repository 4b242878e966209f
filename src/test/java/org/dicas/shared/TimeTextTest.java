package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Dates and times read in the reader's language and zone, with the zone's label, and summer time is honoured. */
class TimeTextTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final ZoneId WASHINGTON = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant JUNE_POST = Instant.parse("2024-06-10T13:27:00Z");
    static final Instant JANUARY_POST = Instant.parse("2024-01-10T13:27:00Z");

    @Test
    void aPostWrittenAt2227InTokyoReads2227JstToAJapaneseReader() {
        assertThat(TimeText.dateTime(JUNE_POST, TOKYO, Locale.JAPANESE)).isEqualTo("2024年6月10日（月） 22:27 JST");
        assertThat(TimeText.dateTime(JUNE_POST, TOKYO, Locale.ENGLISH)).isEqualTo("Mon 10 Jun 2024 22:27 JST");
    }

    @Test
    void anAmericanReaderSeesTheSameMomentOnTheirClockWithItsLabel() {
        assertThat(TimeText.dateTime(JUNE_POST, WASHINGTON, Locale.ENGLISH)).isEqualTo("Mon 10 Jun 2024 09:27 EDT");
        assertThat(TimeText.dateTime(JUNE_POST, WASHINGTON, Locale.JAPANESE)).isEqualTo("2024年6月10日（月） 09:27 EDT");
    }

    @Test
    void summerTimeChangesTheClockAndTheLabel() {
        assertThat(TimeText.dateTime(JANUARY_POST, WASHINGTON, Locale.ENGLISH)).isEqualTo("Wed 10 Jan 2024 08:27 EST");
        assertThat(TimeText.dateTime(JANUARY_POST, LONDON, Locale.ENGLISH)).isEqualTo("Wed 10 Jan 2024 13:27 GMT");
        assertThat(TimeText.dateTime(JUNE_POST, LONDON, Locale.ENGLISH)).isEqualTo("Mon 10 Jun 2024 14:27 BST");
        // Washington springs forward at 02:00 EST on 10 March 2024 (07:00 UTC): one minute apart, an hour apart on the clock
        assertThat(TimeText.time(Instant.parse("2024-03-10T06:59:00Z"), WASHINGTON, Locale.ENGLISH)).isEqualTo("01:59 EST");
        assertThat(TimeText.time(Instant.parse("2024-03-10T07:00:00Z"), WASHINGTON, Locale.ENGLISH)).isEqualTo("03:00 EDT");
        // Tokyo has no summer time
        assertThat(TimeText.time(JANUARY_POST, TOKYO, Locale.JAPANESE)).isEqualTo("22:27 JST");
    }

    @Test
    void aMeetingAlsoShowsItsOwnZoneWhenItsClockReadsOtherwise() {
        assertThat(TimeText.dateTime(JUNE_POST, WASHINGTON, TOKYO, Locale.ENGLISH))
                .isEqualTo("Mon 10 Jun 2024 09:27 EDT (22:27 JST)");
        assertThat(TimeText.dateTime(JUNE_POST, TOKYO, WASHINGTON, Locale.JAPANESE))
                .isEqualTo("2024年6月10日（月） 22:27 JST（09:27 EDT）");
        assertThat(TimeText.dateTime(JUNE_POST, TOKYO, TOKYO, Locale.JAPANESE)).isEqualTo("2024年6月10日（月） 22:27 JST");
    }

    @Test
    void theMeetingsOwnZoneCarriesItsDateWhenTheDayDiffers() {
        Instant vtc = Instant.parse("2024-06-10T01:00:00Z");
        assertThat(TimeText.dateTime(vtc, WASHINGTON, TOKYO, Locale.ENGLISH))
                .isEqualTo("Sun 9 Jun 2024 21:00 EDT (Mon 10 Jun 2024 10:00 JST)");
        assertThat(TimeText.dateTime(vtc, WASHINGTON, TOKYO, Locale.JAPANESE))
                .isEqualTo("2024年6月9日（日） 21:00 EDT（2024年6月10日（月） 10:00 JST）");
    }

    @Test
    void aZonedMeetingTimeIsTheSameMomentAsItsInstant() {
        assertThat(TimeText.dateTime(JUNE_POST.atZone(TOKYO), WASHINGTON, Locale.ENGLISH))
                .isEqualTo(TimeText.dateTime(JUNE_POST, WASHINGTON, Locale.ENGLISH));
        assertThat(TimeText.dateTime(JUNE_POST.atOffset(java.time.ZoneOffset.UTC), TOKYO, Locale.ENGLISH))
                .isEqualTo("Mon 10 Jun 2024 22:27 JST");
    }

    @Test
    void aCalendarDayHasNoZoneAndReadsAsOfficialsWriteIt() {
        LocalDate day = LocalDate.of(2024, 6, 10);
        assertThat(TimeText.date(day, Locale.JAPANESE)).isEqualTo("2024年6月10日（月）");
        assertThat(TimeText.date(day, Locale.ENGLISH)).isEqualTo("Mon 10 Jun 2024");
        assertThat(TimeText.date(day, WASHINGTON, Locale.JAPANESE)).isEqualTo("2024年6月10日（月）");
        assertThat(TimeText.date(YearMonth.of(2029, 4), TOKYO, Locale.JAPANESE)).isEqualTo("2029年4月");
        assertThat(TimeText.date(YearMonth.of(2029, 4), TOKYO, Locale.ENGLISH)).isEqualTo("Apr 2029");
    }

    @Test
    void theDayOfAMomentIsTheReadersDay() {
        Instant lateInWashington = Instant.parse("2024-06-11T02:00:00Z");
        assertThat(TimeText.date(lateInWashington, WASHINGTON, Locale.ENGLISH)).isEqualTo("Mon 10 Jun 2024");
        assertThat(TimeText.date(lateInWashington, TOKYO, Locale.JAPANESE)).isEqualTo("2024年6月11日（火）");
    }

    @Test
    void theAuditLogShowsSeconds() {
        assertThat(TimeText.exact(Instant.parse("2024-06-10T13:27:05Z"), TOKYO, Locale.JAPANESE))
                .isEqualTo("2024年6月10日（月） 22:27:05 JST");
    }

    @Test
    void aTimeWithoutAZoneIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> TimeText.dateTime(LocalDateTime.of(2024, 6, 10, 22, 27), TOKYO, Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDateTime");
        assertThat(TimeText.dateTime(null, TOKYO, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void everyNationsZoneIsOneOfTheOfferedAndEveryOfferedZoneHasANameInBothLanguages() {
        for (String nation : new String[] {"JPN", "USA", "AUS", "GBR", "ITA", "KOR", "CAN", "PHL", "NZL", "FRA", "DEU",
                "IND"}) {
            assertThat(TimeZones.OFFERED).as(nation).contains(TimeZones.forNation(NationCode.of(nation)));
        }
        assertThat(TimeZones.forNation(NationCode.JPN)).isEqualTo(TOKYO);
        assertThat(TimeZones.forNation(NationCode.USA)).isEqualTo(WASHINGTON);
        assertThat(TimeZones.forNation(NationCode.of("BRA"))).isEqualTo(TimeZones.UTC);
        ResourceBundle en = Sentences.bundle(Locale.ENGLISH);
        ResourceBundle ja = Sentences.bundle(Locale.JAPANESE);
        for (ZoneId zone : TimeZones.OFFERED) {
            String key = TimeZones.label(zone).key();
            assertThat(en.containsKey(key)).as(key).isTrue();
            assertThat(ja.getString(key)).as(key).isNotEqualTo(en.getString(key)).doesNotContain("/");
        }
        assertThat(TimeText.zoneName(WASHINGTON, Locale.JAPANESE)).isEqualTo("米国東部時間（ワシントン、ニューヨーク）");
        assertThat(TimeText.zoneName(ZoneId.of("America/Anchorage"), Locale.ENGLISH)).isEqualTo("Alaska Time");
    }

    @Test
    void onlyOfferedZonesMayBeChosen() {
        assertThat(TimeZones.offered(" Asia/Tokyo ")).contains(TOKYO);
        assertThat(TimeZones.offered("Mars/Olympus_Mons")).isEmpty();
        assertThat(TimeZones.offered("Asia/Pyongyang")).isEmpty();
        assertThat(TimeZones.offered("")).isEmpty();
    }
}
