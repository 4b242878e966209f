package org.dicas.requirements.internal;

import java.util.ArrayList;
import java.util.List;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The candidates of other nations for one requirement, with score, flag and the engine's explanation. */
@Controller
class MatchesPage {

    private final Requirements requirements;
    private final OpportunityFinderService finder;

    MatchesPage(Requirements requirements, OpportunityFinderService finder) {
        this.requirements = requirements;
        this.finder = finder;
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
        model.addAttribute("pageMarking", Marking.highWaterMark(m));
        return "requirements/matches";
    }
}
