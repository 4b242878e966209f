package org.dicas.requirements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new or changed acquisition plan for requirement {@code requirementId} (which cannot change once set).
 * Budget lines name the fiscal year by the number the requirement's nation uses: FY2026 of the USA is
 * {@code 2026} (1 Oct 2025 – 30 Sep 2026), JFY2026 of Japan {@code 2026} (1 Apr 2026 – 31 Mar 2027), FY2025-26 of
 * Australia {@code 2026} (1 Jul 2025 – 30 Jun 2026). Currencies are ISO 4217 codes (USD, JPY, AUD …).
 */
public record AcquisitionPlanCommand(Long requirementId, String title, String notes, List<MilestoneInput> milestones,
                                     List<BudgetLineInput> budget, String marking) {

    public AcquisitionPlanCommand {
        milestones = milestones == null ? List.of() : milestones;
        budget = budget == null ? List.of() : budget;
    }

    public record MilestoneInput(String name, LocalDate due) {
    }

    public record BudgetLineInput(Integer fiscalYear, BigDecimal amount, String currency) {
    }
}
