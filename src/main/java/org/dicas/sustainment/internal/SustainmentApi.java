package org.dicas.sustainment.internal;

import org.dicas.platform.SortedBy;
import org.dicas.shared.TableView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.MarkedList;
import org.dicas.sustainment.PinCommand;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility;
import org.dicas.sustainment.RepairFacilityCommand;
import org.dicas.sustainment.RepairJob;
import org.dicas.sustainment.RepairJobCommand;
import org.dicas.sustainment.RepairJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;

/** Repair facilities and jobs as JSON; every read filtered by the releasability policy (hidden = 404). */
@RestController
@RequestMapping("/api/v1/sustainment")
@Tag(name = "Sustainment")
class SustainmentApi {

    private final RepairFacilities facilities;
    private final RepairJobs jobs;

    SustainmentApi(RepairFacilities facilities, RepairJobs jobs) {
        this.facilities = facilities;
        this.jobs = jobs;
    }

    @GetMapping("/facilities")
    @Operation(summary = "A page of the repair facilities you may read, by code")
    MarkedList<RepairFacility> facilities(DicasUser me, Paging paging,
                                          @SortedBy(RepairFacilities.class) TableView view) {
        return MarkedList.page(facilities.list(me, paging, view), RepairFacility::marking);
    }

    @GetMapping("/facilities/{id}")
    RepairFacility facility(DicasUser me, @PathVariable long id) {
        return facilities.get(me, id);
    }

    @PostMapping("/facilities")
    @Operation(summary = "Register a facility (government users; industry users: their company's PROPIN data)")
    ResponseEntity<RepairFacility> createFacility(DicasUser me, @RequestBody RepairFacilityCommand command) {
        RepairFacility f = facilities.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/sustainment/facilities/" + f.id())).body(f);
    }

    @PutMapping("/facilities/{id}")
    RepairFacility updateFacility(DicasUser me, @PathVariable long id, ExpectedVersion expected, @RequestBody RepairFacilityCommand command) {
        return facilities.update(me, id, expected, command);
    }

    @GetMapping("/jobs")
    @Operation(summary = "A page of the repair jobs you may read, most urgent first (priority, due date, code, id)")
    MarkedList<RepairJob> jobs(DicasUser me, Paging paging, @SortedBy(RepairJobs.class) TableView view) {
        return MarkedList.page(jobs.list(me, paging, view), RepairJob::marking);
    }

    @GetMapping("/jobs/{id}")
    RepairJob job(DicasUser me, @PathVariable long id) {
        return jobs.get(me, id);
    }

    @PostMapping("/jobs")
    @Operation(summary = "Create a job (government users); foreignRepairAllowed is derived for ship work")
    ResponseEntity<RepairJob> createJob(DicasUser me, @RequestBody RepairJobCommand command) {
        RepairJob j = jobs.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/sustainment/jobs/" + j.id())).body(j);
    }

    @PutMapping("/jobs/{id}")
    RepairJob updateJob(DicasUser me, @PathVariable long id, ExpectedVersion expected, @RequestBody RepairJobCommand command) {
        return jobs.update(me, id, expected, command);
    }

    @PostMapping("/jobs/{id}/pin")
    @Operation(summary = "Pin a job to a resource and start day (government users)")
    RepairJob pin(DicasUser me, @PathVariable long id, @RequestBody(required = false) PinCommand pin) {
        if (pin == null) {
            throw InvalidInputException.of("resource", "sus.error.pinNeedsResourceAndStart");
        }
        return jobs.pin(me, id, pin.resource(), pin.start());
    }

    @DeleteMapping("/jobs/{id}/pin")
    RepairJob unpin(DicasUser me, @PathVariable long id, ExpectedVersion expected) {
        return jobs.unpin(me, id, expected);
    }
}
