package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Fiscal-year boundaries and labels of the nations the forum works with. */
class FiscalYearTest {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void usFiscalYearTurnsOnTheFirstOfOctoberAndIsNamedByTheYearItEnds() {
        assertThat(FiscalYear.of("USA", d("2025-09-30")).label()).isEqualTo("FY2025");
        assertThat(FiscalYear.of("USA", d("2025-10-01")).label()).isEqualTo("FY2026");
        FiscalYear fy2026 = FiscalYear.named("USA", 2026);
        assertThat(fy2026.start()).isEqualTo(d("2025-10-01"));
        assertThat(fy2026.end()).isEqualTo(d("2026-09-30"));
        assertThat(FiscalYear.of("USA", d("2026-09-30"))).isEqualTo(fy2026);
        assertThat(FiscalYear.of("USA", d("2026-01-01"))).isEqualTo(fy2026);
    }

    @Test
    void japaneseFiscalYearTurnsOnTheFirstOfAprilAndIsNamedByTheYearItStarts() {
        assertThat(FiscalYear.of("JPN", d("2026-03-31")).label()).isEqualTo("JFY2025");
        assertThat(FiscalYear.of("JPN", d("2026-04-01")).label()).isEqualTo("JFY2026");
        FiscalYear jfy2026 = FiscalYear.named("JPN", 2026);
        assertThat(jfy2026.start()).isEqualTo(d("2026-04-01"));
        assertThat(jfy2026.end()).isEqualTo(d("2027-03-31"));
        assertThat(jfy2026.label(Locale.JAPANESE)).isEqualTo("令和8年度");
        assertThat(jfy2026.bilingualLabel()).isEqualTo("JFY2026 (令和8年度)");
        assertThat(FiscalYear.of("JPN", d("2027-03-31")).label(Locale.JAPANESE)).isEqualTo("令和8年度");
        assertThat(FiscalYear.of("JPN", d("2032-04-01")).label(Locale.JAPANESE)).isEqualTo("令和14年度");
    }

    @Test
    void japaneseEraYearsAcrossTheEraChange() {
        assertThat(FiscalYear.named("JPN", 2019).label(Locale.JAPANESE)).isEqualTo("令和元年度");
        assertThat(FiscalYear.named("JPN", 2018).label(Locale.JAPANESE)).isEqualTo("平成30年度");
        assertThat(FiscalYear.named("JPN", 1989).label(Locale.JAPANESE)).isEqualTo("平成元年度");
        assertThat(FiscalYear.named("JPN", 1988).label(Locale.JAPANESE)).isEqualTo("昭和63年度");
    }

    @Test
    void australianFinancialYearRunsJulyToJune() {
        assertThat(FiscalYear.of("AUS", d("2025-06-30")).label()).isEqualTo("FY2024-25");
        assertThat(FiscalYear.of("AUS", d("2025-07-01")).label()).isEqualTo("FY2025-26");
        FiscalYear fy = FiscalYear.named("AUS", 2026);
        assertThat(fy.start()).isEqualTo(d("2025-07-01"));
        assertThat(fy.end()).isEqualTo(d("2026-06-30"));
        assertThat(fy.label()).isEqualTo("FY2025-26");
    }

    @Test
    void ukFinancialYearRunsAprilToMarch() {
        assertThat(FiscalYear.of("GBR", d("2026-03-31")).label()).isEqualTo("FY2025-26");
        assertThat(FiscalYear.of("GBR", d("2026-04-01")).label()).isEqualTo("FY2026-27");
        assertThat(FiscalYear.named("GBR", 2026).start()).isEqualTo(d("2026-04-01"));
        assertThat(FiscalYear.of("GBR", d("2099-12-31")).label()).isEqualTo("FY2099-00");
    }

    @Test
    void otherNationsUseTheCalendarYear() {
        assertThat(FiscalYear.of("ITA", d("2026-12-31")).label()).isEqualTo("CY2026");
        assertThat(FiscalYear.of("ITA", d("2027-01-01")).label()).isEqualTo("CY2027");
        assertThat(FiscalYear.named("FRA", 2026).start()).isEqualTo(d("2026-01-01"));
        assertThat(FiscalYear.named("FRA", 2026).end()).isEqualTo(d("2026-12-31"));
        assertThat(FiscalYear.conventionOf(null)).isEqualTo(FiscalYear.Convention.CALENDAR);
    }

    @Test
    void leapDaysBelongToTheRightYear() {
        assertThat(FiscalYear.of("USA", d("2028-02-29")).label()).isEqualTo("FY2028");
        assertThat(FiscalYear.of("JPN", d("2028-02-29")).label()).isEqualTo("JFY2027");
        assertThat(FiscalYear.of("AUS", d("2028-02-29")).label()).isEqualTo("FY2027-28");
        // a fiscal year spanning a leap day has 366 days
        FiscalYear jfy2027 = FiscalYear.named("JPN", 2027);
        assertThat(jfy2027.end().toEpochDay() - jfy2027.start().toEpochDay() + 1).isEqualTo(366);
        assertThat(FiscalYear.named("JPN", 2026).end().toEpochDay() - FiscalYear.named("JPN", 2026).start().toEpochDay()
                + 1).isEqualTo(365);
    }

    @Test
    void labelsInJapaneseForOtherNations() {
        assertThat(FiscalYear.named("USA", 2026).label(Locale.JAPANESE)).isEqualTo("米国2026会計年度");
        assertThat(FiscalYear.named("USA", 2026).label(Locale.ENGLISH)).isEqualTo("FY2026");
        assertThat(FiscalYear.named("AUS", 2026).label(Locale.JAPANESE)).isEqualTo("2025-26会計年度");
    }

    @Test
    void outOfRangeYearsAreRefused() {
        assertThatThrownBy(() -> FiscalYear.named("USA", 1899)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiscalYear(null, 2026)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1950, 1, 1).toEpochDay(), LocalDate.of(2990, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> nations() {
        return Arbitraries.of(List.of("USA", "JPN", "AUS", "GBR", "ITA", "NZL", "CAN", "KOR"));
    }

    @Property(tries = 2000)
    void everyDateLiesInExactlyOneFiscalYear(@ForAll("dates") LocalDate date, @ForAll("nations") String nation) {
        FiscalYear fy = FiscalYear.of(nation, date);
        assertThat(fy.start()).isBeforeOrEqualTo(date);
        assertThat(fy.end()).isAfterOrEqualTo(date);
        assertThat(fy.contains(date)).isTrue();
        assertThat(fy.previous().contains(date)).isFalse();
        assertThat(fy.next().contains(date)).isFalse();
        // consecutive years touch: no gap, no overlap
        assertThat(fy.next().start()).isEqualTo(fy.end().plusDays(1));
        assertThat(fy.start().getDayOfMonth()).isEqualTo(1);
        assertThat(fy.start().getMonth()).isEqualTo(fy.convention().startMonth());
        assertThat(FiscalYear.named(nation, fy.number())).isEqualTo(fy);
    }
}
