package org.dicas.requirements.internal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.dicas.platform.FormErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.platform.EditConflict;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.StaleVersionException;
import org.dicas.platform.FormValues;
import org.dicas.programs.Program;
import org.dicas.requirements.Opportunity;
import org.dicas.requirements.OpportunityCommand;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.requirements.OpportunityStage;
import org.dicas.requirements.JudgmentReason;
import org.dicas.requirements.PairJudgment;
import org.dicas.requirements.PairJudgmentCommand;
import org.dicas.requirements.PairJudgments;
import org.dicas.requirements.Pipeline;
import org.dicas.requirements.PipelineMove;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.platform.Pager;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.platform.Flash;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.dicas.platform.Table;
import org.dicas.shared.TableView;

/**
 * The opportunity pages: the pipeline board by stage, one opportunity (edit, stage moves, the agreed step's program
 * form, history), the finder (flagged pairs and groups) and the pair page with its learning-curve form.
 */
@Controller
class OpportunityPages {

    private final Pipeline pipeline;
    private final OpportunityFinderService finder;
    private final PairJudgments judgments;

    OpportunityPages(Pipeline pipeline, OpportunityFinderService finder, PairJudgments judgments) {
        this.pipeline = pipeline;
        this.finder = finder;
        this.judgments = judgments;
    }

    @GetMapping("/opportunities")
    String board(DicasUser me, Paging paging, TableView view, Model model) {
        Page<Opportunity> page = pipeline.list(me, paging, view);
        Table.show(model, "/opportunities", view, Pipeline.COLUMNS);
        List<Opportunity> all = page.items();
        Map<OpportunityStage, List<Opportunity>> byStage = new EnumMap<>(OpportunityStage.class);
        for (OpportunityStage s : OpportunityStage.values()) {
            byStage.put(s, new ArrayList<>());
        }
        all.forEach(o -> byStage.get(o.stage()).add(o));
        model.addAttribute("stages", OpportunityStage.values());
        model.addAttribute("byStage", byStage);
        model.addAttribute("count", page.total());
        model.addAttribute("pager", Pager.of(page));
        model.addAttribute("errors", List.of());
        model.addAttribute("pageMarking", Marking.highWaterMark(all.stream().map(Opportunity::highWaterMark).toList()));
        return "opportunities/board";
    }

    @GetMapping("/opportunities/finder")
    String finder(DicasUser me, Model model) {
        OpportunityFinderService.Overview o = finder.overview(me);
        model.addAttribute("overview", o);
        List<Marking> m = new ArrayList<>();
        o.pairs().forEach(p -> {
            m.add(p.a().marking());
            m.add(p.b().marking());
        });
        o.groups().forEach(g -> g.members().forEach(x -> m.add(x.marking())));
        // the officials' latest judgment of each listed pair (the same records the pair already shows: same marking)
        model.addAttribute("judged", judgments.latestByPair(me, null));
        model.addAttribute("pageMarking", Marking.highWaterMark(m));
        return "opportunities/finder";
    }

    @GetMapping("/opportunities/pair")
    String pair(DicasUser me, @RequestParam long a, @RequestParam long b,
                @RequestParam(defaultValue = "") String firstUnitCost,
                @RequestParam(defaultValue = "") String learningRate, Model model) {
        return pair(me, a, b, firstUnitCost, learningRate, model, new ArrayList<>(), Map.of("reason", "", "note", ""));
    }

    /**
     * "Same need" or "not the same need" (with a reason) for a pair, from the pair page or a row of the matches page
     * ({@code back=matches} returns there); refused input shows the pair page with the error and what was typed.
     */
    @PostMapping("/opportunities/pair/judgments")
    String judge(DicasUser me, @RequestParam long a, @RequestParam long b,
                 @RequestParam(defaultValue = "") String sameNeed, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String back,
                 Model model) {
        try {
            judgments.judge(me, a, new PairJudgmentCommand(b, sameNeed.isBlank() ? null : Boolean.valueOf(sameNeed),
                    reason, note));
            return "matches".equals(back) ? "redirect:/requirements/" + a + "/matches"
                    : "redirect:/opportunities/pair?a=" + a + "&b=" + b + "#judgments";
        } catch (InvalidInputException e) {
            return pair(me, a, b, "", "", model, new ArrayList<>(List.of(message(e))),
                    Map.of("reason", reason, "note", note));
        }
    }

    private String pair(DicasUser me, long a, long b, String firstUnitCost, String learningRate, Model model,
                        List<String> errors, Map<String, String> judgmentForm) {
        double fa = Pipeline.DEFAULT_FIRST_UNIT_COST;
        double lr = Pipeline.DEFAULT_LEARNING_RATE;
        try {
            Double x = FormValues.number("firstUnitCost", firstUnitCost);
            Double y = FormValues.number("learningRate", learningRate);
            Pipeline.checkCurve(x == null ? fa : x, y == null ? lr : y);
            fa = x == null ? fa : x;
            lr = y == null ? lr : y;
        } catch (InvalidInputException e) {
            errors.addAll(FormErrors.of(e));
        }
        if (a == b) {
            finder.matches(me, a, 1); // 404 unless the user may read it
            return "redirect:/requirements/" + a + "/matches";
        }
        OpportunityFinderService.PairView p = finder.pair(me, a, b, fa, lr);
        model.addAttribute("p", p);
        model.addAttribute("pairRequirements", List.of(p.a(), p.b()));
        model.addAttribute("errors", errors);
        model.addAttribute("firstUnitCost", firstUnitCost.isBlank() ? fmt(fa) : firstUnitCost);
        model.addAttribute("learningRate", learningRate.isBlank() ? fmt(lr) : learningRate);
        model.addAttribute("defaultFirstUnitCost", fmt(Pipeline.DEFAULT_FIRST_UNIT_COST));
        model.addAttribute("defaultLearningRate", fmt(Pipeline.DEFAULT_LEARNING_RATE));
        model.addAttribute("mayTrack", RequirementWriteRules.trackOpportunity(me).allowed());
        model.addAttribute("tracked", pipeline.linking(me, a).stream()
                .filter(o -> o.requirements().stream().anyMatch(r -> r.id() == b)).toList());
        List<PairJudgment> judged = judgments.ofPair(me, a, b);
        model.addAttribute("judgments", judged);
        model.addAttribute("latestJudgment", judged.isEmpty() ? null : judged.get(0));
        model.addAttribute("mayJudge", judgments.mayJudge(me, p.a(), p.b()));
        model.addAttribute("reasons", JudgmentReason.values());
        model.addAttribute("judgmentForm", judgmentForm);
        // each judgment is marked with the high-water mark of the two requirements the page shows already
        List<Marking> shown = new ArrayList<>(List.of(p.highWaterMark()));
        judged.forEach(j -> shown.add(j.marking()));
        model.addAttribute("pageMarking", Marking.highWaterMark(shown));
        return "opportunities/pair";
    }

    /** "Track this opportunity" (pair page) and "Promote" (lead page) post here. */
    @PostMapping("/opportunities")
    String create(DicasUser me, @RequestParam(required = false) List<String> requirementIds,
                  @RequestParam(defaultValue = "") String leadId, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String firstUnitCost,
                  @RequestParam(defaultValue = "") String learningRate, Model model, RedirectAttributes flash) {
        try {
            List<Long> ids = new ArrayList<>();
            for (String s : requirementIds == null ? List.<String>of() : requirementIds) {
                if (!s.isBlank()) {
                    ids.add(FormValues.id("requirementIds", s));
                }
            }
            Opportunity o = pipeline.create(me, new OpportunityCommand(title, ids, optionalId("leadId", leadId),
                    null, "", null, FormValues.number("firstUnitCost", firstUnitCost),
                    FormValues.number("learningRate", learningRate), ""));
            return Flash.say(flash, "/opportunities/" + o.id(), "flash.opportunity.tracked", o.title());
        } catch (InvalidInputException | InvalidMarkingException e) {
            board(me, Paging.FIRST, TableView.NONE, model);
            model.addAttribute("errors", List.of(message(e)));
            return "opportunities/board";
        }
    }

    @GetMapping("/opportunities/{id}")
    String detail(DicasUser me, @PathVariable long id, Model model) {
        return detail(me, id, model, List.of(), Map.of());
    }

    @PostMapping("/opportunities/{id}")
    String update(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                  @RequestParam Map<String, String> form, Model model) {
        OpportunityCommand command = null;
        try {
            Opportunity o = pipeline.get(me, id);
            List<Long> ids = o.requirements().stream().map(Opportunity.LinkedRequirement::id).toList();
            String extra = form.getOrDefault("addRequirementId", "").strip();
            List<Long> all = new ArrayList<>(ids);
            if (!extra.isEmpty()) {
                all.add(FormValues.id("addRequirementId", extra));
            }
            command = new OpportunityCommand(form.getOrDefault("title", ""), all, o.leadId(),
                    optionalId("ownerId", form.getOrDefault("ownerId", "")), form.getOrDefault("nextStep", ""),
                    FormValues.date("nextStepDate", form.getOrDefault("nextStepDate", "")),
                    FormValues.number("firstUnitCost", form.getOrDefault("firstUnitCost", "")),
                    FormValues.number("learningRate", form.getOrDefault("learningRate", "")),
                    form.getOrDefault("marking", ""));
            pipeline.update(me, id, expected, command);
            return "redirect:/opportunities/" + id;
        } catch (InvalidInputException | InvalidMarkingException e) {
            return detail(me, id, model, List.of(message(e)), form);
        } catch (StaleVersionException e) {
            Opportunity current = pipeline.get(me, id);
            EditConflict.show(model, e, command, current);
            Map<String, String> mine = new java.util.HashMap<>(form);
            mine.put("version", String.valueOf(current.version()));
            return detail(me, id, model, List.of(), mine);
        }
    }

    @PostMapping("/opportunities/{id}/stage")
    String move(DicasUser me, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes flash) {
        try {
            PipelineMove.ProgramDetails program = null;
            if (!form.getOrDefault("programType", "").isBlank()) {
                List<PipelineMove.PartnerShare> partners = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String nation = form.getOrDefault("partnerNation" + i, "").strip();
                    String share = form.getOrDefault("partnerShare" + i, "").strip();
                    if (nation.isEmpty() && share.isEmpty()) {
                        continue;
                    }
                    Double d = FormValues.number("partnerShare" + i, share);
                    partners.add(new PipelineMove.PartnerShare(nation, d == null ? null : BigDecimal.valueOf(d)));
                }
                program = new PipelineMove.ProgramDetails(form.get("programType"), partners,
                        form.getOrDefault("programNameEn", ""), form.getOrDefault("programNameJa", ""));
            }
            Opportunity moved = pipeline.move(me, id, new PipelineMove(form.getOrDefault("toStage", ""),
                    form.getOrDefault("reason", ""), program));
            return Flash.say(flash, "/opportunities/" + id, "flash.opportunity.moved", moved.title(),
                    Sentence.label("opp.stage", moved.stage().name()));
        } catch (InvalidInputException e) {
            return detail(me, id, model, List.of(message(e)), form);
        }
    }

    private String detail(DicasUser me, long id, Model model, List<String> errors, Map<String, String> posted) {
        Opportunity o = pipeline.get(me, id);
        model.addAttribute("o", o);
        model.addAttribute("errors", errors);
        Map<String, String> values = new HashMap<>();
        values.put("title", o.title());
        values.put("nextStep", o.nextStep());
        values.put("nextStepDate", o.nextStepDate() == null ? "" : o.nextStepDate().toString());
        values.put("firstUnitCost", fmt(o.firstUnitCost()));
        values.put("learningRate", fmt(o.learningRate()));
        values.put("marking", o.marking().banner());
        values.put("ownerId", String.valueOf(o.ownerId()));
        values.put("reason", "");
        values.put("addRequirementId", "");
        values.put("programType", "");
        values.put("programNameEn", "");
        values.put("programNameJa", "");
        List<String> nations = o.requirements().stream().map(Opportunity.LinkedRequirement::nation).distinct()
                .toList();
        for (int i = 0; i < 6; i++) {
            values.put("partnerNation" + i, i < nations.size() ? nations.get(i) : "");
            values.put("partnerShare" + i, "");
        }
        values.put("version", String.valueOf(o.version()));
        values.putAll(posted);
        model.addAttribute("posted", values);
        model.addAttribute("mayMove", RequirementWriteRules.moveOpportunity(me, o).allowed());
        boolean mayChange = RequirementWriteRules.changeOpportunity(me, o).allowed();
        model.addAttribute("mayChange", mayChange);
        model.addAttribute("next", o.stage() == OpportunityStage.PROGRAM ? null
                : OpportunityStage.values()[o.stage().ordinal() + 1]);
        model.addAttribute("previous", o.stage() == OpportunityStage.PROGRAM || o.stage() == OpportunityStage.LEAD
                ? null : OpportunityStage.values()[o.stage().ordinal() - 1]);
        model.addAttribute("programTypes", Program.Type.values());
        List<DicasUser> owners = mayChange ? pipeline.possibleOwners(me, o, values.get("marking")) : List.of();
        model.addAttribute("owners", owners);
        model.addAttribute("ownerOffered", owners.stream().anyMatch(u -> String.valueOf(u.id())
                .equals(values.get("ownerId"))));
        model.addAttribute("partnerRows", List.of(0, 1, 2, 3, 4, 5));
        model.addAttribute("pageMarking", o.highWaterMark());
        return "opportunities/detail";
    }

    /** Refused input (a rule or a marking) as the form shows it, in the reader's language. */
    static String message(RuntimeException e) {
        return FormErrors.describe(e, LocaleContextHolder.getLocale());
    }

    static Long optionalId(String field, String value) {
        return value == null || value.isBlank() ? null : FormValues.id(field, value);
    }

    static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
