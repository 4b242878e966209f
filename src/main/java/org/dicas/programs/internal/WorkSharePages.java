package org.dicas.programs.internal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.dicas.platform.FormErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.dicas.platform.CsvFile;
import org.dicas.programs.Programs;
import org.dicas.security.AuditLog;
import org.dicas.platform.FormValues;
import org.springframework.http.ResponseEntity;
import org.dicas.programs.internal.WorkPackageCommands.OptionCommand;
import org.dicas.programs.internal.WorkPackageCommands.PackageCommand;
import org.dicas.programs.internal.WorkPackageCommands.ReleaseCommand;
import org.dicas.programs.internal.WorkPackageCommands.SettingsCommand;
import org.dicas.security.DicasUser;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.shared.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The work share on the program pages: packages, options, releases and tolerance are maintained on the program page;
 * the balance page shows the balanced split, its figures, the share chart against the targets and their tolerance
 * band, and one-click what-ifs (a wider tolerance, a new release) beside the baseline.
 */
@Controller
class WorkSharePages {

    private final WorkPackages packages;
    private final WorkShareBalancing balancing;
    private final ProgramPages programPages;

    private final AuditLog audit;

    WorkSharePages(WorkPackages packages, WorkShareBalancing balancing, ProgramPages programPages, AuditLog audit) {
        this.audit = audit;
        this.packages = packages;
        this.balancing = balancing;
        this.programPages = programPages;
    }

    /** The balance, or a what-if beside it ({@code whatIf} WIDEN_TOLERANCE with tolerance, ADD_RELEASE with release). */
    @GetMapping("/programs/{id}/work-share")
    String balance(DicasUser me, @PathVariable long id, @RequestParam(required = false) WorkShareWhatIf.Kind whatIf,
                   @RequestParam(required = false) String tolerance, @RequestParam(required = false) String release,
                   @RequestParam(defaultValue = "COST_SHARES") BalanceView.Targets targets, Model model) {
        WorkShare ws = packages.workShare(me, id);
        List<String> errors = new ArrayList<>();
        BalanceView view;
        try {
            view = balancing.balance(me, id, targets, whatIf(whatIf, tolerance, release));
        } catch (InvalidInputException e) {
            errors.addAll(FormErrors.of(e));
            view = balancing.balance(me, id, Optional.empty());
        }
        model.addAttribute("ws", ws);
        model.addAttribute("program", programPages.programs().get(me, id));
        model.addAttribute("view", view);
        model.addAttribute("errors", errors);
        model.addAttribute("widerTolerance", ws.tolerance().add(BigDecimal.valueOf(3)).min(BigDecimal.valueOf(100)));
        model.addAttribute("pageMarking", view.marking());
        return "programs/work-share";
    }

    /**
     * The balance (and what-if) as CSV under the page's high-water mark (first line): one row per package the reader
     * may read, then one per nation; figures withheld from the page are withheld here too.
     */
    @GetMapping("/programs/{id}/work-share.csv")
    ResponseEntity<String> csv(DicasUser me, @PathVariable long id,
                               @RequestParam(required = false) WorkShareWhatIf.Kind whatIf,
                               @RequestParam(required = false) String tolerance,
                               @RequestParam(required = false) String release,
                               @RequestParam(defaultValue = "COST_SHARES") BalanceView.Targets targets,
                               Locale locale) {
        BalanceView v = balancing.balance(me, id, targets, whatIf(whatIf, tolerance, release));
        BalanceView.Result r = v.shown();
        java.util.function.Function<String, String> say = k -> Sentences.render(Sentence.of(k), locale);
        String withheld = say.apply("workShare.withheld");
        String status = Sentences.render(Sentence.label("workShare.solver", r.status()), locale);
        CsvFile csv = new CsvFile(v.marking(), java.util.stream.Stream.of("workShare.package", "workShare.csv.title",
                "workShare.firm", "prog.nation", "workShare.cost", "workShare.csv.targetPercent",
                "workShare.csv.sharePercent", "workShare.status").map(say).toList());
        r.assignments().forEach(a -> csv.row(List.of(a.code(), a.title(locale), a.performer(locale),
                Sentences.render(Sentence.nation(a.nation()), locale),
                a.costWithheld() ? withheld : a.cost().toPlainString(), "", "",
                a.changed() ? say.apply("workShare.changed") : "")));
        r.shares().forEach(s -> csv.row(List.of("", "", "", Sentences.render(Sentence.nation(s.nation()), locale),
                s.cost() == null ? withheld : s.cost().toPlainString(), s.target().toPlainString(),
                s.percent() == null ? withheld : s.percent().toPlainString(), status)));
        csv.row(List.of(say.apply("workShare.totalCost"), "", "", "",
                r.totalCost() == null ? withheld : r.totalCost().toPlainString(), "", "", status));
        csv.row(List.of(say.apply("workShare.priceOfBalance"), "", "", "",
                r.priceOfBalance() == null ? withheld : r.priceOfBalance().toPlainString(), "", "", ""));
        audit.exported(me, id, Programs.KIND, Sentence.of("listb.csv.workShare.kind", id), csv.banner());
        return csv.download("listb.csv.workShare.filename", locale, id);
    }

    private static Optional<WorkShareWhatIf> whatIf(WorkShareWhatIf.Kind kind, String tolerance, String release) {
        if (kind == null) {
            return Optional.empty();
        }
        if (kind == WorkShareWhatIf.Kind.WIDEN_TOLERANCE) {
            return Optional.of(new WorkShareWhatIf(kind, FormValues.decimal("tolerance", tolerance), null, null));
        }
        String[] parts = release == null ? new String[0] : release.strip().split("\\s+");
        if (parts.length != 2) {
            throw InvalidInputException.of("release", "workShare.error.releaseRequired");
        }
        return Optional.of(new WorkShareWhatIf(kind, null, parts[0], parts[1]));
    }

    @PostMapping("/programs/{id}/work-packages")
    String create(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String code,
                  @RequestParam(defaultValue = "") String titleEn, @RequestParam(defaultValue = "") String titleJa,
                  @RequestParam(defaultValue = "") String controls, @RequestParam(defaultValue = "") String marking,
                  Model model) {
        return change(me, id, model, () -> packages.create(me, id, new PackageCommand(code, titleEn, titleJa,
                words(controls), marking)));
    }

    @PostMapping("/programs/{id}/work-packages/{wp}/edit")
    String edit(DicasUser me, @PathVariable long id, @PathVariable long wp, ExpectedVersion expected,
                @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String titleEn,
                @RequestParam(defaultValue = "") String titleJa, @RequestParam(defaultValue = "") String controls,
                @RequestParam(defaultValue = "") String marking, Model model) {
        return change(me, id, model, () -> packages.update(me, id, wp, expected, new PackageCommand(code, titleEn,
                titleJa, words(controls), marking)));
    }

    @PostMapping("/programs/{id}/work-packages/{wp}/delete")
    String delete(DicasUser me, @PathVariable long id, @PathVariable long wp, ExpectedVersion expected, Model model) {
        return change(me, id, model, () -> packages.delete(me, id, wp, expected));
    }

    @PostMapping("/programs/{id}/work-packages/{wp}/options")
    String addOption(DicasUser me, @PathVariable long id, @PathVariable long wp,
                     @RequestParam(defaultValue = "") String performerId, @RequestParam(defaultValue = "") String cost,
                     @RequestParam(defaultValue = "") String marking, Model model) {
        return change(me, id, model, () -> packages.addOption(me, id, wp, new OptionCommand(
                FormValues.id("performerId", performerId), FormValues.decimal("cost", cost), marking)));
    }

    @PostMapping("/programs/{id}/work-packages/{wp}/options/{option}")
    String updateOption(DicasUser me, @PathVariable long id, @PathVariable long wp, @PathVariable long option,
                        ExpectedVersion expected, @RequestParam(defaultValue = "") String cost,
                        @RequestParam(defaultValue = "") String marking, Model model) {
        return change(me, id, model, () -> packages.updateOption(me, id, wp, option, expected,
                new OptionCommand(null, FormValues.decimal("cost", cost), marking)));
    }

    @PostMapping("/programs/{id}/work-packages/{wp}/options/{option}/delete")
    String deleteOption(DicasUser me, @PathVariable long id, @PathVariable long wp, @PathVariable long option,
                        ExpectedVersion expected, Model model) {
        return change(me, id, model, () -> packages.deleteOption(me, id, wp, option, expected));
    }

    /** Tolerance and releases: one release per line, the control then the nations, e.g. "ITAR-USML-IV USA JPN". */
    @PostMapping("/programs/{id}/work-share/settings")
    String settings(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                    @RequestParam(defaultValue = "") String tolerance, @RequestParam(defaultValue = "") String releases,
                    Model model) {
        return change(me, id, model, () -> {
            List<ReleaseCommand> rs = new ArrayList<>();
            for (String line : releases.split("\\R")) {
                List<String> w = words(line);
                if (!w.isEmpty()) {
                    rs.add(new ReleaseCommand(w.get(0), w.subList(1, w.size())));
                }
            }
            packages.updateSettings(me, id, expected,
                    new SettingsCommand(FormValues.decimal("tolerance", tolerance), rs));
        });
    }

    private String change(DicasUser me, long id, Model model, Runnable write) {
        List<String> errors;
        try {
            write.run();
            return "redirect:/programs/" + id + "#work-share";
        } catch (InvalidInputException | InvalidMarkingException e) {
            errors = FormErrors.of(e);
        } catch (StaleVersionException e) {
            errors = List.of(Sentences.render(e.sentence(), LocaleContextHolder.getLocale()));
        }
        model.addAttribute("workShareErrors", errors);
        return programPages.detail(me, id, model);
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).map(String::strip).filter(w -> !w.isEmpty())
                .toList();
    }
}
