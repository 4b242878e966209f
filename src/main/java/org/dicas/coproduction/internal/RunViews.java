package org.dicas.coproduction.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dicas.coproduction.CoproductionPlan;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.coproduction.WhatIf;
import org.dicas.coproduction.engine.CoproductionJson;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.coproduction.engine.PlanScore;
import org.dicas.coproduction.engine.ProductionPlan;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@link RunView}s: a stored run filtered to the demands the reader may read, and compared with its baseline. */
@Service
class RunViews {

    private final CoproductionRuns runs;
    private final CoproductionPlans plans;
    private final JsonMapper json = JsonMapper.builder().build();

    RunViews(CoproductionRuns runs, CoproductionPlans plans) {
        this.runs = runs;
        this.plans = plans;
    }

    RunView view(DicasUser user, long planId, long runId) {
        CoproductionPlan plan = plans.get(user, planId);
        return view(user, plan, runs.view(user, planId, runId), true);
    }

    private RunView view(DicasUser user, CoproductionPlan plan, CoproductionRuns.Run run, boolean compare) {
        Map<String, CoproductionPlan.Demand> visible = new HashMap<>();
        plan.demands().forEach(d -> visible.put("R" + d.requirementId(), d));
        CoproductionProblem stored = json.readValue(run.problem(), CoproductionProblem.class);
        CoproductionProblem shown = new CoproductionProblem(stored.periods(), stored.lines(), stored.components(),
                stored.demands().stream().filter(d -> visible.containsKey(d.id())).toList(), stored.transfers());
        int withheld = stored.demands().size() - shown.demands().size();
        List<Marking> markings = new ArrayList<>(List.of(plan.marking()));
        shown.demands().forEach(d -> markings.add(visible.get(d.id()).marking()));
        Optional<WhatIf> whatIf = Optional.ofNullable(run.whatIf()).map(w -> json.readValue(w, WhatIf.class));
        String subject = whatIf.map(w -> subject(plan, w)).orElse("");
        List<CoproductionPlan.Transfer> dropped = List.of(json.readValue(run.droppedTransfers(),
                CoproductionPlan.Transfer[].class));
        Optional<List<Marking>> costs = plans.readableCosts(user, List.of(json.readValue(run.costRecords(),
                Long[].class)));
        boolean costWithheld = costs.isEmpty();
        if (run.result() == null) {
            return new RunView(run.id(), plan.id(), plan.firstYear(), run.status(), run.running(), run.createdBy(),
                    run.createdAt().toInstant(), run.seconds(), whatIf, subject, run.levelsDone(), "",
                    Optional.empty(), List.of(), List.of(), List.of(), withheld, Optional.empty(), run.messageKey(),
                    Marking.highWaterMark(markings), costWithheld, dropped);
        }
        costs.ifPresent(markings::addAll);
        ProductionPlan result = CoproductionJson.readPlan(run.result());
        List<ProductionPlan.Delivery> deliveries = result.deliveries().stream()
                .filter(d -> visible.containsKey(d.demand())).toList();
        ProductionPlan.Score score = PlanScore.of(shown, deliveries);
        if (costWithheld) {
            score = new ProductionPlan.Score(score.unmetPriority(), score.latePriorityPeriods(), null);
        }
        List<ProductionPlan.Bottleneck> bottlenecks = result.bottlenecks().stream()
                .map(b -> costWithheld && b.objective() == ProductionPlan.Objective.COST
                        ? new ProductionPlan.Bottleneck(b.kind(), b.id(), b.periods(), b.objective(), null) : b)
                .toList();
        Map<String, Integer> delivered = new HashMap<>();
        deliveries.forEach(d -> delivered.merge(d.demand(), d.quantity(), Integer::sum));
        Map<String, CoproductionProblem.Demand> demands = new HashMap<>();
        shown.demands().forEach(d -> demands.put(d.id(), d));
        TreeMap<String, long[][]> byNation = new TreeMap<>();
        for (CoproductionProblem.Demand d : shown.demands()) {
            byNation.computeIfAbsent(d.nation(), n -> new long[plan.periods()][3]);
            byNation.get(d.nation())[d.due() - 1][2] += d.quantity() - delivered.getOrDefault(d.id(), 0);
        }
        for (ProductionPlan.Delivery x : deliveries) {
            CoproductionProblem.Demand d = demands.get(x.demand());
            byNation.get(d.nation())[x.period() - 1][x.period() > d.due() ? 1 : 0] += x.quantity();
        }
        List<RunView.NationYear> chart = new ArrayList<>();
        byNation.forEach((nation, years) -> {
            for (int t = 0; t < years.length; t++) {
                chart.add(new RunView.NationYear(nation, plan.firstYear() + t, years[t][0], years[t][1], years[t][2]));
            }
        });
        List<RunView.UnmetDemand> unmet = new ArrayList<>();
        for (CoproductionProblem.Demand d : shown.demands()) {
            int left = d.quantity() - delivered.getOrDefault(d.id(), 0);
            if (left > 0) {
                CoproductionPlan.Demand v = visible.get(d.id());
                unmet.add(new RunView.UnmetDemand(v.requirementId(), v.title(), d.nation(), d.product(), left,
                        v.marking()));
            }
        }
        Optional<RunView.Difference> difference = Optional.empty();
        if (compare && whatIf.isPresent()) {
            ProductionPlan.Score s = score;
            difference = runs.baselineBefore(plan.id(), run.id()).map(b -> difference(user, plan, b, s, chart, markings));
        }
        return new RunView(run.id(), plan.id(), plan.firstYear(), run.status(), run.running(), run.createdBy(),
                run.createdAt().toInstant(), run.seconds(), whatIf, subject, run.levelsDone(), result.status().name(),
                Optional.of(score), chart, bottlenecks, unmet, withheld, difference, run.messageKey(),
                Marking.highWaterMark(markings), costWithheld, dropped);
    }

    private RunView.Difference difference(DicasUser user, CoproductionPlan plan, CoproductionRuns.Run baseline,
                                          ProductionPlan.Score score, List<RunView.NationYear> chart,
                                          List<Marking> shown) {
        RunView b = view(user, plan, baseline, false);
        shown.add(b.marking());
        ProductionPlan.Score bs = b.score().orElseThrow();
        Map<String, long[]> unmet = new TreeMap<>();
        b.byNation().forEach(n -> unmet.computeIfAbsent(n.nation(), k -> new long[2])[0] += n.unmet());
        chart.forEach(n -> unmet.computeIfAbsent(n.nation(), k -> new long[2])[1] += n.unmet());
        List<RunView.NationShortfall> shortfalls = new ArrayList<>();
        unmet.forEach((nation, u) -> shortfalls.add(new RunView.NationShortfall(nation, u[0], u[1])));
        return new RunView.Difference(baseline.id(), score.unmetPriority() - bs.unmetPriority(),
                score.latePriorityPeriods() - bs.latePriorityPeriods(),
                score.cost() == null || bs.cost() == null ? null : score.cost().subtract(bs.cost()), shortfalls);
    }

    /**
     * What a what-if changes, in the reader's language: a transfer as its nations and products (日本→米国（SM-6）),
     * a country by its name, a line or a component by its code.
     */
    private static String subject(CoproductionPlan plan, WhatIf w) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (w.kind() == WhatIf.Kind.DISRUPT_COUNTRY && Sentences.exists(Sentence.nation(w.subject()).key())) {
            return Sentences.render(Sentence.nation(w.subject()), locale);
        }
        if (w.kind() != WhatIf.Kind.ALLOW_TRANSFER) {
            return w.subject();
        }
        return plan.transfers().stream().filter(t -> String.valueOf(t.position()).equals(w.subject())).findFirst()
                .map(t -> Sentences.render(Sentence.of("coproduction.whatIf.transferSubject", Sentence.nation(t.from()),
                        Sentence.nation(t.to()), t.products()), locale))
                .orElse(w.subject());
    }

    /** The nations of the chart in order, for the page's legend. */
    static List<String> nations(RunView v) {
        return new ArrayList<>(new TreeSet<>(v.byNation().stream().map(RunView.NationYear::nation).toList()));
    }
}
