package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Need windows are the 24 months before the need date; aligned windows are their overlap or a proposed shift. */
class ProcurementWindowTest {

    static YearMonth ym(String s) {
        return YearMonth.parse(s);
    }

    @Test
    void needWindowIsTheTwentyFourMonthsEndingWithTheNeedDate() {
        ProcurementWindow w = ProcurementWindow.needWindow(ym("2030-03"));
        assertThat(w.from()).isEqualTo(ym("2028-04"));
        assertThat(w.to()).isEqualTo(ym("2030-03"));
        assertThat(w.months()).isEqualTo(24);
    }

    @Test
    void overlappingNeedsAlignOnTheirOverlapWithoutShift() {
        ProcurementWindow w = ProcurementWindow.aligned(ym("2029-09"), ym("2030-03"));
        assertThat(w.from()).isEqualTo(ym("2028-04"));
        assertThat(w.to()).isEqualTo(ym("2029-09"));
        assertThat(w.shiftMonths()).isZero();
        assertThat(w.months()).isEqualTo(18);
        assertThat(ProcurementWindow.aligned(ym("2030-03"), ym("2029-09"))).isEqualTo(w);
    }

    @Test
    void disjointNeedsGetTheShiftThatMakesThemShareTwelveMonths() {
        // windows 2025-04..2027-03 and 2030-01..2031-12; the later must move 45 months earlier to start at 2026-04
        ProcurementWindow w = ProcurementWindow.aligned(ym("2027-03"), ym("2031-12"));
        assertThat(w.shiftMonths()).isEqualTo(45);
        assertThat(w.from()).isEqualTo(ym("2026-04"));
        assertThat(w.to()).isEqualTo(ym("2027-03"));
        assertThat(w.months()).isEqualTo(ProcurementWindow.MIN_COMMON_MONTHS);
        assertThat(ProcurementWindow.aligned(ym("2031-12"), ym("2027-03"))).isEqualTo(w);
    }

    @Test
    void timingOverlapReportsOverlapGapAndUnknown() {
        TimingOverlap t = TimingOverlap.of(Optional.of(ym("2029-09")), Optional.of(ym("2030-03")));
        assertThat(t.known()).isTrue();
        assertThat(t.overlapMonths()).isEqualTo(18);
        assertThat(t.gapMonths()).isZero();
        assertThat(t.fit()).isEqualTo(0.5 + 0.5 * 18 / 24.0);
        TimingOverlap far = TimingOverlap.of(Optional.of(ym("2027-09")), Optional.of(ym("2041-12")));
        assertThat(far.overlapMonths()).isZero();
        // windows 2025-10..2027-09 and 2040-01..2041-12: 147 whole months between them
        assertThat(far.gapMonths()).isEqualTo(147);
        assertThat(far.fit()).isZero();
        TimingOverlap unknown = TimingOverlap.of(Optional.empty(), Optional.of(ym("2030-01")));
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.aligned()).isEmpty();
        assertThat(unknown.fit()).isEqualTo(0.5);
    }

    @Test
    void refusesAnInvertedWindow() {
        assertThatThrownBy(() -> new ProcurementWindow(ym("2030-01"), ym("2029-01"), 0))
                .hasMessage("window starts after it ends: 2030-01 > 2029-01");
    }
}
