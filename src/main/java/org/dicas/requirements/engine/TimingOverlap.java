package org.dicas.requirements.engine;

import java.time.YearMonth;
import java.util.Optional;

/**
 * How two need dates relate. {@code known} is false when either side has no need-by date (then the other fields
 * are zero / empty and timing neither helps nor blocks). Otherwise {@code overlapMonths} is the length of the common
 * part of both need windows (0 when disjoint), {@code gapMonths} the months between them when disjoint (0 when they
 * overlap), and {@code aligned} the proposed common procurement window (see {@link ProcurementWindow#aligned}).
 */
public record TimingOverlap(boolean known, Optional<YearMonth> needA, Optional<YearMonth> needB, int overlapMonths,
                            int gapMonths, Optional<ProcurementWindow> aligned) {

    static final TimingOverlap UNKNOWN = new TimingOverlap(false, Optional.empty(), Optional.empty(), 0, 0, Optional.empty());

    /** The timing relation of two optional need dates. */
    public static TimingOverlap of(Optional<YearMonth> a, Optional<YearMonth> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return new TimingOverlap(false, a, b, 0, 0, Optional.empty());
        }
        ProcurementWindow wa = ProcurementWindow.needWindow(a.get());
        ProcurementWindow wb = ProcurementWindow.needWindow(b.get());
        int overlap = ProcurementWindow.overlapMonths(wa, wb);
        int gap = overlap > 0 ? 0 : ProcurementWindow.gapMonths(wa, wb);
        return new TimingOverlap(true, a, b, overlap, gap, Optional.of(ProcurementWindow.aligned(a.get(), b.get())));
    }

    /** A fit in [0,1]: 1 for fully overlapping windows, falling linearly to 0 at a 36-month gap; 0.5 when unknown. */
    public double fit() {
        if (!known) {
            return 0.5;
        }
        if (overlapMonths > 0) {
            return 0.5 + 0.5 * overlapMonths / (double) ProcurementWindow.NEED_WINDOW_MONTHS;
        }
        return Math.max(0, 0.5 - gapMonths / 72.0);
    }
}
