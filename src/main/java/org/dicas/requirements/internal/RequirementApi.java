package org.dicas.requirements.internal;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import java.util.Locale;
import org.dicas.shared.Sentences;
import org.dicas.shared.Sentence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.dicas.shared.ExpectedVersion;
import org.dicas.requirements.Requirement;
import org.dicas.requirements.RequirementCommand;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.dicas.shared.Paging;

@RestController
@RequestMapping("/api/v1/requirements")
@Tag(name = "Requirements", description = "Operational requirements of each nation, in English and/or Japanese")
class RequirementApi {

    private final Requirements requirements;
    private final RequirementImport importer;

    RequirementApi(Requirements requirements, RequirementImport importer) {
        this.requirements = requirements;
        this.importer = importer;
    }

    @GetMapping
    @Operation(summary = "A page of the requirements you may read, earliest need first, then by id; filters: nation (ISO alpha-3), area "
            + "(capability-area code; a top-level area includes its sub-areas), status, text (in titles and "
            + "descriptions of both languages)")
    MarkedList<Requirement> list(DicasUser me, @RequestParam(required = false) String nation,
                                 @RequestParam(required = false) String area,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String text, Paging paging,
                                 @SortedBy(Requirements.class) TableView view) {
        return MarkedList.page(requirements.list(me, new Requirements.Filter(nation, area, status, text), paging, view),
                Requirement::marking);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One requirement (404 when missing or not releasable to you)")
    Requirement get(DicasUser me, @PathVariable long id) {
        return requirements.get(me, id);
    }

    @PostMapping
    @Operation(summary = "Register a requirement (government users). nation defaults to yours, status to DRAFT; "
            + "titleEn and/or titleJa; needBy yyyy-mm-dd; quantity optional")
    ResponseEntity<Requirement> create(DicasUser me, @RequestBody RequirementCommand command) {
        Requirement r = requirements.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/requirements/" + r.id())).body(r);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a requirement (government users of its nation, or its author); the whole "
            + "requirement is sent")
    Requirement update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @RequestBody RequirementCommand command) {
        return requirements.update(me, id, expected, command);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import requirements from a CSV (UTF-8) or Excel .xlsx file (part 'file') with a header "
            + "row: nation, service, capabilityArea, titleEn, titleJa, descriptionEn, descriptionJa, quantity, "
            + "needBy, status, marking. All or nothing: on any error nothing is saved and the errors are listed "
            + "with line numbers (400, 'errors')")
    ResponseEntity<Map<String, Object>> importFile(DicasUser me,
                                                   @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new RequirementImport.Refused(List.of(Sentence.of("requirement.import.emptyFile")));
        }
        RequirementImport.Result r = importer.importFile(me, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", r.imported(), "ids", r.ids()));
    }

    @ExceptionHandler(RequirementImport.Refused.class)
    ResponseEntity<ProblemDetail> refused(RequirementImport.Refused e, Locale locale) {
        List<String> errors = e.errors(locale);
        Sentence first = e.errors().isEmpty() ? Sentence.of("requirement.import.emptyFile") : e.errors().get(0);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Sentences.fieldProblem("file",
                Sentence.of("requirement.import.refusedDetail", first, errors.size()), locale));
        p.setTitle(Sentences.render(Sentence.of("requirement.import.refusedTitle"), locale));
        p.setProperty("field", "file");
        p.setProperty("messageKey", first.key());
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
