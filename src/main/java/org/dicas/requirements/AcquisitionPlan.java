package org.dicas.requirements;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dicas.shared.Marking;

/**
 * An acquisition plan (取得計画) answering one requirement, as one reader sees it. Its nation is the requirement's;
 * fiscal-year labels of milestones and budget lines follow that nation's convention (FY2026 = 1 Oct 2025 – 30 Sep
 * 2026 for the USA; JFY2026 / 令和8年度 = 1 Apr 2026 – 31 Mar 2027 for Japan; FY2025-26 for Australia).
 * {@code totals} sums the budget by currency.
 */
public record AcquisitionPlan(long id, long requirementId, String requirementTitle, @org.dicas.shared.Labelled("nation") String nation, String title,
                              String notes, List<Milestone> milestones, List<BudgetLine> budget,
                              Map<String, BigDecimal> totals, Marking marking, long authorId, String authorName,
                              Instant createdAt, Instant updatedAt, long version) implements org.dicas.shared.Versioned {

    /** A milestone with the fiscal year its date falls in. */
    public record Milestone(String name, LocalDate due, String fiscalYear, String fiscalYearJa) {
    }

    /**
     * A budget line: the amount for one fiscal year, stored as the year's real first and last day. {@code fiscalYear}
     * is the number the nation names it by; {@code label} and {@code labelJa} the English and Japanese labels.
     */
    public record BudgetLine(int fiscalYear, String label, String labelJa, LocalDate start, LocalDate end,
                             BigDecimal amount, String currency) {
        /** The amount with thousands separators and at most two decimals, e.g. {@code 1,000,000} or {@code 2.5}. */
        public String amountText() {
            return AcquisitionPlan.format(amount);
        }
    }

    /** The totals for display, one per currency: {@code 3,500,000.5 USD}. */
    public List<String> totalsText() {
        return totals.entrySet().stream().map(e -> format(e.getValue()) + " " + e.getKey()).toList();
    }

    /** An amount with thousands separators and at most two decimals ({@code 3,500,000.5}). */
    public static String format(BigDecimal amount) {
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(amount);
    }
}
