package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A program's balance as one reader sees it: the baseline (the program's targets, tolerance and releases) and, for a
 * what-if, the what-if's result beside it. Assignments are shown only for the packages the reader may read
 * ({@code withheldPackages} counts the others), each cost only when the reader may read it. Aggregates computed from
 * costs — total cost, lower bound, unconstrained cost, price of balance, each nation's cost and percent — are shown
 * only when the reader may read every package and every cost behind them ({@code aggregatesShown}); otherwise they
 * are null and the page says "withheld" (ADR 0022). {@code marking} is the high-water mark of what is shown.
 */
public record BalanceView(long programId, Marking marking, Targets targets, boolean aggregatesShown,
                          int withheldPackages, Result baseline, Optional<WorkShareWhatIf> whatIf,
                          Optional<Result> whatIfResult) {

    /** Which targets the shares are balanced to: the partners' cost shares (the default) or the program's own work-share targets. */
    public enum Targets { COST_SHARES, WORK_SHARE_TARGETS }

    /** One solve: status, the split, the shares and the figures, or why no split exists. */
    public record Result(String status, BigDecimal tolerance, List<Assignment> assignments, List<ShareRow> shares,
                         BigDecimal totalCost, BigDecimal lowerBound, BigDecimal unconstrainedCost,
                         BigDecimal priceOfBalance,
                         @com.fasterxml.jackson.annotation.JsonIgnore Optional<Sentence> infeasibility) {

        public boolean feasible() {
            return infeasibility.isEmpty();
        }

        /** Why no split exists, in the reader's language (empty when there is a split). */
        public String infeasibilityText(Locale locale) {
            return infeasibility.map(s -> Sentences.render(s, locale)).orElse(null);
        }

        /**
         * Why no split exists, for the API: the reason's key as a code and the sentence in the caller's language
         * (the request's locale: {@code Accept-Language}, else the user's saved language).
         */
        @com.fasterxml.jackson.annotation.JsonProperty("infeasibility")
        public Explanation explanation() {
            return infeasibility.map(s -> new Explanation(s.key(),
                    Sentences.render(s, LocaleContextHolder.getLocale()))).orElse(null);
        }
    }

    /** A reason as the API gives it: {@code key} names it for programs, {@code text} says it to people. */
    public record Explanation(String key, String text) {
    }

    /** A package given to a firm; {@code changed}: another firm than in the baseline (what-if results only). */
    public record Assignment(long packageId, String code, String titleEn, String titleJa, String performer,
                             String performerJa, String nation, BigDecimal cost, boolean costWithheld,
                             boolean changed) {

        public String title(Locale locale) {
            boolean ja = "ja".equals(locale.getLanguage());
            String first = ja ? titleJa : titleEn;
            return first == null || first.isBlank() ? (ja ? titleEn : titleJa) : first;
        }

        public String performer(Locale locale) {
            return "ja".equals(locale.getLanguage()) && performerJa != null && !performerJa.isBlank() ? performerJa
                    : performer;
        }
    }

    /** A nation's target and band (target ± tolerance), and its cost and percent of the total (null: withheld). */
    public record ShareRow(String nation, BigDecimal target, BigDecimal low, BigDecimal high, BigDecimal cost,
                           BigDecimal percent) {
    }

    /** What-if minus baseline, of the total cost (null when either is withheld or absent). */
    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal totalCostChange() {
        return whatIfResult.map(w -> minus(w.totalCost(), baseline.totalCost())).orElse(null);
    }

    /** What-if minus baseline, of the price of balance (null when either is withheld or absent). */
    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal priceOfBalanceChange() {
        return whatIfResult.map(w -> minus(w.priceOfBalance(), baseline.priceOfBalance())).orElse(null);
    }

    /** How many packages the reader may read go to another firm in the what-if. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public long changedPackages() {
        return whatIfResult.map(w -> w.assignments().stream().filter(Assignment::changed).count()).orElse(0L);
    }

    /** The result the chart shows: the what-if's when there is one, else the baseline's. */
    public Result shown() {
        return whatIfResult.orElse(baseline);
    }

    private static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }
}
