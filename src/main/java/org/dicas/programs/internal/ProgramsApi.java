package org.dicas.programs.internal;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.programs.Agreement;
import org.dicas.programs.AgreementCommand;
import org.dicas.programs.Agreements;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.programs.Programs;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;
import org.dicas.shared.Facets;
import org.springframework.web.bind.annotation.RequestParam;

/** Programs and agreements over JSON: list, get, create, update. A record the caller may not read answers 404. */
@RestController
@Tag(name = "Programs and agreements")
class ProgramsApi {

    private final Programs programs;
    private final Agreements agreements;

    ProgramsApi(Programs programs, Agreements agreements) {
        this.programs = programs;
        this.agreements = agreements;
    }

    @GetMapping("/api/v1/programs")
    @Operation(summary = "A page of the cooperative programs you may read (by name, then id), with partner cost shares, work-share targets and imbalance "
            + "(work share − cost share), milestones and the linked requirements you may read (others counted as withheld)")
    MarkedList<Program> programs(DicasUser me, Paging paging, @SortedBy(Programs.class) TableView view) {
        return MarkedList.page(programs.list(me, paging, view), Program::highWaterMark);
    }

    @GetMapping("/api/v1/programs/{id}")
    Program program(DicasUser me, @PathVariable long id) {
        return programs.get(me, id);
    }

    @PostMapping("/api/v1/programs")
    @Operation(summary = "Create a program (government users and the secretariat); cost shares must sum to exactly 100")
    ResponseEntity<Program> createProgram(DicasUser me, @Valid @RequestBody ProgramCommand command) {
        Program p = programs.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/programs/" + p.id())).body(p);
    }

    @PutMapping("/api/v1/programs/{id}")
    @Operation(summary = "Replace a program's fields, partners, milestones and linked requirements")
    Program updateProgram(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody ProgramCommand command) {
        return programs.update(me, id, expected, command);
    }

    @GetMapping("/api/v1/agreements")
    @Operation(summary = "A page of the agreements you may read, most recently signed first (unsigned last), then by "
            + "id unless sorted otherwise, with the documents and programs you may read; type = only agreements of "
            + "that type (MOU, PROJECT_ARRANGEMENT, SOSA, TERMS_OF_REFERENCE, OTHER), q = a text in title or "
            + "description")
    MarkedList<Agreement> agreements(DicasUser me, Paging paging, @SortedBy(Agreements.class) TableView view,
                                     @RequestParam(required = false) String type) {
        return MarkedList.page(agreements.list(me, Facets.of("type", Agreement.Type.class, type), paging, view),
                Agreement::highWaterMark);
    }

    @GetMapping("/api/v1/agreements/{id}")
    Agreement agreement(DicasUser me, @PathVariable long id) {
        return agreements.get(me, id);
    }

    @PostMapping("/api/v1/agreements")
    @Operation(summary = "Create an agreement (government users and the secretariat)")
    ResponseEntity<Agreement> createAgreement(DicasUser me, @Valid @RequestBody AgreementCommand command) {
        Agreement a = agreements.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/agreements/" + a.id())).body(a);
    }

    @PutMapping("/api/v1/agreements/{id}")
    Agreement updateAgreement(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody AgreementCommand command) {
        return agreements.update(me, id, expected, command);
    }
}
