package org.dicas.sustainment.planning;

import org.dicas.platform.Table;
import org.dicas.shared.TableView;
import org.dicas.security.AuditLog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.ExpectedVersion;
import org.dicas.platform.CsvFile;
import org.dicas.platform.FormErrors;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.sustainment.RepairJobs;
import org.dicas.sustainment.SustainmentWriteRules;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.dicas.platform.Pager;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

@Controller
class PlanningPages {

    private final PlanningRuns runs;
    private final PlanCharts charts;
    private final RepairJobs jobs;

    private final AuditLog audit;

    PlanningPages(PlanningRuns runs, PlanCharts charts, RepairJobs jobs, AuditLog audit) {
        this.audit = audit;
        this.runs = runs;
        this.charts = charts;
        this.jobs = jobs;
    }

    @GetMapping("/sustainment/plans")
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        return listPage(me, paging, view, model, List.of());
    }

    private String listPage(DicasUser me, Paging paging, Model model, List<String> errors) {
        return listPage(me, paging, TableView.NONE, model, errors);
    }

    private String listPage(DicasUser me, Paging paging, TableView view, Model model, List<String> errors) {
        Table.show(model, "/sustainment/plans", view, PlanningRuns.COLUMNS);
        Page<PlanView> page = runs.list(me, paging, view);
        List<PlanView> plans = page.items();
        model.addAttribute("plans", plans);
        model.addAttribute("pager", Pager.of(page, "/sustainment/plans"));
        model.addAttribute("errors", errors);
        model.addAttribute("defaultStart", LocalDate.of(LocalDate.now().getYear() + 1, 1, 1));
        model.addAttribute("defaultEnd", LocalDate.of(LocalDate.now().getYear() + 1, 12, 31));
        model.addAttribute("mayStart", SustainmentWriteRules.startPlanningRun(me).allowed());
        model.addAttribute("pageMarking", Marking.highWaterMark(plans.stream().map(PlanView::marking).toList()));
        return "sustainment/plans";
    }

    @PostMapping("/sustainment/plans")
    String start(DicasUser me, @RequestParam(required = false) LocalDate horizonStart,
                 @RequestParam(required = false) LocalDate horizonEnd, @RequestParam(defaultValue = "10") int seconds,
                 Model model) {
        try {
            return "redirect:/sustainment/plans/" + runs.start(me, horizonStart, horizonEnd, seconds);
        } catch (InvalidInputException e) {
            return listPage(me, Paging.FIRST, model, FormErrors.of(e));
        }
    }

    @GetMapping("/sustainment/plans/{id}")
    String plan(DicasUser me, @PathVariable long id, Model model) {
        return planPage(me, id, model, List.of());
    }

    private String planPage(DicasUser me, long id, Model model, List<String> errors) {
        PlanView v = runs.view(me, id);
        model.addAttribute("plan", v);
        model.addAttribute("errors", errors);
        model.addAttribute("months", charts.demandAndCapacity(me, id));
        model.addAttribute("mayStart", SustainmentWriteRules.startPlanningRun(me).allowed());
        model.addAttribute("mayStop", SustainmentWriteRules.stopPlanningRun(me).allowed());
        model.addAttribute("mayPin", SustainmentWriteRules.pinJob(me).allowed());
        model.addAttribute("pageMarking", v.marking());
        return "sustainment/plan";
    }

    /** The status panel alone, polled by htmx while the plan runs. */
    @GetMapping("/sustainment/plans/{id}/status")
    String status(DicasUser me, @PathVariable long id, Model model) {
        model.addAttribute("plan", runs.view(me, id));
        model.addAttribute("mayStop", SustainmentWriteRules.stopPlanningRun(me).allowed());
        return "sustainment/plan :: status";
    }

    @PostMapping("/sustainment/plans/{id}/stop")
    String stop(DicasUser me, @PathVariable long id, Model model) {
        try {
            runs.stop(me, id);
            return "redirect:/sustainment/plans/" + id;
        } catch (InvalidInputException e) {
            return planPage(me, id, model, FormErrors.of(e));
        }
    }

    @PostMapping("/sustainment/plans/{id}/replan")
    String replan(DicasUser me, @PathVariable long id, Model model) {
        try {
            return "redirect:/sustainment/plans/" + runs.replan(me, id);
        } catch (InvalidInputException e) {
            return planPage(me, id, model, FormErrors.of(e));
        }
    }

    /** Pins a job where this plan put it; the next run keeps it there. */
    @PostMapping("/sustainment/plans/{id}/pin")
    String pin(DicasUser me, @PathVariable long id, @RequestParam long jobId, @RequestParam String resource,
               @RequestParam LocalDate start, @RequestParam(defaultValue = "true") boolean pinned, Model model) {
        runs.view(me, id);
        try {
            if (pinned) {
                jobs.pin(me, jobId, resource, start);
            } else {
                // the plan page acts on the job as it is now (its pin button belongs to the plan, not to a job form)
                jobs.unpin(me, jobId, new ExpectedVersion(jobs.get(me, jobId).version()));
            }
            return "redirect:/sustainment/plans/" + id;
        } catch (InvalidInputException e) {
            return planPage(me, id, model, FormErrors.of(e));
        }
    }

    @GetMapping(value = "/sustainment/plans/{id}/gantt.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PlanCharts.Gantt gantt(DicasUser me, @PathVariable long id) {
        return charts.gantt(me, id);
    }

    @GetMapping(value = "/sustainment/plans/{id}/demand.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<PlanCharts.Month> demand(DicasUser me, @PathVariable long id) {
        return charts.demandAndCapacity(me, id);
    }

    /** The plan CSV's columns, each headed by {@code plan.csv.<column>} in the reader's language. */
    static final List<String> CSV_COLUMNS = List.of("job", "asset", "priority", "facility", "resource", "start", "finish",
            "daysLate", "pinned", "marking");

    @GetMapping("/sustainment/plans/{id}/plan.csv")
    ResponseEntity<String> csv(DicasUser me, @PathVariable long id) {
        PlanView v = runs.view(me, id);
        Locale locale = LocaleContextHolder.getLocale();
        CsvFile csv = new CsvFile(v.marking(), CSV_COLUMNS.stream()
                .map(c -> Sentences.render(Sentence.label("plan.csv", c), locale)).toList());
        v.assignments().forEach(a -> csv.row(List.of(a.job(), a.asset(), a.priority(), a.facility(), a.resource(),
                a.start(), a.finish(), a.daysLate(), a.pinned(), a.marking().banner())));
        v.unassigned().forEach(u -> csv.row(List.of(u.job(), u.asset(), u.priority(), "", "", "", "", "", "",
                Sentences.render(Sentence.of("plan.csv.unassigned", u.marking().banner(), u.reason()), locale))));
        audit.exported(me, id, "REPAIR_PLAN", Sentence.of("listb.csv.plan.kind", id), csv.banner());
        return csv.download("listb.csv.plan.filename", locale, id);
    }

}
