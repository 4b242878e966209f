package org.dicas.requirements.internal;

import java.util.ArrayList;
import java.util.List;
import org.dicas.requirements.JudgmentReason;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.requirements.PairJudgment;
import org.dicas.requirements.PairJudgments;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The candidates of other nations for one requirement, with score, flag and the engine's explanation, the officials'
 * latest judgment of each pair beside it ("confirmed" or "rejected by officials", never hiding the candidate) with the
 * forms to judge it, and the officials' judgments of this requirement's pairs.
 */
@Controller
class MatchesPage {

    private final Requirements requirements;
    private final OpportunityFinderService finder;
    private final PairJudgments judgments;

    MatchesPage(Requirements requirements, OpportunityFinderService finder, PairJudgments judgments) {
        this.requirements = requirements;
        this.finder = finder;
        this.judgments = judgments;
    }

    @GetMapping("/requirements/{id}/matches")
    String matches(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "10") int top, Model model) {
        Requirement r = requirements.get(me, id);
        int k = Math.max(1, Math.min(OpportunityFinderService.MAX_TOP, top));
        List<OpportunityFinderService.Match> matches = finder.matches(me, id, k);
        model.addAttribute("r", r);
        model.addAttribute("matches", matches);
        List<Marking> m = new ArrayList<>();
        m.add(r.marking());
        matches.forEach(x -> m.add(x.marking()));
        model.addAttribute("judged", judgments.latestByPair(me, id));
        List<PairJudgment> history = judgments.ofRequirement(me, id,
                new org.dicas.shared.Paging(1, PairJudgments.PAGE_LIMIT)).items();
        model.addAttribute("judgments", history);
        history.forEach(j -> m.add(j.marking()));
        // the forms, on the rows the reader may judge: an official of this requirement's nation or the candidate's
        model.addAttribute("mayJudge", matches.stream().filter(x -> !x.nation().equals(r.nation())
                && RequirementWriteRules.judgePair(me, r.nation(), x.nation()).allowed())
                .map(OpportunityFinderService.Match::requirementId).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("reasons", JudgmentReason.values());
        model.addAttribute("posted", java.util.Map.of("reason", "", "note", ""));
        model.addAttribute("pageMarking", Marking.highWaterMark(m));
        return "requirements/matches";
    }
}
