package org.dicas.sustainment.planning;

import org.dicas.platform.SortedBy;
import org.dicas.shared.TableView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;

@RestController
@RequestMapping("/api/v1/sustainment/plans")
@Tag(name = "Sustainment planning")
class PlanningApi {

    record StartPlan(LocalDate horizonStart, LocalDate horizonEnd, Integer seconds) {
    }

    private final PlanningRuns runs;

    PlanningApi(PlanningRuns runs) {
        this.runs = runs;
    }

    @GetMapping
    @Operation(summary = "A page of the planning runs, newest first (by id), each showing only what you may read")
    MarkedList<PlanView> list(DicasUser me, Paging paging, @SortedBy(PlanningRuns.class) TableView view) {
        return MarkedList.page(runs.list(me, paging, view), PlanView::marking);
    }

    @PostMapping
    @Operation(summary = "Start a planning run in the background (every facility and job, pins kept); 202 with the run")
    ResponseEntity<PlanView> start(DicasUser me, @RequestBody StartPlan body) {
        long id = runs.start(me, body.horizonStart(), body.horizonEnd(), body.seconds() == null ? 10 : body.seconds());
        return ResponseEntity.accepted().location(URI.create("/api/v1/sustainment/plans/" + id)).body(runs.view(me, id));
    }

    @GetMapping("/{id}")
    PlanView get(DicasUser me, @PathVariable long id) {
        return runs.view(me, id);
    }

    @PostMapping("/{id}/stop")
    PlanView stop(DicasUser me, @PathVariable long id) {
        runs.stop(me, id);
        return runs.view(me, id);
    }

    @PostMapping("/{id}/replan")
    ResponseEntity<PlanView> replan(DicasUser me, @PathVariable long id) {
        long next = runs.replan(me, id);
        return ResponseEntity.accepted().location(URI.create("/api/v1/sustainment/plans/" + next)).body(runs.view(me, next));
    }
}
