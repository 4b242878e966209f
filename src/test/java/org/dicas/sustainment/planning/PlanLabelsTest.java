package org.dicas.sustainment.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Sentences;
import org.junit.jupiter.api.Test;

/** What a plan shows people — months, CSV headers, unassigned reasons — reads in the reader's language. */
class PlanLabelsTest {

    @Test
    void monthsReadAsPeopleWriteThem() {
        assertThat(PlanCharts.monthLabel(YearMonth.of(2025, 6), Locale.JAPANESE)).isEqualTo("2025年6月");
        assertThat(PlanCharts.monthLabel(YearMonth.of(2025, 6), Locale.ENGLISH)).isEqualTo("Jun 2025");
    }

    @Test
    void everyCsvColumnHasAHeaderInBothLanguages() {
        for (String column : PlanningPages.CSV_COLUMNS) {
            assertThat(Sentences.exists("plan.csv." + column)).as(column).isTrue();
        }
    }

    @Test
    void reasonsLabelKindsAndNationsAndJoinListsInTheReadersLanguage() {
        var kind = PlanReasons.of(PlanReasons.KIND, List.of("DRYDOCK/PIER"));
        assertThat(Sentences.render(kind, Locale.JAPANESE)).isEqualTo("種別が乾ドック、岸壁の設備がない");
        assertThat(Sentences.render(kind, Locale.ENGLISH)).isEqualTo("no resource of kind Dry dock, Pier");
        var foreign = PlanReasons.of(PlanReasons.FOREIGN_REPAIR, List.of("USA"));
        assertThat(Sentences.render(foreign, Locale.JAPANESE)).isEqualTo("外国での修理が認められず、旗国（米国）内に適合する設備がない");
        var capacity = PlanReasons.of(PlanReasons.CAPACITY, List.of("F1-DD1, F2-DD1", "2027-02-01", "2027-12-31", "J2, J3"));
        assertThat(Sentences.render(capacity, Locale.JAPANESE))
                .isEqualTo("適合する設備（F1-DD1、F2-DD1）は 2027-02-01 から 2027-12-31 まで次の作業で埋まっている（優先度の高い順）：J2、J3");
        assertThat(PlanReasons.of(null, List.of())).as("a run stored before reasons were keys").isNull();
    }
}
