package org.dicas.requirements.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.dicas.requirements.PairJudgment;
import org.dicas.requirements.PairJudgmentCommand;
import org.dicas.requirements.PairJudgments;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Requirements", description = "Operational requirements of each nation, in English and/or Japanese")
class JudgmentApi {

    private final PairJudgments judgments;

    JudgmentApi(PairJudgments judgments) {
        this.judgments = judgments;
    }

    @GetMapping("/api/v1/requirements/{a}/judgments")
    @Operation(summary = "A page of officials' judgments of the pairs this requirement forms, newest first: those you "
            + "may read (you are a government official of either requirement's nation and may read both; 404 when "
            + "the requirement is missing or not releasable to you)")
    MarkedList<PairJudgment> list(DicasUser me, @PathVariable long a, Paging paging) {
        return MarkedList.page(judgments.ofRequirement(me, a, paging), PairJudgment::marking);
    }

    @GetMapping("/api/v1/judgments/{id}")
    @Operation(summary = "One officials' judgment of a pair of requirements, if you may read it: a government official "
            + "of either requirement's nation who may read both (404 otherwise, exactly as for a missing id)")
    PairJudgment get(DicasUser me, @PathVariable long id) {
        return judgments.get(me, id);
    }

    @PostMapping("/api/v1/requirements/{a}/judgments")
    @Operation(summary = "Judge the pair this requirement forms with another nation's requirement 'other' "
            + "(government officials of either nation who may read both): sameNeed true, or false with a reason "
            + "(SIBLING_SYSTEM, DIFFERENT_ROLE, BUY_VS_REPAIR, DIFFERENT_TIME_FRAME, OTHER — OTHER needs a note); "
            + "note optional. Marked with the high-water mark of both requirements; a later judgment is kept beside "
            + "earlier ones and the latest counts")
    ResponseEntity<PairJudgment> judge(DicasUser me, @PathVariable long a, @RequestBody PairJudgmentCommand command) {
        PairJudgment j = judgments.judge(me, a, command);
        return ResponseEntity.created(URI.create("/api/v1/requirements/" + a + "/judgments")).body(j);
    }
}
