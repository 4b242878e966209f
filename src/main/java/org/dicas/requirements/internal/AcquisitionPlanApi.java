package org.dicas.requirements.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.requirements.AcquisitionPlan;
import org.dicas.requirements.AcquisitionPlanCommand;
import org.dicas.requirements.AcquisitionPlans;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.util.Optional;
import org.dicas.shared.Paging;
import org.dicas.platform.SortedBy;
import org.dicas.security.Directory;

import org.dicas.shared.TableView;

@RestController
@RequestMapping("/api/v1/acquisition-plans")
@Tag(name = "Acquisition plans", description = "Plans answering a requirement: milestones and a budget profile by "
        + "the nation's fiscal year (USA FY Oct-Sep named by ending year; Japan JFY Apr-Mar named by starting year; "
        + "Australia FY Jul-Jun)")
class AcquisitionPlanApi {

    private final AcquisitionPlans plans;
    private final Directory directory;

    AcquisitionPlanApi(AcquisitionPlans plans, Directory directory) {
        this.plans = plans;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "A page of the plans you may read (a plan needs its requirement to be readable too), the "
            + "most recently changed first unless sorted otherwise; requirement = plans of one requirement, nation = "
            + "plans of that nation's requirements, q = a text in the plan's title or notes or its requirement's title")
    MarkedList<AcquisitionPlan> list(DicasUser me, @RequestParam(required = false) Long requirement,
                                     @RequestParam(required = false) String nation, Paging paging,
                                     @SortedBy(AcquisitionPlans.class) TableView view) {
        Optional<String> only = nation == null || nation.isBlank() ? Optional.empty()
                : AcquisitionPlanPages.nation(nation,
                        directory.nations().stream().map(Directory.Nation::code).toList());
        return MarkedList.page(plans.list(me, Optional.ofNullable(requirement), only, paging, view),
                AcquisitionPlan::marking);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan with its milestones and budget lines labelled by the nation's fiscal year")
    AcquisitionPlan get(DicasUser me, @PathVariable long id) {
        return plans.get(me, id);
    }

    @PostMapping
    @Operation(summary = "Create a plan for a requirement (whoever may change the requirement). budget[].fiscalYear "
            + "is the number the requirement's nation uses (USA FY2026 = 2026, starts 1 Oct 2025; JPN JFY2026 = 2026, "
            + "starts 1 Apr 2026)")
    ResponseEntity<AcquisitionPlan> create(DicasUser me, @RequestBody AcquisitionPlanCommand command) {
        AcquisitionPlan p = plans.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/acquisition-plans/" + p.id())).body(p);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a plan's title, notes, milestones, budget and marking")
    AcquisitionPlan update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @RequestBody AcquisitionPlanCommand command) {
        return plans.update(me, id, expected, command);
    }
}
