package org.dicas.requirements.internal;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.dicas.shared.ExpectedVersion;
import org.dicas.requirements.Opportunity;
import org.dicas.requirements.OpportunityCommand;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.requirements.PairJudgment;
import org.dicas.requirements.PairJudgments;
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
    private final PairJudgments judgments;

    OpportunityApi(OpportunityFinderService finder, Pipeline pipeline, PairJudgments judgments) {
        this.finder = finder;
        this.pipeline = pipeline;
        this.judgments = judgments;
    }

    /**
     * A candidate with the latest officials' judgment of its pair that the reader may read (null when none is, or
     * there is none): the finder's fields as they are, and {@code judgment} beside them.
     */
    record Candidate(@JsonUnwrapped OpportunityFinderService.Match match, PairJudgment.Mark judgment) {
        Marking shown() {
            return judgment == null ? match.marking()
                    : Marking.highWaterMark(List.of(match.marking(), judgment.marking()));
        }
    }

    @GetMapping("/api/v1/requirements/{id}/matches")
    @Operation(summary = "Candidate requirements of other nations you may read, best first, with score, opportunity "
            + "flag and explanation (top: 1..50, default 5), paged like every list; each with the latest officials' "
            + "judgment of the pair that you may read (judgment: id, verdict, reason, judgedAt, marking; null when "
            + "none), whose marking is part of the list's")
    MarkedList<Candidate> matches(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "5") int top,
                                  Paging paging) {
        List<OpportunityFinderService.Match> matches = finder.matches(me, id, top);
        Map<String, PairJudgment> judged = judgments.latestByPair(me, id);
        List<Candidate> candidates = matches.stream().map(m -> new Candidate(m,
                mark(judged, id, m.requirementId()))).toList();
        return MarkedList.page(paging.slice(candidates), Candidate::shown);
    }

    private static PairJudgment.Mark mark(Map<String, PairJudgment> judged, long a, long b) {
        PairJudgment j = judged.get(PairJudgment.key(a, b));
        return j == null ? null : j.mark();
    }

    /** A flagged pair with the latest officials' judgment of it that the reader may read (null when none). */
    record FlaggedPair(@JsonUnwrapped OpportunityFinderService.Pair pair, PairJudgment.Mark judgment) {
    }

    /**
     * The finder's overview with the high-water mark of every requirement in its pairs and groups and of every
     * judgment marked on its pairs.
     */
    record Finder(Marking marking, List<FlaggedPair> pairs, List<OpportunityFinderService.Group> groups,
                  int requirements) {
        static Finder of(OpportunityFinderService.Overview o, Map<String, PairJudgment> judged) {
            List<Marking> shown = new ArrayList<>();
            List<FlaggedPair> pairs = new ArrayList<>();
            for (OpportunityFinderService.Pair p : o.pairs()) {
                PairJudgment.Mark mark = mark(judged, p.a().requirementId(), p.b().requirementId());
                pairs.add(new FlaggedPair(p, mark));
                shown.addAll(List.of(p.a().marking(), p.b().marking()));
                if (mark != null) {
                    shown.add(mark.marking());
                }
            }
            o.groups().forEach(g -> g.members().forEach(m -> shown.add(m.marking())));
            return new Finder(Marking.highWaterMark(shown), pairs, o.groups(), o.requirements());
        }
    }

    @GetMapping("/api/v1/opportunities/finder")
    @Operation(summary = "All flagged pairs and groups of three or more nations among the requirements you may read, "
            + "each pair with the latest officials' judgment of it that you may read (judgment, null when none); "
            + "marking is the high-water mark of every requirement and judgment shown")
    Finder overview(DicasUser me) {
        return Finder.of(finder.overview(me), judgments.latestByPair(me, null));
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
