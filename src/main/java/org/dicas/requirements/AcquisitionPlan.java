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
public record AcquisitionPlan(long id, long requirementId, String requirementTitle, String nation, String title,
                              String notes, List<Milestone> milestones, List<BudgetLine> budget,
                              Map<String, BigDecimal> totals, Marking marking, long authorId, String authorName,
                              Instant createdAt, Instant updatedAt) {

    /** A milestone with the fiscal year its date falls in. */
    public record Milestone(String name, LocalDate due, String fiscalYear, String fiscalYearJa) {
    }

    /**
     * A budget line: the amount for one fiscal year, stored as the year's real first and last day. {@code fiscalYear}
     * is the number the nation names it by; {@code label} and {@code labelJa} the English and Japanese labels.
     */
    public record BudgetLine(int fiscalYear, String label, String labelJa, LocalDate start, LocalDate end,
                             BigDecimal amount, String currency) {
    }
}
