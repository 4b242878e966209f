package org.dicas.requirements.engine;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A procurement window in whole months, both ends included, and the shift of need dates it asks for.
 *
 * <p>Rule: a requirement needed by month {@code N} has the need window {@code [N − 23 months, N]} — the 24 months in
 * which contracts must be placed and first deliveries made (a typical lead time). Two needs are aligned when their
 * windows overlap: the aligned window is the overlap and {@code shiftMonths} is 0. When they do not overlap, the
 * proposal is to move the later need date earlier (or the earlier one later; the number is the same) by
 * {@code shiftMonths}, the smallest shift that makes the windows share {@link #MIN_COMMON_MONTHS} months; the
 * window is then that common part, expressed on the earlier need's calendar.
 */
public record ProcurementWindow(YearMonth from, YearMonth to, int shiftMonths) {

    /** Length of a need window in months. */
    public static final int NEED_WINDOW_MONTHS = 24;
    /** Months two windows must share in a proposed alignment. */
    public static final int MIN_COMMON_MONTHS = 12;

    public ProcurementWindow {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("window starts after it ends: " + from + " > " + to);
        }
        if (shiftMonths < 0) {
            throw new IllegalArgumentException("shiftMonths must be >= 0");
        }
    }

    /** The need window of a need-by month: the 24 months ending with it. */
    public static ProcurementWindow needWindow(YearMonth needBy) {
        return new ProcurementWindow(needBy.minusMonths(NEED_WINDOW_MONTHS - 1L), needBy, 0);
    }

    /** Months in the window (both ends included). */
    public int months() {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** The aligned window of two need-by months (see the class comment). Symmetric in its arguments. */
    public static ProcurementWindow aligned(YearMonth needA, YearMonth needB) {
        ProcurementWindow a = needWindow(needA);
        ProcurementWindow b = needWindow(needB);
        if (overlapMonths(a, b) > 0) {
            YearMonth from = a.from.isAfter(b.from) ? a.from : b.from;
            YearMonth to = a.to.isBefore(b.to) ? a.to : b.to;
            return new ProcurementWindow(from, to, 0);
        }
        ProcurementWindow earlier = a.to.isBefore(b.to) ? a : b;
        ProcurementWindow later = earlier == a ? b : a;
        // Moving the later window earlier by s months makes it start at later.from - s; sharing 12 months with the
        // earlier window needs later.from - s <= earlier.to - 11.
        int shift = (int) ChronoUnit.MONTHS.between(earlier.to.minusMonths(MIN_COMMON_MONTHS - 1L), later.from);
        return new ProcurementWindow(earlier.to.minusMonths(MIN_COMMON_MONTHS - 1L), earlier.to, shift);
    }

    static int overlapMonths(ProcurementWindow a, ProcurementWindow b) {
        YearMonth from = a.from.isAfter(b.from) ? a.from : b.from;
        YearMonth to = a.to.isBefore(b.to) ? a.to : b.to;
        return from.isAfter(to) ? 0 : (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** Whole months strictly between two disjoint windows (0 when adjacent or overlapping). */
    static int gapMonths(ProcurementWindow a, ProcurementWindow b) {
        ProcurementWindow earlier = a.to.isBefore(b.to) ? a : b;
        ProcurementWindow later = earlier == a ? b : a;
        long gap = ChronoUnit.MONTHS.between(earlier.to, later.from) - 1;
        return (int) Math.max(0, gap);
    }
}
