package org.dicas.coproduction.internal;

import org.dicas.platform.ListPage;
import org.dicas.shared.TableView;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.Optional;
import org.dicas.coproduction.CoproductionPlan;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.coproduction.CoproductionWriteRules;
import org.dicas.coproduction.WhatIf;
import org.dicas.platform.CsvFile;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The co-production pages: the plans, a plan with its runs, a run with its chart, bottlenecks and what-if panel. */
@Controller
class CoproductionPages {

    private final CoproductionPlans plans;
    private final CoproductionRuns runs;
    private final RunViews views;

    private final AuditLog audit;

    CoproductionPages(CoproductionPlans plans, CoproductionRuns runs, RunViews views, AuditLog audit) {
        this.audit = audit;
        this.plans = plans;
        this.runs = runs;
        this.views = views;
    }

    @GetMapping("/coproduction")
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        // the list shows names and counts, no demand or cost: its banner is the plans' own markings
        ListPage.show(model, "/coproduction", view, CoproductionPlans.COLUMNS, "plans", plans.list(me, paging, view),
                CoproductionPlan::marking);
        model.addAttribute("mayCreate", CoproductionWriteRules.createPlan(me).allowed());
        return "coproduction/plans";
    }

    @GetMapping("/coproduction/{id}")
    String plan(DicasUser me, @PathVariable long id, Model model) {
        return planPage(me, id, model, List.of());
    }

    String planPage(DicasUser me, long id, Model model, List<String> errors) {
        CoproductionPlan plan = plans.get(me, id);
        model.addAttribute("plan", plan);
        model.addAttribute("runs", runs.recent(me, id, 20));
        model.addAttribute("errors", errors);
        model.addAttribute("mayRun", CoproductionWriteRules.runPlan(me).allowed());
        model.addAttribute("mayEdit", CoproductionWriteRules.editPlan(me).allowed());
        model.addAttribute("pageMarking", plan.highWaterMark());
        return "coproduction/plan";
    }

    /** Starts a baseline run, or a what-if run when {@code kind} is given. */
    @PostMapping("/coproduction/{id}/runs")
    String start(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "20") int seconds,
                 @RequestParam(required = false) WhatIf.Kind kind, @RequestParam(required = false) String subject,
                 @RequestParam(defaultValue = "0") int amount, Model model) {
        try {
            Optional<WhatIf> whatIf = kind == null ? Optional.empty()
                    : Optional.of(new WhatIf(kind, subject == null ? "" : subject, amount));
            return "redirect:/coproduction/" + id + "/runs/" + runs.start(me, id, whatIf, seconds);
        } catch (InvalidInputException e) {
            return planPage(me, id, model, List.of(e.field() + ": " + e.getMessage()));
        }
    }

    @GetMapping("/coproduction/{id}/runs/{run}")
    String run(DicasUser me, @PathVariable long id, @PathVariable long run, Model model) {
        RunView v = views.view(me, id, run);
        model.addAttribute("run", v);
        model.addAttribute("plan", plans.get(me, id));
        model.addAttribute("nations", RunViews.nations(v));
        model.addAttribute("mayRun", CoproductionWriteRules.runPlan(me).allowed());
        model.addAttribute("errors", List.of());
        model.addAttribute("pageMarking", v.marking());
        return "coproduction/run";
    }

    /** The status panel alone, polled while the run solves; a finished run reloads the page with its results. */
    @GetMapping("/coproduction/{id}/runs/{run}/status")
    ResponseEntity<String> status(DicasUser me, @PathVariable long id, @PathVariable long run) {
        RunView v = views.view(me, id, run);
        return v.running() ? ResponseEntity.noContent().build()
                : ResponseEntity.noContent().header("HX-Refresh", "true").build();
    }

    @PostMapping("/coproduction/{id}/runs/{run}/stop")
    String stop(DicasUser me, @PathVariable long id, @PathVariable long run) {
        try {
            runs.stop(me, id, run);
        } catch (InvalidInputException e) {
            // it ended meanwhile: its page shows how
        }
        return "redirect:/coproduction/" + id + "/runs/" + run;
    }

    /**
     * The run's figures as CSV under the page's high-water mark (first line): per nation and year, then the
     * bottlenecks, then the unmet demands, each with the marking of what it shows.
     */
    @GetMapping("/coproduction/{id}/runs/{run}/run.csv")
    ResponseEntity<String> csv(DicasUser me, @PathVariable long id, @PathVariable long run, Locale locale) {
        RunView v = views.view(me, id, run);
        java.util.function.Function<Sentence, String> say = s -> Sentences.render(s, locale);
        CsvFile csv = new CsvFile(v.marking(), Stream.of("coproduction.nation", "coproduction.year",
                "coproduction.delivered", "coproduction.late", "coproduction.unmet", "coproduction.csv.bottleneck",
                "coproduction.valuePerUnit", "coproduction.csv.objective").map(k -> say.apply(Sentence.of(k))).toList());
        v.byNation().forEach(n -> csv.row(List.of(say.apply(Sentence.nation(n.nation())), n.year(), n.delivered(),
                n.late(), n.unmet(), "", "", "")));
        v.bottlenecks().forEach(b -> csv.row(List.of("", v.years(b), "", "", "",
                say.apply(Sentence.of("coproduction.csv.bottleneckOf", Sentence.label("coproduction.kind", b.kind()),
                        b.id())),
                b.value() == null ? say.apply(Sentence.of("coproduction.withheld")) : b.value().toPlainString(),
                say.apply(Sentence.label("coproduction.csv.objective", b.objective())))));
        v.unmet().forEach(u -> csv.row(List.of(say.apply(Sentence.nation(u.nation())), "", "", "", u.quantity(),
                u.product() + " — " + u.title(), "", u.marking().banner())));
        audit.exported(me, id, CoproductionPlans.KIND, Sentence.of("listb.csv.run.kind", run), csv.banner());
        return csv.download("listb.csv.run.filename", locale, run);
    }

    /** The stacked bars' data: units delivered on time, late and unmet per nation and year (readable demands only). */
    @GetMapping(value = "/coproduction/{id}/runs/{run}/chart.json", produces = "application/json")
    @ResponseBody
    List<RunView.NationYear> chart(DicasUser me, @PathVariable long id, @PathVariable long run) {
        return views.view(me, id, run).byNation();
    }
}
