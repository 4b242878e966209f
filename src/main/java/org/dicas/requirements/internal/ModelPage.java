package org.dicas.requirements.internal;

import org.dicas.requirements.FinderModels;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The finder's model page: the version in use, when and on how many labelled pairs (from the development sets and
 * from officials' judgments) it was trained, its threshold and out-of-fold quality per training fold, the weights of
 * its features, and "Retrain" for those {@link RequirementWriteRules#retrainModel} allows. It shows figures about
 * the model only, no requirement's content: marked UNCLASSIFIED.
 */
@Controller
class ModelPage {

    private final FinderModels models;

    ModelPage(FinderModels models) {
        this.models = models;
    }

    @GetMapping("/opportunities/model")
    String show(DicasUser me, Model model) {
        model.addAttribute("trained", models.trained());
        model.addAttribute("m", models.current());
        model.addAttribute("mayRetrain", RequirementWriteRules.retrainModel(me).allowed());
        model.addAttribute("pageMarking", Marking.parse("UNCLASSIFIED"));
        return "opportunities/model";
    }

    @PostMapping("/opportunities/model")
    String retrain(DicasUser me) {
        models.retrain(me);
        return "redirect:/opportunities/model";
    }
}
