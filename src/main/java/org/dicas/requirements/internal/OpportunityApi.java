package org.dicas.requirements.internal;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.requirements.Opportunity;
import org.dicas.requirements.OpportunityCommand;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.requirements.Pipeline;
import org.dicas.requirements.PipelineMove;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Marking;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;

@RestController
@Tag(name = "Opportunities")
class OpportunityApi {

    private final OpportunityFinderService finder;
    private final Pipeline pipeline;

    OpportunityApi(OpportunityFinderService finder, Pipeline pipeline) {
        this.finder = finder;
        this.pipeline = pipeline;
    }

    @GetMapping("/api/v1/requirements/{id}/matches")
    @Operation(summary = "Candidate requirements of other nations you may read, best first, with score, opportunity "
            + "flag and explanation (top: 1..50, default 5), paged like every list")
    MarkedList<OpportunityFinderService.Match> matches(DicasUser me, @PathVariable long id,
                                                       @RequestParam(defaultValue = "5") int top, Paging paging) {
        return MarkedList.page(paging.slice(finder.matches(me, id, top)), OpportunityFinderService.Match::marking);
    }

    /** The finder's overview with the high-water mark of every requirement in its pairs and groups. */
    record Finder(Marking marking, List<OpportunityFinderService.Pair> pairs,
                  List<OpportunityFinderService.Group> groups, int requirements) {
        static Finder of(OpportunityFinderService.Overview o) {
            List<OpportunityFinderService.Match> shown = new ArrayList<>();
            o.pairs().forEach(p -> shown.addAll(List.of(p.a(), p.b())));
            o.groups().forEach(g -> shown.addAll(g.members()));
            return new Finder(MarkedList.highWaterMarkOf(shown, OpportunityFinderService.Match::marking), o.pairs(),
                    o.groups(), o.requirements());
        }
    }

    @GetMapping("/api/v1/opportunities/finder")
    @Operation(summary = "All flagged pairs and groups of three or more nations among the requirements you may read; "
            + "marking is the high-water mark of every requirement shown")
    Finder overview(DicasUser me) {
        return Finder.of(finder.overview(me));
    }

    @GetMapping("/api/v1/opportunities/pair")
    @Operation(summary = "One pair: explanation, aligned procurement window (both nations' fiscal years) and the "
            + "learning-curve savings of a combined buy; firstUnitCost A > 0 (default 1.0), learningRate LR in (0,1] "
            + "(default 0.85)")
    OpportunityFinderService.PairView pair(DicasUser me, @RequestParam long a, @RequestParam long b,
                                           @RequestParam(defaultValue = "1.0") double firstUnitCost,
                                           @RequestParam(defaultValue = "0.85") double learningRate) {
        return finder.pair(me, a, b, firstUnitCost, learningRate);
    }

    @GetMapping("/api/v1/opportunities")
    @Operation(summary = "A page of the pipeline opportunities you may read, newest first (by id)")
    MarkedList<Opportunity> list(DicasUser me, Paging paging, @SortedBy(Pipeline.class) TableView view) {
        return MarkedList.page(pipeline.list(me, paging, view), Opportunity::highWaterMark);
    }

    @GetMapping("/api/v1/opportunities/{id}")
    Opportunity get(DicasUser me, @PathVariable long id) {
        return pipeline.get(me, id);
    }

    @PostMapping("/api/v1/opportunities")
    @Operation(summary = "Track an opportunity: requirements of two or more nations and/or a source lead "
            + "(government users); starts at CANDIDATE, or LEAD without two nations' requirements")
    ResponseEntity<Opportunity> create(DicasUser me, @Valid @RequestBody OpportunityCommand command) {
        Opportunity o = pipeline.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + o.id())).body(o);
    }

    @PutMapping("/api/v1/opportunities/{id}")
    @Operation(summary = "Change title, owner, next step, A and LR, links or marking")
    Opportunity update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody OpportunityCommand command) {
        return pipeline.update(me, id, expected, command);
    }

    @PostMapping("/api/v1/opportunities/{id}/stage")
    @Operation(summary = "Move the stage: next stage, or previous with a reason; AGREED needs program {type, "
            + "partners [{nation, costShare}] summing to 100} and ends at PROGRAM")
    Opportunity move(DicasUser me, @PathVariable long id, @Valid @RequestBody PipelineMove move) {
        return pipeline.move(me, id, move);
    }
}
