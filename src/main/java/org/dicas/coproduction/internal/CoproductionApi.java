package org.dicas.coproduction.internal;

import org.dicas.platform.SortedBy;
import org.dicas.shared.TableView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;
import org.dicas.coproduction.CoproductionPlan;
import org.dicas.coproduction.CoproductionPlans;
import org.dicas.coproduction.WhatIf;
import org.dicas.security.DicasUser;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Co-production plans over JSON. Reads follow the releasability policy (a hidden plan is 404; a firm's cost the caller
 * may not read is null with {@code costWithheld}); every change names the plan's version in {@code If-Match} and
 * answers the plan with its new {@code ETag}; runs start in the background (202) and are polled.
 */
@RestController
@RequestMapping("/api/v1/coproduction/plans")
@Tag(name = "Co-production", description = "Co-production plans: lines, components, transfer rules, demands, runs")
class CoproductionApi {

    /** A run to start: a time limit and, for a what-if, the change. */
    record RunRequest(Integer seconds, WhatIf whatIf) {
    }

    private final CoproductionPlans plans;
    private final CoproductionRuns runs;
    private final RunViews views;

    CoproductionApi(CoproductionPlans plans, CoproductionRuns runs, RunViews views) {
        this.plans = plans;
        this.runs = runs;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "A page of the plans you may read, by name; each with withheldDemands and withheldCosts "
            + "(requirements and firms' costs you may not read)")
    MarkedList<CoproductionPlan> list(DicasUser me, Paging paging,
                                      @SortedBy(CoproductionPlans.class) TableView view) {
        return MarkedList.page(plans.list(me, paging, view), CoproductionPlan::highWaterMark);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan (404 when missing or not releasable to you); ETag is its version")
    CoproductionPlan get(DicasUser me, @PathVariable long id) {
        return plans.get(me, id);
    }

    @PostMapping
    @Operation(summary = "Create a plan (government users and the secretariat): name, marking, firstYear, periods, and "
            + "optionally lines, components, transfers, demands; all or nothing")
    ResponseEntity<CoproductionPlan> create(DicasUser me, @RequestBody CoproductionPlans.NewPlan plan) {
        long id = plans.create(me, plan);
        return ResponseEntity.created(URI.create("/api/v1/coproduction/plans/" + id)).body(plans.get(me, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the plan's name, marking, firstYear and periods (If-Match: its version); a change of "
            + "periods cuts or extends every capacity")
    CoproductionPlan update(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                            @RequestBody CoproductionPlans.PlanCommand command) {
        return plans.update(me, id, expected, command);
    }

    @PostMapping("/{id}/lines")
    @Operation(summary = "Add a production line (If-Match: the plan's version); with firmId its unitCost is PROPIN "
            + "of that firm (costMarking, default CUI//REL TO <plan nations>//PROPIN)")
    ResponseEntity<CoproductionPlan> addLine(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                                             @RequestBody CoproductionPlans.LineCommand line) {
        plans.saveLine(me, id, expected, null, line);
        return changed(me, id, HttpStatus.CREATED);
    }

    @PutMapping("/{id}/lines/{code}")
    @Operation(summary = "Change a line (If-Match: the plan's version); a firm's line without unitCost keeps its cost")
    ResponseEntity<CoproductionPlan> updateLine(DicasUser me, @PathVariable long id, @PathVariable String code,
                                                ExpectedVersion expected,
                                                @RequestBody CoproductionPlans.LineCommand line) {
        plans.saveLine(me, id, expected, code, line);
        return changed(me, id, HttpStatus.OK);
    }

    @DeleteMapping("/{id}/lines/{code}")
    @Operation(summary = "Remove a line (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> removeLine(DicasUser me, @PathVariable long id, @PathVariable String code,
                                                ExpectedVersion expected) {
        plans.removeLine(me, id, expected, code);
        return changed(me, id, HttpStatus.OK);
    }

    @PostMapping("/{id}/components")
    @Operation(summary = "Add a shared component (If-Match): code, name, capacity per period, usage per product, "
            + "optional supplyNodeId (a supply-network node you may read)")
    ResponseEntity<CoproductionPlan> addComponent(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                                                  @RequestBody CoproductionPlans.ComponentCommand component) {
        plans.saveComponent(me, id, expected, null, component);
        return changed(me, id, HttpStatus.CREATED);
    }

    @PutMapping("/{id}/components/{code}")
    @Operation(summary = "Change a component (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> updateComponent(DicasUser me, @PathVariable long id, @PathVariable String code,
                                                     ExpectedVersion expected,
                                                     @RequestBody CoproductionPlans.ComponentCommand component) {
        plans.saveComponent(me, id, expected, code, component);
        return changed(me, id, HttpStatus.OK);
    }

    @DeleteMapping("/{id}/components/{code}")
    @Operation(summary = "Remove a component (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> removeComponent(DicasUser me, @PathVariable long id, @PathVariable String code,
                                                     ExpectedVersion expected) {
        plans.removeComponent(me, id, expected, code);
        return changed(me, id, HttpStatus.OK);
    }

    @PostMapping("/{id}/transfers")
    @Operation(summary = "Add a transfer rule (If-Match): from, to, products, whatIf (only a what-if allows it), "
            + "authorizationNumber (an export authorization issued by 'from' that the rule follows)")
    ResponseEntity<CoproductionPlan> addTransfer(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                                                 @RequestBody CoproductionPlans.TransferCommand transfer) {
        plans.saveTransfer(me, id, expected, null, transfer);
        return changed(me, id, HttpStatus.CREATED);
    }

    @PutMapping("/{id}/transfers/{position}")
    @Operation(summary = "Change the transfer rule at this position (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> updateTransfer(DicasUser me, @PathVariable long id, @PathVariable int position,
                                                    ExpectedVersion expected,
                                                    @RequestBody CoproductionPlans.TransferCommand transfer) {
        plans.saveTransfer(me, id, expected, position, transfer);
        return changed(me, id, HttpStatus.OK);
    }

    @DeleteMapping("/{id}/transfers/{position}")
    @Operation(summary = "Remove the transfer rule at this position (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> removeTransfer(DicasUser me, @PathVariable long id, @PathVariable int position,
                                                    ExpectedVersion expected) {
        plans.removeTransfer(me, id, expected, position);
        return changed(me, id, HttpStatus.OK);
    }

    @PostMapping("/{id}/demands")
    @Operation(summary = "Add a demand (If-Match): requirementId (a requirement you may read, with a quantity), "
            + "product, priority 1..1000")
    ResponseEntity<CoproductionPlan> addDemand(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                                               @RequestBody CoproductionPlans.DemandLink demand) {
        plans.saveDemand(me, id, expected, null, demand);
        return changed(me, id, HttpStatus.CREATED);
    }

    @PutMapping("/{id}/demands/{requirement}")
    @Operation(summary = "Change the demand of this requirement (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> updateDemand(DicasUser me, @PathVariable long id, @PathVariable long requirement,
                                                  ExpectedVersion expected,
                                                  @RequestBody CoproductionPlans.DemandLink demand) {
        plans.saveDemand(me, id, expected, requirement, demand);
        return changed(me, id, HttpStatus.OK);
    }

    @DeleteMapping("/{id}/demands/{requirement}")
    @Operation(summary = "Remove the demand of this requirement (If-Match: the plan's version)")
    ResponseEntity<CoproductionPlan> removeDemand(DicasUser me, @PathVariable long id, @PathVariable long requirement,
                                                  ExpectedVersion expected) {
        plans.removeDemand(me, id, expected, requirement);
        return changed(me, id, HttpStatus.OK);
    }

    @PostMapping("/{id}/runs")
    @Operation(summary = "Start a run in the background (202): seconds 1..600 (default 20) and, optionally, whatIf "
            + "{kind: ADD_LINE_CAPACITY | ALLOW_TRANSFER | DISRUPT_COMPONENT | DISRUPT_COUNTRY, subject, amount}")
    ResponseEntity<RunView> start(DicasUser me, @PathVariable long id, @RequestBody(required = false) RunRequest run) {
        RunRequest r = run == null ? new RunRequest(null, null) : run;
        return started(me, id, runs.start(me, id, Optional.ofNullable(r.whatIf()), seconds(r)));
    }

    @PostMapping("/{id}/what-ifs")
    @Operation(summary = "Start a what-if run (202): {kind, subject, amount, seconds}; its result shows the difference "
            + "from the latest baseline run before it")
    ResponseEntity<RunView> whatIf(DicasUser me, @PathVariable long id, @RequestBody WhatIfRequest w) {
        if (w.kind() == null) {
            throw InvalidInputException.of("kind", "coproduction.error.whatIfKind");
        }
        WhatIf whatIf = new WhatIf(w.kind(), w.subject() == null ? "" : w.subject(), w.amount() == null ? 0 : w.amount());
        return started(me, id, runs.start(me, id, Optional.of(whatIf), seconds(new RunRequest(w.seconds(), whatIf))));
    }

    /** A what-if to run. */
    record WhatIfRequest(WhatIf.Kind kind, String subject, Integer amount, Integer seconds) {
    }

    @GetMapping("/{id}/runs/{run}")
    @Operation(summary = "A run: status, progress, score (cost withheld unless you may read every firm's cost behind "
            + "it), deliveries by nation and year, bottlenecks, unmet demands, transfers left out and why, and for a "
            + "what-if the difference from its baseline")
    RunView run(DicasUser me, @PathVariable long id, @PathVariable long run) {
        return views.view(me, id, run);
    }

    @PostMapping("/{id}/runs/{run}/stop")
    @Operation(summary = "Ask a run to stop (202); it keeps the best plan found (STOPPED)")
    ResponseEntity<RunView> stop(DicasUser me, @PathVariable long id, @PathVariable long run) {
        runs.stop(me, id, run);
        return ResponseEntity.accepted().body(views.view(me, id, run));
    }

    private static int seconds(RunRequest r) {
        return r.seconds() == null ? 20 : r.seconds();
    }

    private ResponseEntity<RunView> started(DicasUser me, long id, long run) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/coproduction/plans/" + id + "/runs/" + run))
                .body(views.view(me, id, run));
    }

    private ResponseEntity<CoproductionPlan> changed(DicasUser me, long id, HttpStatus status) {
        return ResponseEntity.status(status).body(plans.get(me, id));
    }
}
